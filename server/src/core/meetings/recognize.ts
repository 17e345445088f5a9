/**
 * Finds meeting mentions (拜习会, 会晤, 通话, 峰会 …) in an article and links each to the
 * catalogue meeting it means: evidence from knowledge says which meetings it may be (evidence.ts),
 * the cues nearest to it say which one (cues.ts, resolve.ts), else the article's main meeting
 * (mainMeeting.ts). A mention is left unlinked rather than guessed.
 */
import type { Figure } from '../figures/types';
import { scanLines, type LineScans } from '../text/lineScans';
import { normalizeForMatching } from '../text/normalize';
import type { Context, FigureSpan, PartyHit, RawMention } from './context';
import { DATE_ANCHORS, dayOf, findDates, isoOf, type DateExpression } from './dates';
import { evidenceFor, meetingsNamed, partiesOf, principalsOf } from './evidence';
import { leadEnd, mainMeeting } from './mainMeeting';
import { conversationMentions } from './conversations';
import { findMentions } from './mentions';
import { resolve } from './resolve';
import { clauseBounds, firstFrom, linesHolding, scanLiteralWords, scanWords, scanWordsAndLiterals, type CombinedScan, type Span } from './spans';
import { catalogueMatcher, findTerms, type CatalogueMatcher, type TermHit } from './terms';
import { tenseOf } from './cues';
import type { DateCue, Meeting, MeetingMention, MeetingRecognition } from './types';
import { meetingWords } from './words';

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
  /** The figures the figure recogniser found, in text order: who is named where. */
  figures?: readonly FigureSpan[];
}

/** The knowledge linking reads: the meeting catalogue and the figures its participants are. */
export interface MeetingKnowledge {
  readonly meetings: Meeting[];
  figure(id: string): Figure | undefined;
}



export function recognizeMeetings(input: MeetingInput, knowledge: MeetingKnowledge): MeetingRecognition {
  const { text } = input;
  const { meetings } = knowledge;
  if (meetings.length === 0) return { mentions: [], dateCues: [] };
  const normalized = input.normalized.length === text.length ? input.normalized : normalizeForMatching(text);
  const lower = input.lower !== undefined && normalized === input.normalized ? input.lower : normalized.toLowerCase();
  const words = meetingWords();
  const matcher = catalogueMatcher(meetings);
  const { principals, ids: principalIds, meetingsOf } = principalsOf(meetings, (id) => knowledge.figure(id));
  const figures = input.figures ?? [];
  // Meeting words, aliases, terms and party words never hold a line break: an edited article's are found again on the edited lines only.
  // The aliases are looked for apart from the other terms (their first characters are fewer, none Latin): with the meeting
  // words they say whether there is anything to link, and on which lines the terms matter. A new text's meeting words and
  // aliases are found in one pass, which notes the date anchors too.
  let combined: { scan: CombinedScan | undefined } | undefined;
  const together = () => (combined ??= { scan: scanWordsAndLiterals(words.mention, normalized, matcher.aliasWords, lower, DATE_ANCHORS) }).scan;
  // Only a pass made for this text has them (after an edit, the kept scans are read instead).
  const dateAnchors = () => combined?.scan?.marked;
  const wordSpans: Span[] = scanLines(input.scans, normalized, 'meeting words', words.mention, firstFrom(() => together()?.words, (scanned, from, to) => scanWords(words.mention, scanned, from, to)));
  const aliasPlaces: Span[] = scanLines(input.lowerScans, lower, 'meeting aliases', matcher.aliasWords, firstFrom(() => together()?.literals, (scanned, from, to) => scanLiteralWords(matcher.aliasWords, scanned, from, to)));
  const namesPrincipal = figures.some((figure) => principalIds.has(figure.figureId));
  // Most of a large archive is about other things: without a meeting word, a meeting's alias or a
  // principal there is nothing to link or date.
  if (!namesPrincipal && wordSpans.length === 0 && aliasPlaces.length === 0) return { mentions: [], dateCues: [] };
  const terms = termsForMentions(input.lowerScans, lower, matcher, linesHolding(lower, wordSpans, aliasPlaces));
  const raw = findMentions(normalized, words, wordSpans, terms);
  if (namesPrincipal) addInOrder(raw, conversationMentions(normalized, words, figures, principalIds));
  if (raw.length === 0 && !namesPrincipal) return { mentions: [], dateCues: [] };
  const direction = (offset: number) => tenseOf(words, normalized.slice(...clauseBounds(normalized, offset, offset)));
  const dates = findDates(normalized, input.articleDate, direction, dateAnchors());
  // A principal named without a meeting: nothing to link, but the relative dates still get their days.
  if (raw.length === 0) return { mentions: [], dateCues: dateCuesOf(text, dates, new Map()) };
  const parties: PartyHit[] = scanLines(input.lowerScans, lower, 'meeting parties', words.party, (scanned, from, to) => scanWords(words.party, scanned, from, to)).map((span) => ({
    ...span,
    word: words.partyWords.get(lower.slice(span.start, span.end))!,
  }));
  const byDate = inDateOrder(meetings);
  const sortedFigures = isSorted(figures) ? figures.slice() : [...figures].sort((a, b) => a.start - b.start);

  // The title and the lead sentence say which meeting the article is about.
  const titleStart = input.title ? normalized.indexOf(normalizeForMatching(input.title)) : -1;
  const context: Context = {
    normalized, lower, words, article: dayOf(input.articleDate), byDate, principals, principalIds, meetingsOf, partiesMemo: new Map(), figure: (id) => knowledge.figure(id),
    dates, termHits: terms, parties, figures: sortedFigures, raw, rawIndex: new Map(raw.map((mention, index) => [mention, index] as const)), articleMeetings: [], titleStart,
  };
  context.articleMeetings = meetingsNamed(context, partiesOf(context, sortedFigures, parties.filter((party) => party.word.kind !== 'other')), 2);
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
    const { earlier } = resolution;
    if (earlier && earlier.end <= start) mentions.push({ meetingId: earlier.meeting.id, start: earlier.start, end: earlier.end, text: text.slice(earlier.start, earlier.end), cue: earlier.cue });
    if (resolution.dateCue && resolution.meetings.length === 1) linkedDates.set(resolution.dateCue, resolution.meetings[0].id);
  }
  mentions.sort((a, b) => a.start - b.start);

  return { mentions, dateCues: dateCuesOf(text, dates, linkedDates) };
}

/** The relative dates resolved to one day, with the meeting each dates where a mention was linked by it. */
function dateCuesOf(text: string, dates: readonly DateExpression[], linkedDates: ReadonlyMap<DateExpression, string>): DateCue[] {
  return dates
    // Inlay hints show a weekday, so only expressions resolved to one day qualify.
    .filter((expression) => expression.relative && expression.from !== undefined && expression.from === expression.to)
    .map((expression) => {
      const meetingId = linkedDates.get(expression);
      const date = isoOf(expression.from!);
      return { start: expression.start, end: expression.end, text: text.slice(expression.start, expression.end), date, ...(meetingId ? { meetingId } : {}) };
    });
}

/**
 * The catalogue terms the mentions can use: an alias anywhere makes a mention, and a place or an
 * occasion is a cue within a mention's sentence, so only the lines holding a meeting word or an
 * alias are read (in a corpus, a fortieth of the text). Where those lines are most of an
 * article, the whole is scanned instead and kept with the text, so that after an edit only the
 * edited line is read again.
 */
function termsForMentions(scans: LineScans | undefined, lower: string, matcher: CatalogueMatcher, lines: ReadonlyArray<readonly [number, number]>): TermHit[] {
  let length = 0;
  for (const [from, to] of lines) length += to - from;
  if (length * WHOLE_TEXT_SHARE > lower.length) return scanLines(scans, lower, 'meeting terms', matcher, (scanned, from, to) => findTerms(scanned, matcher, from, to));
  const hits: TermHit[] = [];
  for (const [from, to] of lines) for (const hit of findTerms(lower, matcher, from, to)) hits.push(hit);
  return hits;
}

/** Past one line in this many, the terms are scanned in the whole text. */
const WHOLE_TEXT_SHARE = 4;

// The catalogue in date order, sorted once per catalogue rather than per article (no step changes it).
const byDateCache = new WeakMap<readonly Meeting[], Meeting[]>();
function inDateOrder(meetings: readonly Meeting[]): Meeting[] {
  let sorted = byDateCache.get(meetings);
  if (!sorted) byDateCache.set(meetings, (sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date))));
  return sorted;
}

/** Adds `more` to `mentions`, keeping text order (both are in text order; `more` is short). */
function addInOrder(mentions: RawMention[], more: readonly RawMention[]): void {
  if (more.length === 0) return;
  mentions.push(...more);
  mentions.sort((a, b) => a.start - b.start);
}

function isSorted(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return false;
  return true;
}

/** Takes in the cues written right before the mention: 周三的习拜会, 11月在旧金山的会晤, 巴釐岛会晤. */
function widenedStart(normalized: string, mention: Span, spans: readonly Span[]): number {
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
