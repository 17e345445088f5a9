/**
 * Reads the figure catalogue (the built-in YAML, or a workspace's `.summit-lens/figures.yaml`).
 * A catalogue never fails as a whole: every entry that can be read is kept, and each problem
 * is reported with the zero-based line it sits on, so an editor can underline it.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { CatalogueProblem, Figure, FigureOrigin, Role } from './types';

const LIST_FIELDS = ['names', 'short', 'notIn', 'latin', 'compounds', 'titles'] as const;
const STRING_FIELDS = ['id', 'en', 'zh', 'country', 'source'] as const;
const KNOWN_FIELDS = new Set<string>([...LIST_FIELDS, ...STRING_FIELDS, 'roles']);
/** `source` says where the role and its dates were checked; it is kept for the reader, not matched. */
const ROLE_FIELDS = new Set(['zh', 'en', 'from', 'to', 'source']);
/** Whole or partial ISO dates: a role often starts "in 2021" without a known day. */
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

type ListField = (typeof LIST_FIELDS)[number];

export function parseFigureCatalogue(yamlText: string, origin: FigureOrigin): { figures: Figure[]; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const figures: Figure[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line - 1 : undefined;
  };
  for (const error of doc.errors) {
    problems.push({ message: `YAML syntax error: ${firstLine(error.message)}`, line: lineCounter.linePos(error.pos[0]).line - 1 });
  }

  let root: unknown = doc.contents;
  // A file may also wrap the list as `figures: [...]`.
  if (isMap(root) && root.has('figures')) root = root.get('figures', true);
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === undefined))) return { figures, problems };
  if (!isSeq(root)) {
    problems.push({ message: 'The figure catalogue must be a list of figures (each starting with `- id: ...`).', line: lineOf(root) ?? 0 });
    return { figures, problems };
  }

  const seen = new Map<string, number | undefined>();
  root.items.forEach((item, index) => {
    const line = lineOf(item);
    if (!isMap(item)) {
      problems.push({ message: `Entry ${index + 1} is not a mapping of fields (id, en, zh, names, ...); it is skipped.`, line });
      return;
    }
    const figure = readFigure(item, origin, line, problems, lineOf);
    if (!figure) return;
    if (seen.has(figure.id)) {
      const first = seen.get(figure.id);
      problems.push({ message: `Duplicate figure id "${figure.id}"${first !== undefined ? ` (first on line ${first + 1})` : ''}; this entry is skipped.`, line });
      return;
    }
    seen.set(figure.id, line);
    figures.push(figure);
  });
  return { figures, problems };
}

function readFigure(
  map: YAMLMap,
  origin: FigureOrigin,
  line: number | undefined,
  problems: CatalogueProblem[],
  lineOf: (node: unknown) => number | undefined,
): Figure | undefined {
  const strings: Partial<Record<(typeof STRING_FIELDS)[number], string>> = {};
  const lists: Record<ListField, string[]> = { names: [], short: [], notIn: [], latin: [], compounds: [], titles: [] };
  let roles: Role[] = [];
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyLine = lineOf(pair.key) ?? line;
    if (!KNOWN_FIELDS.has(key)) {
      problems.push({ message: `Unknown field "${key}" (expected one of ${[...KNOWN_FIELDS].join(', ')}).`, line: keyLine });
      continue;
    }
    const value = pair.value;
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      const text = scalarText(value);
      if (text === undefined) problems.push({ message: `Field "${key}" must be a string.`, line: lineOf(value) ?? keyLine });
      else strings[key as (typeof STRING_FIELDS)[number]] = text.trim();
    } else if (key === 'roles') {
      roles = readRoles(value, keyLine, problems, lineOf);
    } else {
      lists[key as ListField] = readStringList(key, value, keyLine, problems, lineOf);
    }
  }
  const label = strings.id ? `"${strings.id}"` : strings.en ? `"${strings.en}"` : 'This entry';
  if (!strings.id) {
    problems.push({ message: `${label === 'This entry' ? 'This entry' : `The entry for ${label}`} has no "id"; it is skipped.`, line });
    return undefined;
  }
  if (!strings.en) problems.push({ message: `Figure ${label} has no English name ("en").`, line });
  if (!strings.zh) problems.push({ message: `Figure ${label} has no Chinese name ("zh").`, line });
  // The display name is matched too, so an entry need not repeat it; but a form listed as short
  // (哈里斯, 彭斯) stays short, so its notIn words (哈里斯县) keep guarding it.
  const short = unique(lists.short);
  const names = unique([...(strings.zh ? [strings.zh] : []), ...lists.names]).filter((name) => !short.includes(name));
  const latin = unique([...lists.latin, ...(strings.en && /^[\p{Script=Latin}\s.'’-]+$/u.test(strings.en) ? [strings.en] : [])]);
  return {
    id: strings.id,
    en: strings.en ?? strings.id,
    zh: strings.zh ?? names[0] ?? '',
    names,
    short,
    notIn: unique(lists.notIn),
    latin,
    compounds: unique(lists.compounds),
    titles: unique(lists.titles),
    roles,
    ...(strings.country ? { country: strings.country } : {}),
    ...(strings.source ? { source: strings.source } : {}),
    origin,
  };
}

function readStringList(
  key: string,
  value: unknown,
  line: number | undefined,
  problems: CatalogueProblem[],
  lineOf: (node: unknown) => number | undefined,
): string[] {
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
  if (!isSeq(value)) {
    problems.push({ message: `Field "${key}" must be a list of strings, e.g. [拜登, 拜登.].`, line: lineOf(value) ?? line });
    return [];
  }
  const result: string[] = [];
  for (const item of value.items) {
    const text = scalarText(item);
    if (text === undefined || text.trim() === '') problems.push({ message: `Every item of "${key}" must be a non-empty string.`, line: lineOf(item) ?? line });
    else result.push(text.trim());
  }
  return result;
}

function readRoles(value: unknown, line: number | undefined, problems: CatalogueProblem[], lineOf: (node: unknown) => number | undefined): Role[] {
  if (value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
  if (!isSeq(value)) {
    problems.push({ message: 'Field "roles" must be a list of {zh, en, from, to}.', line: lineOf(value) ?? line });
    return [];
  }
  const roles: Role[] = [];
  for (const item of value.items) {
    const itemLine = lineOf(item) ?? line;
    if (!isMap(item)) {
      problems.push({ message: 'Each role must be a mapping {zh, en, from, to}.', line: itemLine });
      continue;
    }
    const role: Partial<Role> = {};
    let ok = true;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!ROLE_FIELDS.has(key)) {
        problems.push({ message: `Unknown role field "${key}" (expected zh, en, from, to, source).`, line: lineOf(pair.key) ?? itemLine });
        continue;
      }
      // YAML reads an unquoted 2021-01-20 as a string here (core schema), but a bare year is a number.
      const text = scalarText(pair.value);
      if (text === undefined) {
        problems.push({ message: `Role field "${key}" must be a string.`, line: lineOf(pair.value) ?? itemLine });
        ok = key === 'from' || key === 'to' ? ok : false;
        continue;
      }
      if ((key === 'from' || key === 'to') && !ISO_DATE.test(text.trim())) {
        problems.push({ message: `Role field "${key}" must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "${text}".`, line: lineOf(pair.value) ?? itemLine });
        continue;
      }
      role[key as keyof Role] = text.trim();
    }
    if (!role.zh && !role.en) {
      problems.push({ message: 'A role needs at least "zh" or "en".', line: itemLine });
      ok = false;
    }
    if (ok) roles.push({ zh: role.zh ?? role.en ?? '', en: role.en ?? role.zh ?? '', ...(role.from ? { from: role.from } : {}), ...(role.to ? { to: role.to } : {}), ...(role.source ? { source: role.source } : {}) });
  }
  return roles;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** Workspace entries override built-in ones with the same id and add the rest. */
export function mergeFigures(base: Figure[], overrides: Figure[]): Figure[] {
  const byId = new Map(base.map((figure) => [figure.id, figure]));
  for (const figure of overrides) byId.set(figure.id, figure);
  return [...byId.values()];
}

/**
 * The figure's role on a date: the one whose span covers it, else the latest that began
 * before it, else the first. Without a date, the latest role.
 */
export function roleAt(figure: Figure, isoDate?: string): Role | undefined {
  const roles = figure.roles;
  if (roles.length === 0) return undefined;
  if (!isoDate) return [...roles].sort((a, b) => compareDates(a.from, b.from))[roles.length - 1];
  const day = isoDate.slice(0, 10);
  const covering = roles.filter((role) => (!role.from || startOf(role.from) <= day) && (!role.to || day <= endOf(role.to)));
  if (covering.length > 0) return covering.sort((a, b) => compareDates(a.from, b.from))[covering.length - 1];
  const before = roles.filter((role) => role.from && startOf(role.from) <= day).sort((a, b) => compareDates(a.from, b.from));
  if (before.length > 0) return before[before.length - 1];
  return roles[0];
}

/** Partial dates cover their whole year or month. */
function startOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function endOf(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

function compareDates(a: string | undefined, b: string | undefined): number {
  return (a ? startOf(a) : '').localeCompare(b ? startOf(b) : '');
}
