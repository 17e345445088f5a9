/**
 * Finds meeting mentions (拜习会, 会晤, 通话, 峰会 …) in an article and links each to the
 * catalogue meeting it means, from the cues nearest to it: dates, places, occasions, the kind
 * of meeting and tense, then the article's main meeting. A mention is left unlinked rather
 * than guessed: it needs evidence that the meeting is between Biden and Xi.
 */
import { normalizeForMatching } from '../text/normalize';
import { PairFilter } from '../text/pairFilter';
import { dayOf, findDates, isoOf, type DateExpression, type Day } from './dates';
import { scanLines, type LineScans } from '../text/lineScans';
import type { DateCue, Meeting, MeetingKind, MeetingMention, MeetingRecognition } from './types';

export interface MeetingInput {
  text: string;
  normalized: string;
  /** `normalized.toLowerCase()`, when the caller has it already. */
  lower?: string;
  /** Line-local scans of `normalized` and of `lower`, kept across edits (see `LineScans`). */
  scans?: LineScans;
  lowerScans?: LineScans;
  /** The article's ISO date, if known. */
  articleDate?: string;
  title?: string;
}

// All patterns run over normalised text (simplified script, half-width forms).
const MENTION_RE = new RegExp(
  [
    '(?:拜习|习拜)(?:二次|首次|第[一二三四五六七八九十\\d]+次)?(?:视频|线上|云|电话)?(?:峰会|会晤|会谈|会面|通话|通电话|电话|会)',
    '(?:中美|美中|两国)(?:元首|首脑|领导人)(?:之间)?(?:的)?(?:视频|线上|云|电话)?(?:会晤|会谈|会面|峰会|通话|通电话|见面)',
    '(?:元首|首脑|领导人)(?:视频|线上|云|电话)?(?:会晤|会谈|会面|峰会|通话)',
    '(?:视频|视讯|线上|虚拟|云)(?:会晤|会谈|峰会|通话|会面)',
    '电话(?:会谈|会晤|交谈)',
    // 通过电话 alone is "by phone"; with a count (通过两次电话) it is a number of calls.
    '通(?:了)?(?:[一两二三四五六七八九十\\d]+次|个)?电话',
    '通过[一两二三四五六七八九十\\d]+次电话',
    '通话', '高峰会', '峰会', '会晤', '会谈', '会面', '会见', '见面',
  ].join('|'),
  'g',
);

const STRONG_ALIAS_RE = /拜习|习拜|中美元首|美中元首|中美首脑|美中首脑/;
// Both are only ever tested against lower-cased text, and only for whether they match: no case
// folding, and no lookbehind before 习 (one would make the regex try every position of an article).
const BIDEN_RE = /拜登|美国总统|美总统|biden|拜(?=[与和同、习])/;
const XI_RE = /习近平|习主席|习总|中国国家主席|国家主席习|中国领导人|中共领导人|中国最高领导人|老习|xi jinping|[拜与和同、]习(?![惯俗题作得])/;
const PAIR_RE = /拜习|习拜|中美元首|美中元首|中美首脑|美中首脑/;
/** People and roles whose meetings are not Biden–Xi ones (ministers, other leaders). */
const COUNTER_RE = new RegExp(
  [
    '特朗普|川普|普京|普丁|马克龙|莫迪|岸田|石破|尹锡悦|朔尔茨|苏纳克|斯塔默|卢拉|佐科|佐克威|普拉博沃|阿尔巴尼斯|奥巴马|胡锦涛|江泽民|李强|李克强',
    '布林肯|王毅|沙利文|苏利文|杨洁篪|耶伦|谢尔曼|谢锋|克里|何立峰|刘鹤|奥斯汀|董军|魏凤和|秦刚|坎贝尔|雷蒙多|戴琪|王文涛|蓬佩奥|佩洛西|麦卡锡|哈里斯|解振华|李尚福',
    '外长|国务卿|部长|防长|高层|高官|官员|特使|顾问|代表团|议长|副总统|副主席|副总理',
    // Other pairs of countries and multilateral groupings (中俄元首会晤, 金砖国家领导人会晤).
    '中[俄欧法德日韩印英非阿]|[俄法德日韩印英]中|金砖|上合|东盟',
    '(?<!美国|美|拜登|前)(?:总统|总理|首相|国王|女王)(?!拜登)|(?<!中共中央|中共|党中央)总书记(?!习)|秘书长',
  ].join('|'),
);
const FUTURE_RE = /将|即将|计划|预计|有望|准备|拟|前瞻|前夕|在即|登场|举行前|之前举行|希望|想|意愿|愿意|可能|是否|能否|会不会|筹备|敲定/;
const PAST_RE = /了|已|曾|此前|上次|过去|刚刚|结束/;
const CALL_RE = /通话|电话/;
const VIDEO_RE = /视频|视讯|线上|虚拟|云会晤|云端|在线/;
const IN_PERSON_RE = /面对面|当面|亲自|会面|见面|出访|访美|抵达/;
const COUNT_RE = /([两二三四五六七八九\d])次/;
/** Multilateral summits: 峰会 after one of these is the occasion, not the leaders' meeting. */
const OCCASION_BEFORE_RE = /(?:apec|g\d+|集团|组织|经合|金砖|上合|东盟|北约|论坛|七国|民主|气候|联合国|亚太|中非|中阿|中欧|中亚|欧盟|国家|各国|多边|国际|\)|）)(?:工商)?(?:领导人|非正式)?$/i;
const MODAL_BEFORE_RE = /(?:肯定|一定|也|都|不|还|就|才|将|会|能)$/;

// A semicolon joins statements about different things, so cues do not cross it.
const SENTENCE_END = new Set(['。', '!', '?', '！', '？', '\n', ';', '；']);
const CLAUSE_END = new Set([...SENTENCE_END, ',', '，', ';', '；', ':', '：']);

interface Term {
  meetingIds: Set<string>;
  role: 'place' | 'occasion' | 'alias';
}

interface CatalogueMatcher {
  /** Sticky: tried only where a term may start (see findTerms). */
  regex: RegExp;
  /** The first character of every term, and the first two of every longer one. */
  starts: Uint8Array;
  openings: PairFilter;
  /** The first characters of one-character terms, which the pair filter cannot vouch for. */
  singles: Uint8Array;
  terms: Map<string, Term[]>;
  /** The alias terms: the only ones that make a mention without a meeting word. */
  aliases: string[];
}

// Built once per catalogue, not per article.
const matchers = new WeakMap<Meeting[], CatalogueMatcher>();

function matcherFor(meetings: Meeting[]): CatalogueMatcher {
  const cached = matchers.get(meetings);
  if (cached) return cached;
  const terms = new Map<string, Term[]>();
  const add = (name: string, id: string, role: Term['role']) => {
    const key = normalizeForMatching(name).toLowerCase();
    // Terms are found line by line (see findTerms), so a name must be one line.
    if (!key || /[\r\n]/.test(key)) return;
    const list = terms.get(key) ?? [];
    let term = list.find((t) => t.role === role);
    if (!term) list.push((term = { meetingIds: new Set(), role }));
    term.meetingIds.add(id);
    terms.set(key, list);
  };
  for (const meeting of meetings) {
    for (const name of meeting.placeNames) add(name, meeting.id, 'place');
    for (const name of meeting.occasionNames) add(name, meeting.id, 'occasion');
    for (const name of meeting.aliases) add(name, meeting.id, 'alias');
  }
  const escaped = [...terms.keys()].sort((a, b) => b.length - a.length).map((key) => {
    const body = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Latin names must be whole words; Chinese ones have no word boundaries to respect.
    return /^[a-z0-9 ]+$/.test(key) ? `(?<![a-z])${body}(?![a-z])` : body;
  });
  // Matched against lower-cased text, so no case-insensitive flag (which slows a long alternation).
  const regex = new RegExp(escaped.length ? escaped.join('|') : '(?!)', 'y');
  const starts = new Uint8Array(0x10000);
  const singles = new Uint8Array(0x10000);
  const openings = new PairFilter();
  for (const key of terms.keys()) {
    starts[key.charCodeAt(0)] = 1;
    if (key.length === 1) singles[key.charCodeAt(0)] = 1;
    else openings.add(key.charCodeAt(0), key.charCodeAt(1));
  }
  const aliases = [...terms].filter(([, list]) => list.some((term) => term.role === 'alias')).map(([key]) => key);
  const matcher = { regex, starts, openings, singles, terms, aliases };
  matchers.set(meetings, matcher);
  return matcher;
}

interface TermHit {
  start: number;
  end: number;
  text: string;
  terms: Term[];
}

interface RawMention {
  start: number;
  end: number;
  /** From a catalogue alias rather than a meeting word. */
  alias?: TermHit;
}

interface Resolution {
  meetings: Meeting[];
  cue: string;
  /** Text offsets of the cue that decided, to widen the mention over it when adjacent. */
  /** Text spans of the cues that decided, to widen the mention over those written next to it. */
  cueSpans?: { start: number; end: number }[];
  dateCue?: DateExpression;
}

interface Evidence {
  level: 'strong' | 'weak' | 'none';
}

export function recognizeMeetings(input: MeetingInput, meetings: Meeting[]): MeetingRecognition {
  const { text } = input;
  const normalized = input.normalized.length === text.length ? input.normalized : normalizeForMatching(text);
  const lower = input.lower !== undefined && normalized === input.normalized ? input.lower : normalized.toLowerCase();
  if (meetings.length === 0) return { mentions: [], dateCues: [] };
  const article = dayOf(input.articleDate);
  const byDate = [...meetings].sort((a, b) => a.date.localeCompare(b.date));

  const direction = (offset: number): 'future' | 'past' | undefined => {
    const clause = normalized.slice(...clauseBounds(normalized, offset, offset));
    return tenseOf(clause);
  };
  const matcher = matcherFor(meetings);
  const mentionsBiden = mentionsLeader(lower, BIDEN_RE, input.lowerScans);
  const mentionsXi = mentionsLeader(lower, XI_RE, input.lowerScans);
  // Most of a large archive is about other things: without a meeting word, a meeting's alias or
  // either leader there is nothing to link or date, and the catalogue's terms need not be sought.
  MENTION_RE.lastIndex = 0;
  if (!mentionsBiden && !mentionsXi && !MENTION_RE.test(normalized) && !matcher.aliases.some((alias) => lower.includes(alias))) return { mentions: [], dateCues: [] };
  // Terms and meeting words never hold a line break: an edited article's are found again on the edited lines only.
  const termHits = scanLines(input.lowerScans, lower, 'meeting terms', matcher, (scanned, from, to) => findTerms(scanned, matcher, from, to));
  const words = scanLines(input.scans, normalized, 'meeting words', MENTION_RE, (scanned, from, to) => regexSpans(MENTION_RE, scanned, from, to));
  const raw = findMentions(normalized, words, termHits);
  if (raw.length === 0 && !mentionsBiden && !mentionsXi) return { mentions: [], dateCues: [] };
  const articleIsBidenXi = mentionsBiden && mentionsXi;
  const dates = findDates(normalized, input.articleDate, direction);

  // The title and the lead sentence say which meeting the article is about.
  const titleStart = input.title ? normalized.indexOf(normalizeForMatching(input.title)) : -1;
  const rawIndex = new Map(raw.map((mention, index) => [mention, index] as const));
  const context: Context = { normalized, lower, article, byDate, dates, termHits, raw, rawIndex, articleIsBidenXi, titleStart };
  const main = mainMeeting(context, leadEnd(normalized, titleStart, input.title));

  const mentions: MeetingMention[] = [];
  const linkedDates = new Map<DateExpression, string>();
  for (const mention of raw) {
    const evidence = evidenceFor(context, mention);
    if (evidence.level === 'none') continue;
    const resolution = resolve(context, mention, evidence, main);
    if (!resolution || resolution.meetings.length === 0) continue;
    const start = widenedStart(normalized, mention, resolution.cueSpans ?? []);
    for (const meeting of resolution.meetings) {
      mentions.push({ meetingId: meeting.id, start, end: mention.end, text: text.slice(start, mention.end), cue: resolution.cue });
    }
    if (resolution.dateCue && resolution.meetings.length === 1) linkedDates.set(resolution.dateCue, resolution.meetings[0].id);
  }

  const dateCues: DateCue[] = dates
    // Inlay hints show a weekday, so only expressions resolved to one day qualify.
    .filter((expression) => expression.relative && expression.from !== undefined && expression.from === expression.to)
    .map((expression) => {
      const meetingId = linkedDates.get(expression);
      const date = isoOf(expression.from!);
      return { start: expression.start, end: expression.end, text: text.slice(expression.start, expression.end), date, ...(meetingId ? { meetingId } : {}) };
    });
  return { mentions, dateCues };
}

/** Takes in the cues written right before the mention: 周三的习拜会, 11月在旧金山的会晤, 巴釐岛会晤. */
function widenedStart(normalized: string, mention: RawMention, spans: { start: number; end: number }[]): number {
  let start = mention.start;
  for (let changed = true; changed; ) {
    changed = false;
    for (const span of spans) {
      if (span.start < start && span.end >= start) {
        start = span.start;
        changed = true;
      } else if (span.end < start && start - span.end <= 1 && /^[的在]$/.test(normalized.slice(span.end, start))) {
        start = span.start;
        changed = true;
      }
    }
  }
  return start;
}

interface Context {
  normalized: string;
  lower: string;
  article?: Day;
  byDate: Meeting[];
  dates: DateExpression[];
  termHits: TermHit[];
  raw: RawMention[];
  /** Each raw mention's position in `raw`, so neighbours are found without a scan. */
  rawIndex: Map<RawMention, number>;
  articleIsBidenXi: boolean;
  /** Where the title starts in the text, or -1. */
  titleStart: number;
}

/**
 * The catalogue terms in `lower[from, to)`, leftmost first and never overlapping, as a global
 * scan with the alternation would find them. The alternation (a long one, with lookbehinds) is
 * tried only where a term's first two characters stand: a table lookup passes over everything else.
 */
function findTerms(lower: string, matcher: CatalogueMatcher, from = 0, to = lower.length): TermHit[] {
  const hits: TermHit[] = [];
  const { regex, starts, openings, singles } = matcher;
  const n = to;
  for (let i = from; i < n; i++) {
    const first = lower.charCodeAt(i);
    if (starts[first] === 0 || (singles[first] === 0 && !openings.mayHave(first, lower.charCodeAt(i + 1)))) continue;
    regex.lastIndex = i;
    const match = regex.exec(lower);
    if (!match) continue;
    const terms = matcher.terms.get(match[0]);
    if (terms) hits.push({ start: i, end: i + match[0].length, text: match[0], terms });
    i += match[0].length - 1;
  }
  return hits;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Where a global pattern matches in `text[from, to)`, searched on a slice. A slice matches as the
 * whole text does there when no match holds a line break and no lookaround reads past one: the
 * character past a line's end is a break, and past a slice's end there is none, which those
 * patterns' lookaheads take alike.
 */
function regexSpans(pattern: RegExp, text: string, from: number, to: number): Span[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const spans: Span[] = [];
  // matchAll starts where the pattern's last search (a `test`) left it.
  pattern.lastIndex = 0;
  for (const match of slice.matchAll(pattern)) spans.push({ start: from + match.index, end: from + match.index + match[0].length });
  return spans;
}

/** Each leader's pattern with the global flag, for `regexSpans`. */
const globalPatterns = new Map<RegExp, RegExp>();

/**
 * Whether a leader's pattern matches the lower-cased text. With kept scans, the lines' matches
 * (found again only on edited lines) tell; without, one test stops at the first match.
 */
function mentionsLeader(lower: string, pattern: RegExp, scans: LineScans | undefined): boolean {
  if (scans?.text !== lower) return pattern.test(lower);
  const everywhere = (globalPatterns.get(pattern) ?? globalPatterns.set(pattern, new RegExp(pattern.source, 'g')).get(pattern))!;
  return scans.matches(`leader ${pattern.source}`, pattern, (scanned, from, to) => regexSpans(everywhere, scanned, from, to)).length > 0;
}

/** Meeting words (`MENTION_RE`'s matches) not ruled out by the words around them, and catalogue aliases standing alone. */
function findMentions(normalized: string, meetingWordSpans: readonly Span[], termHits: TermHit[]): RawMention[] {
  const mentions: RawMention[] = [];
  for (const { start, end } of meetingWordSpans) {
    const word = normalized.slice(start, end);
    const before = normalized.slice(Math.max(0, start - 8), start);
    if (/^(?:峰会|高峰会|领导人|元首)/.test(word) && OCCASION_BEFORE_RE.test(before)) continue;
    if (word === '会谈' && MODAL_BEFORE_RE.test(before)) continue;
    if (word === '会见' && /^(?:记者|媒体)/.test(normalized.slice(start + 2, start + 4))) continue;
    mentions.push({ start, end: start + word.length });
  }
  // Aliases that name a meeting or its outcome without a meeting word (旧金山愿景).
  const words = mentions.slice();
  for (const hit of termHits) {
    const alias = hit.terms.find((term) => term.role === 'alias');
    if (!alias) continue;
    if (spansWithin(words, hit.start - MAX_TERM_LENGTH, hit.end).some((m) => m.start < hit.end && hit.start < m.end)) continue;
    mentions.push({ start: hit.start, end: hit.end, alias: hit });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** No meeting word or catalogue term is longer than this, so a span that overlaps another starts at most this far before it. */
const MAX_TERM_LENGTH = 40;

/**
 * The items of a list sorted by `start` whose start lies in [from, to): found by binary search,
 * because articles with thousands of mentions made per-mention scans quadratic.
 */
function spansWithin<T extends { start: number }>(sorted: readonly T[], from: number, to: number): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < from) low = mid + 1;
    else high = mid;
  }
  const found: T[] = [];
  for (let i = low; i < sorted.length && sorted[i].start < to; i++) found.push(sorted[i]);
  return found;
}

function clauseBounds(text: string, start: number, end: number, ends: Set<string> = CLAUSE_END, limit = 120): [number, number] {
  let from = start;
  while (from > 0 && start - from < limit && !ends.has(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < limit && !ends.has(text[to])) to++;
  return [from, to];
}

function sentenceBounds(text: string, start: number, end: number): [number, number] {
  return clauseBounds(text, start, end, SENTENCE_END, 200);
}

function tenseOf(clause: string): 'future' | 'past' | undefined {
  const future = FUTURE_RE.test(clause);
  const past = PAST_RE.test(clause);
  return future && !past ? 'future' : past && !future ? 'past' : undefined;
}

function kindOf(mentionText: string, clause: string): MeetingKind | undefined {
  if (VIDEO_RE.test(mentionText)) return 'video';
  if (CALL_RE.test(mentionText)) return 'call';
  if (/会面|见面/.test(mentionText)) return 'in-person';
  if (VIDEO_RE.test(clause)) return 'video';
  if (CALL_RE.test(clause)) return 'call';
  if (IN_PERSON_RE.test(clause)) return 'in-person';
  return undefined;
}

/** Outlets call the video call of March 2022 a 通话 too, so a call cue accepts video. */
function kindFits(kind: MeetingKind | undefined, meeting: Meeting, strict = false): boolean {
  if (!kind) return true;
  if (kind === 'call') return meeting.kind === 'call' || (!strict && meeting.kind === 'video');
  return meeting.kind === kind;
}

function evidenceFor(context: Context, mention: RawMention): Evidence {
  const { lower } = context;
  const word = lower.slice(mention.start, mention.end);
  if (STRONG_ALIAS_RE.test(word)) return { level: 'strong' };
  // The clause up to the neighbouring mentions, so that 拜习会 in 王毅会晤，或为拜习会做准备 vouches only for itself.
  const [clauseStart, clauseEnd] = clauseBounds(lower, mention.start, mention.end);
  const index = context.rawIndex.get(mention) ?? -1;
  const previousEnd = index > 0 ? context.raw[index - 1].end : 0;
  const nextStart = index + 1 < context.raw.length ? context.raw[index + 1].start : lower.length;
  const clause = lower.slice(Math.max(clauseStart, previousEnd), Math.min(clauseEnd, nextStart));
  const [sentenceStart, sentenceEnd] = sentenceBounds(lower, mention.start, mention.end);
  const sentence = lower.slice(sentenceStart, sentenceEnd);
  const clauseLeaders = BIDEN_RE.test(clause) || XI_RE.test(clause) || PAIR_RE.test(clause);
  // A minister's talks or another leader's meeting, told in the same clause.
  if (COUNTER_RE.test(clause) && !clauseLeaders) return { level: 'none' };
  if ((BIDEN_RE.test(sentence) && XI_RE.test(sentence)) || PAIR_RE.test(sentence)) {
    if (COUNTER_RE.test(clause) && !(BIDEN_RE.test(clause) && XI_RE.test(clause)) && !PAIR_RE.test(clause)) return { level: 'none' };
    return { level: 'strong' };
  }
  if (!context.articleIsBidenXi) return { level: 'none' };
  if (COUNTER_RE.test(sentence)) return { level: 'none' };
  return { level: 'weak' };
}

interface Cues {
  date?: DateExpression;
  place?: TermHit;
  occasion?: TermHit;
  alias?: TermHit;
  kind?: MeetingKind;
  tense?: 'future' | 'past';
  count?: number;
}

/** The cues in reach of a mention: its clause, else its sentence, never past a neighbouring mention. */
function cuesFor(context: Context, mention: RawMention): Cues {
  const { normalized, raw } = context;
  const index = context.rawIndex.get(mention) ?? -1;
  const previousEnd = index > 0 ? raw[index - 1].end : 0;
  const nextStart = index + 1 < raw.length ? raw[index + 1].start : normalized.length;
  const clip = ([from, to]: [number, number]): [number, number] => [Math.max(from, previousEnd), Math.min(to, nextStart)];
  const clause = clip(clauseBounds(normalized, mention.start, mention.end));
  const sentence = clip(sentenceBounds(normalized, mention.start, mention.end));
  const clauseText = normalized.slice(...clause);
  const cues: Cues = {
    kind: kindOf(normalized.slice(mention.start, mention.end), clauseText),
    tense: tenseOf(clauseText),
  };
  const count = COUNT_RE.exec(normalized.slice(clause[0], mention.end));
  if (count) cues.count = count[1] === '两' || count[1] === '二' ? 2 : '三四五六七八九'.indexOf(count[1]) >= 0 ? '三四五六七八九'.indexOf(count[1]) + 3 : +count[1];
  // A meeting word inside an alias (虚拟会晤, 旧金山会晤) takes the alias as its cue.
  cues.alias = mention.alias ?? spansWithin(context.termHits, mention.start - MAX_TERM_LENGTH, mention.start + 1).find((hit) => hit.start <= mention.start && hit.end >= mention.end && hit.terms.some((term) => term.role === 'alias'));
  for (const [from, to] of [clause, sentence]) {
    const within = <T extends { start: number; end: number }>(list: T[]) =>
      spansWithin(list, from, to).filter((item) => item.end <= to && (item.end <= mention.start || item.start >= mention.end));
    const near = <T extends { start: number; end: number }>(list: T[]) =>
      list.reduce<T | undefined>((best, item) => (!best || gap(item, mention) < gap(best, mention) ? item : best), undefined);
    // A date that opens a 自…以来 phrase dates some other event (自今年2月气球事件以来).
    // Past the mention, a date or place in a later clause usually belongs to some other event.
    const ownClause = from === clause[0] && to === clause[1];
    const dates = within(context.dates).filter((date) => (date.end <= mention.start || ownClause) && usableDate(context, date, mention));
    const hits = within(context.termHits).filter((hit) => hit.end <= mention.start || ownClause);
    cues.date ??= near(dates);
    cues.place ??= near(hits.filter((hit) => hit.terms.some((term) => term.role === 'place')));
    cues.occasion ??= near(hits.filter((hit) => hit.terms.some((term) => term.role === 'occasion')));
    cues.alias ??= near(hits.filter((hit) => hit.terms.some((term) => term.role === 'alias')));
    if (cues.date || cues.place || cues.occasion || cues.alias) break;
  }
  return cues;
}

/** Whether a date in reach can date this mention at all. */
function usableDate(context: Context, date: DateExpression, mention: RawMention): boolean {
  const { normalized } = context;
  if (date.from === undefined) return false;
  // A date that opens a 自…以来 phrase dates some other event (自今年2月气球事件以来).
  if (!date.since && date.end <= mention.start && /以来/.test(normalized.slice(date.end, mention.start))) return false;
  // 十月一日起: the start of something else.
  if (/^(?:起|开始)/.test(normalized.slice(date.end, date.end + 2))) return false;
  // A date opening the title is the outlet's stamp (2021.11.23 拜登和习近平电话会谈摘要).
  if (date.start <= context.titleStart + 1 && date.start >= context.titleStart && context.titleStart >= 0) return false;
  // A bare year mostly dates something else (2024年总统大选); it counts only right before the mention.
  if (date.to! - date.from! >= 364 && !date.since && !(date.end <= mention.start && mention.start - date.end <= 4)) return false;
  return true;
}

function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

function idsOf(hit: TermHit, role: 'place' | 'occasion' | 'alias'): Set<string> {
  const ids = new Set<string>();
  for (const term of hit.terms) if (term.role === role) for (const id of term.meetingIds) ids.add(id);
  return ids;
}

/** Links a mention from its own cues, or returns undefined when it has none; `[]` means the cues point elsewhere. */
function resolveByCues(context: Context, mention: RawMention, cues: Cues, main: Meeting | undefined): Resolution | undefined {
  if (!cues.date && !cues.place && !cues.occasion && !cues.alias) return undefined;
  let candidates = context.byDate;
  const reasons: string[] = [];
  const cueSpans: { start: number; end: number }[] = [];
  const widen = (hit: { start: number; end: number }) => cueSpans.push(hit);
  /** Keeps the candidates a catalogue term names, and records it as a reason. */
  const narrowByTerm = (hit: TermHit | undefined, role: Term['role']) => {
    if (!hit) return;
    const ids = idsOf(hit, role);
    candidates = candidates.filter((meeting) => ids.has(meeting.id));
    reasons.push(`${role} ${hit.text}`);
    widen(hit);
  };
  narrowByTerm(cues.alias, 'alias');
  if (cues.date) {
    const { from, to } = cues.date;
    candidates = candidates.filter((meeting) => [dayOf(meeting.date)!, dayOf(meeting.beijingDate)!].some((day) => day >= from! - 1 && day <= to! + 1));
    reasons.push(cues.date.gloss);
    widen(cues.date);
  }
  narrowByTerm(cues.place, 'place');
  narrowByTerm(cues.occasion, 'occasion');
  if (candidates.length === 0) return { meetings: [], cue: reasons.join(', ') };
  if (cues.kind) {
    const fitting = candidates.filter((meeting) => kindFits(cues.kind, meeting));
    if (fitting.length > 0) candidates = fitting;
  }
  let chosen: Meeting[];
  if (candidates.length === 1) chosen = candidates;
  else if (cues.count && cues.count === candidates.length) chosen = candidates;
  else if (main && candidates.includes(main)) {
    chosen = [main];
    reasons.push("article's main meeting");
  } else {
    // Among several fitting meetings the nearest in time wins; tense words are too loose to rule any out.
    const pick = nearestMeeting(context, candidates, undefined, 400);
    if (!pick) return { meetings: [], cue: reasons.join(', ') };
    chosen = [pick];
    reasons.push('nearest to the article date');
  }
  return { meetings: chosen, cue: reasons.join(', '), cueSpans, dateCue: cues.date };
}

function nearestMeeting(context: Context, candidates: Meeting[], tense: 'future' | 'past' | undefined, window: number): Meeting | undefined {
  const { article } = context;
  if (article === undefined) return undefined;
  let best: Meeting | undefined;
  let bestGap = Infinity;
  for (const meeting of candidates) {
    const day = dayOf(meeting.date)!;
    const beijing = dayOf(meeting.beijingDate)!;
    if (tense === 'future' && Math.max(day, beijing) < article - 1) continue;
    if (tense === 'past' && Math.min(day, beijing) > article + 1) continue;
    const distance = Math.min(Math.abs(day - article), Math.abs(beijing - article));
    if (distance <= window && distance < bestGap) {
      best = meeting;
      bestGap = distance;
    }
  }
  return best;
}

function resolve(context: Context, mention: RawMention, evidence: Evidence, main: Meeting | undefined): Resolution | undefined {
  const cues = cuesFor(context, mention);
  // Loose words (会见, 见面, 电话) with only article-level evidence follow the main meeting, never a cue.
  const loose = evidence.level === 'weak' && /^(?:会见|见面|会面|通.*电话)$/.test(context.normalized.slice(mention.start, mention.end));
  const byCues = loose ? undefined : resolveByCues(context, mention, cues, main);
  if (byCues) return byCues;
  const { article } = context;
  // Several calls at once (两次通电话): the most recent ones of that kind.
  if (cues.count && cues.count >= 2 && article !== undefined && evidence.level === 'strong') {
    const earlier = context.byDate.filter((meeting) => dayOf(meeting.beijingDate)! < article && dayOf(meeting.beijingDate)! >= article - 400 && kindFits(cues.kind, meeting, true));
    if (earlier.length >= cues.count) return { meetings: earlier.slice(-cues.count), cue: `${cues.count} most recent ${cues.kind ?? 'meeting'}s before the article` };
    return undefined;
  }
  if (main && kindFits(cues.kind, main) && tenseFits(context, main, cues.tense)) return { meetings: [main], cue: "article's main meeting" };
  if (evidence.level !== 'strong') return undefined;
  const fitting = context.byDate.filter((meeting) => kindFits(cues.kind, meeting, true));
  const near = nearestMeeting(context, fitting, cues.tense, 30) ?? nearestMeeting(context, context.byDate.filter((meeting) => kindFits(cues.kind, meeting)), cues.tense, 30);
  if (near) return { meetings: [near], cue: `nearest ${cues.kind ?? 'meeting'} to the article date` };
  // A past call with no date (之前拜习通话): the latest one before the article.
  if (cues.tense !== 'future' && (cues.kind || cues.tense === 'past') && article !== undefined) {
    const earlier = fitting.filter((meeting) => dayOf(meeting.beijingDate)! < article && dayOf(meeting.beijingDate)! >= article - 200);
    if (earlier.length > 0) return { meetings: [earlier[earlier.length - 1]], cue: `latest ${cues.kind ?? 'meeting'} before the article` };
  }
  return undefined;
}

function tenseFits(context: Context, meeting: Meeting, tense: 'future' | 'past' | undefined): boolean {
  const { article } = context;
  if (article === undefined || !tense) return true;
  const day = dayOf(meeting.date)!;
  const beijing = dayOf(meeting.beijingDate)!;
  return tense === 'future' ? Math.max(day, beijing) >= article - 1 : Math.min(day, beijing) <= article + 1;
}

/** Where the title and lead end: the title plus the first sentence of the body after it. */
function leadEnd(normalized: string, titleStart: number, title: string | undefined): number {
  // Article text opens with the title line; fall back to that line when the title is not found verbatim.
  let at = titleStart >= 0 && title ? titleStart + title.length : Math.max(0, normalized.indexOf('\n'));
  // The first lines are often a photo caption, a credit or a dateline: read on to some 100 characters.
  const bodyStart = at;
  for (let sentence = 0; sentence < 5 && (sentence < 2 || normalized.slice(bodyStart, at).replace(/\s+/g, '').length < 100); sentence++) {
    while (at < normalized.length && (/\s/.test(normalized[at]) || SENTENCE_END.has(normalized[at]))) at++;
    at = sentenceBounds(normalized, at, at)[1];
  }
  return Math.min(normalized.length, at);
}

/**
 * The catalogue meeting the title or lead is about: one its cues name, or else the one
 * nearest the article's date, when the title or lead speaks of a Biden–Xi meeting.
 */
function mainMeeting(context: Context, leadEnd: number): Meeting | undefined {
  const votes = new Map<Meeting, number>();
  let speaksOfMeeting = false;
  let kind: MeetingKind | undefined;
  let tense: 'future' | 'past' | undefined;
  for (const mention of context.raw) {
    if (mention.start >= leadEnd) break;
    if (evidenceFor(context, mention).level !== 'strong') continue;
    const cues = cuesFor(context, mention);
    const resolved = resolveByCues(context, mention, cues, undefined);
    if (resolved) {
      for (const meeting of resolved.meetings) votes.set(meeting, (votes.get(meeting) ?? 0) + 1);
    } else {
      speaksOfMeeting = true;
      kind ??= cues.kind;
      tense ??= cues.tense;
    }
  }
  // The lead may recall an earlier meeting (a photo caption); the article is about the one nearest its date.
  if (votes.size > 0) {
    const voted = [...votes.keys()];
    return nearestMeeting(context, voted, undefined, Infinity) ?? [...votes].sort((a, b) => b[1] - a[1])[0][0];
  }
  if (speaksOfMeeting) {
    const fitting = context.byDate.filter((meeting) => kindFits(kind, meeting));
    return nearestMeeting(context, fitting, tense, 30) ?? nearestMeeting(context, context.byDate, tense, 21);
  }
  // A title naming both leaders (習近平拜登再度交鋒) is about their meeting if one is close.
  const head = context.lower.slice(0, leadEnd);
  if (BIDEN_RE.test(head) && XI_RE.test(head)) return nearestMeeting(context, context.byDate, undefined, 10);
  return undefined;
}
