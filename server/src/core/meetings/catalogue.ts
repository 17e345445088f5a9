/**
 * Reads the meeting catalogue (the built-in `server/data/meetings.yaml`, or a workspace's
 * `.summit-lens/meetings.yaml`). Reading never fails: it returns every entry it could
 * validate plus the problems it found, each with the line it was found on.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { CatalogueProblem } from '../figures/types';
import type { Meeting, MeetingKind } from './types';

const KINDS: readonly MeetingKind[] = ['in-person', 'video', 'call'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseMeetingCatalogue(yamlText: string, origin: Meeting['origin']): { meetings: Meeting[]; problems: CatalogueProblem[] } {
  const meetings: Meeting[] = [];
  const problems: CatalogueProblem[] = [];
  const lineCounter = new LineCounter();
  let document;
  try {
    document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  } catch (error) {
    // The yaml package reports syntax errors as values; this only guards against its own bugs.
    return { meetings, problems: [{ message: `Could not read the meeting catalogue: ${String(error)}` }] };
  }
  const lineOf = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line - 1;
  for (const error of document.errors) problems.push({ message: error.message.split('\n')[0], line: lineOf(error.pos[0]) });

  const root = document.contents;
  if (root === null || root === undefined) return { meetings, problems };
  // A workspace file may be a bare list or `meetings: [...]`.
  const list = isMap(root) ? root.get('meetings', true) : root;
  if (!isSeq(list)) {
    problems.push({ message: 'The meeting catalogue must be a list of meetings (or a `meetings:` list).', line: lineOf(root.range?.[0]) });
    return { meetings, problems };
  }
  const seen = new Set<string>();
  for (const item of list.items) {
    const line = lineOf((item as YamlNode | null)?.range?.[0]);
    if (!isMap(item)) {
      problems.push({ message: 'A meeting entry must be a mapping with id, date, kind, title and place.', line });
      continue;
    }
    const meeting = readMeeting(item, origin, (message, node) => problems.push({ message, line: lineOf(node?.range?.[0]) ?? line }));
    if (!meeting) continue;
    if (seen.has(meeting.id)) {
      problems.push({ message: `Duplicate meeting id \`${meeting.id}\`; the later entry is ignored.`, line });
      continue;
    }
    seen.add(meeting.id);
    meetings.push(meeting);
  }
  return { meetings, problems };
}

type Report = (message: string, node?: YamlNode | null) => void;

/** Validates one entry; returns undefined when a required field is missing or malformed. */
function readMeeting(map: YAMLMap, origin: Meeting['origin'], report: Report): Meeting | undefined {
  const node = (key: string) => map.get(key, true) as YamlNode | undefined;
  const plain = map.toJSON() as Record<string, unknown>;
  const value = (key: string): unknown => {
    const raw = plain[key];
    // The core schema reads dates as strings, but a YAML 1.1 file could still yield Date objects.
    return raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
  };
  const id = value('id');
  if (typeof id !== 'string' || !KEBAB_ID.test(id)) {
    report(`A meeting needs an \`id\` in kebab-case (e.g. 2023-11-15-woodside); got ${JSON.stringify(id ?? null)}.`, node('id') ?? map);
    return undefined;
  }
  const date = value('date');
  if (typeof date !== 'string' || !ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
    report(`Meeting \`${id}\`: \`date\` must be an ISO date (YYYY-MM-DD).`, node('date') ?? map);
    return undefined;
  }
  let beijingDate = value('beijingDate');
  if (beijingDate === undefined) beijingDate = date;
  if (typeof beijingDate !== 'string' || !ISO_DATE.test(beijingDate) || Number.isNaN(Date.parse(beijingDate))) {
    report(`Meeting \`${id}\`: \`beijingDate\` must be an ISO date (YYYY-MM-DD).`, node('beijingDate'));
    beijingDate = date;
  }
  const kind = value('kind');
  if (typeof kind !== 'string' || !KINDS.includes(kind as MeetingKind)) {
    report(`Meeting \`${id}\`: \`kind\` must be one of ${KINDS.join(', ')}.`, node('kind') ?? map);
    return undefined;
  }
  const title = readPair(value('title'));
  if (!title) {
    report(`Meeting \`${id}\`: \`title\` needs both \`zh\` and \`en\`.`, node('title') ?? map);
    return undefined;
  }
  const place = readPair(value('place')) ?? { zh: '', en: '' };
  if (!place.zh && !place.en) report(`Meeting \`${id}\`: \`place\` should give \`zh\` and \`en\`.`, node('place') ?? map);
  const occasionValue = value('occasion');
  const occasion = occasionValue === undefined || occasionValue === null ? undefined : readPair(occasionValue);
  if (occasionValue !== undefined && occasionValue !== null && !occasion) report(`Meeting \`${id}\`: \`occasion\` needs both \`zh\` and \`en\`.`, node('occasion'));
  const summaryValue = value('summary');
  let summary: Meeting['summary'] = { en: '' };
  if (typeof summaryValue === 'string') summary = { en: summaryValue.trim() };
  else if (summaryValue && typeof summaryValue === 'object') {
    const { en, zh } = summaryValue as Record<string, unknown>;
    summary = { en: typeof en === 'string' ? en.trim() : '', ...(typeof zh === 'string' ? { zh: zh.trim() } : {}) };
  }
  if (!summary.en) report(`Meeting \`${id}\`: \`summary.en\` is missing.`, node('summary') ?? map);

  const strings = (key: string): string[] => {
    const raw = value(key);
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      report(`Meeting \`${id}\`: \`${key}\` must be a list of strings.`, node(key));
      return [];
    }
    const good = raw.filter((entry): entry is string | number => typeof entry === 'string' || typeof entry === 'number').map(String).map((s) => s.trim()).filter(Boolean);
    if (good.length !== raw.length) report(`Meeting \`${id}\`: \`${key}\` has entries that are not strings; they are ignored.`, node(key));
    return good;
  };
  const countryValue = value('country');
  const country = typeof countryValue === 'string' && /^[A-Za-z]{2}$/.test(countryValue.trim()) ? countryValue.trim().toUpperCase() : undefined;
  if (countryValue !== undefined && countryValue !== null && !country) report(`Meeting \`${id}\`: \`country\` must be a two-letter country code (CN, US).`, node('country'));
  const sourceValue = value('source');
  if (sourceValue !== undefined && sourceValue !== null && typeof sourceValue !== 'string') report(`Meeting \`${id}\`: \`source\` must be a string.`, node('source'));
  const source = typeof sourceValue === 'string' && sourceValue.trim() ? sourceValue.trim() : undefined;
  const participants = strings('participants');
  for (const participant of participants) if (!KEBAB_ID.test(participant)) report(`Meeting \`${id}\`: participant \`${participant}\` is not a figure id in kebab-case.`, node('participants'));

  return {
    id,
    date,
    beijingDate: beijingDate as string,
    kind: kind as MeetingKind,
    ...(country ? { country } : {}),
    title,
    place,
    placeNames: strings('placeNames'),
    ...(occasion ? { occasion } : {}),
    occasionNames: strings('occasionNames'),
    participants,
    aliases: strings('aliases'),
    summary,
    ...(source ? { source } : {}),
    origin,
  };
}

function readPair(raw: unknown): { zh: string; en: string } | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const { zh, en } = raw as Record<string, unknown>;
  if (typeof zh !== 'string' || typeof en !== 'string' || !zh.trim() || !en.trim()) return undefined;
  return { zh: zh.trim(), en: en.trim() };
}
