import { PairFilter } from '../text/pairFilter';
import { firstStartingAtOrAfter } from '../text/sortedSearch';

/**
 * Text geometry the meeting linker shares: spans, clauses and sentences, and searches over
 * sorted lists of spans (articles with thousands of mentions made per-mention scans quadratic).
 */

export interface Span {
  start: number;
  end: number;
}

// A semicolon joins statements about different things, so cues do not cross it.
export const SENTENCE_END = new Set(['。', '!', '?', '！', '？', '\n', ';', '；']);
const CLAUSE_END = new Set([...SENTENCE_END, ',', '，', ';', '；', ':', '：']);
/** The same sets as tables by character code: bounds are sought several times for every mention. */
const SENTENCE_END_CODES = codeTable(SENTENCE_END);
const CLAUSE_END_CODES = codeTable(CLAUSE_END);

function codeTable(characters: Set<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const character of characters) table[character.charCodeAt(0)] = 1;
  return table;
}
/** How far a clause or a sentence reaches at most on either side of what it holds. */
const CLAUSE_REACH = 120;
const SENTENCE_REACH = 200;

/** No meeting word or catalogue term is longer than this, so a span that overlaps another starts at most this far before it. */
export const MAX_TERM_LENGTH = 40;

/** The items of a list sorted by `start` whose start lies in [from, to), found by binary search. */
export function spansWithin<T extends { start: number }>(sorted: readonly T[], from: number, to: number): T[] {
  const found: T[] = [];
  for (let i = firstStartingAtOrAfter(sorted, from); i < sorted.length && sorted[i].start < to; i++) found.push(sorted[i]);
  return found;
}

/**
 * Where a global pattern matches in `text[from, to)`, searched on a slice. A slice matches as the
 * whole text does there when no match holds a line break and no lookaround reads past one: the
 * character past a line's end is a break, and past a slice's end there is none, which those
 * patterns' lookaheads take alike.
 */
export function regexSpans(pattern: RegExp, text: string, from: number, to: number): Span[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const spans: Span[] = [];
  // matchAll starts where the pattern's last search (a `test`) left it.
  pattern.lastIndex = 0;
  for (const match of slice.matchAll(pattern)) spans.push({ start: from + match.index, end: from + match.index + match[0].length });
  return spans;
}

export function clauseBounds(text: string, start: number, end: number): [number, number] {
  return boundsWithin(text, start, end, CLAUSE_END_CODES, CLAUSE_REACH);
}

export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  return boundsWithin(text, start, end, SENTENCE_END_CODES, SENTENCE_REACH);
}

function boundsWithin(text: string, start: number, end: number, ends: Uint8Array, limit: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < limit && ends[text.charCodeAt(from - 1)] === 0) from--;
  let to = end;
  while (to < text.length && to - end < limit && ends[text.charCodeAt(to)] === 0) to++;
  return [from, to];
}

/** The lines (`[start, end)`, without the break) that hold one of the spans, in text order; each list is sorted by start. */
export function linesHolding(text: string, ...lists: ReadonlyArray<readonly Span[]>): Array<[number, number]> {
  const starts: number[] = [];
  for (const spans of lists) {
    let lineEnd = -1;
    for (const { start } of spans) {
      if (start <= lineEnd) continue;
      starts.push(start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1);
      const lineBreak = text.indexOf('\n', start);
      lineEnd = lineBreak < 0 ? text.length : lineBreak;
    }
  }
  starts.sort((a, b) => a - b);
  const lines: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i++) {
    if (i > 0 && starts[i] === starts[i - 1]) continue;
    const lineBreak = text.indexOf('\n', starts[i]);
    lines.push([starts[i], lineBreak < 0 ? text.length : lineBreak]);
  }
  return lines;
}

export function gap(a: Span, b: Span): number {
  return a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0;
}

/** Of the items, the one nearest to the span, or undefined. */
export function nearestTo<T extends Span>(items: readonly T[], span: Span): T | undefined {
  return items.reduce<T | undefined>((best, item) => (!best || gap(item, span) < gap(best, span) ? item : best), undefined);
}

/** A pattern tried only where a match may open: a table lookup passes over the rest of a line. */
export interface WordScanner {
  /** Sticky. */
  pattern: RegExp;
  /** 1 for every character a match can start with. */
  starts: Uint8Array;
  /** Their first two characters. */
  openings: PairFilter;
}

/** A scanner for a pattern whose every match opens with one of `openings` (two characters each). */
export function patternScanner(source: string, openings: readonly string[]): WordScanner {
  const starts = new Uint8Array(0x10000);
  const filter = new PairFilter();
  for (const opening of openings) {
    starts[opening.charCodeAt(0)] = 1;
    filter.add(opening.charCodeAt(0), opening.charCodeAt(1));
  }
  return { pattern: new RegExp(source, 'y'), starts, openings: filter };
}

/** A scanner for literal words (each two characters or more), tried only where a word's first two characters stand. */
export function literalScanner(words: readonly string[]): WordScanner {
  const escaped = [...new Set(words)].sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return patternScanner(escaped.length > 0 ? escaped.join('|') : '(?!)', words);
}

/** A literal word of a `LiteralWords` list. */
interface ListedWord {
  text: string;
  /** A Latin word, found only where no Latin letter stands right before or after it. */
  whole: boolean;
}

/** How many buckets the first two characters of words are hashed into: few enough to be a small array (a map's keys would be heap numbers). */
const OPENINGS = 1 << 16;
/** The bucket of the first two characters (NaN past the text's end counts as 0). */
const openingOf = (first: number, second: number) => ((first << 5) ^ second) & (OPENINGS - 1);

const isLatinLetter = (code: number) => code >= 0x61 && code <= 0x7a;

/**
 * Literal words, answering "which is the longest one standing here?" as a longest-first
 * alternation would, without a regex: the words are bucketed by their first two characters, and
 * tables turn away every position where none can start (most of a text).
 */
export class LiteralWords {
  /** 1 where a word may start, 2 where every word that may is a whole Latin word. */
  private readonly starts = new Uint8Array(0x10000);
  /** The words of two characters or more, by a hash of their first two (see `openingOf`), longest first. */
  private readonly byOpening: Array<ListedWord[] | undefined> = new Array(OPENINGS).fill(undefined);
  /** One-character words, by their character: tried after the longer ones. */
  private readonly singles = new Map<number, ListedWord>();

  /** `wholeWord` says which words must stand apart from Latin letters (lower-case `a`–`z`). */
  constructor(words: Iterable<string>, wholeWord: (word: string) => boolean = () => false) {
    const sorted = [...new Set(words)].filter((word) => word.length > 0).sort((a, b) => b.length - a.length);
    for (const text of sorted) {
      const word = { text, whole: wholeWord(text) };
      const first = text.charCodeAt(0);
      this.starts[first] = word.whole && this.starts[first] !== 1 ? 2 : 1;
      if (text.length === 1) {
        this.singles.set(first, word);
        continue;
      }
      const opening = openingOf(first, text.charCodeAt(1));
      (this.byOpening[opening] ??= []).push(word);
    }
  }

  /** Whether a word may start with this character: a table lookup, for scans to pass over the rest. */
  mayStartWith(code: number): boolean {
    return this.starts[code] !== 0;
  }

  /** The longest word standing at `at` in `text`, if any. */
  longestAt(text: string, at: number): string | undefined {
    const first = text.charCodeAt(at);
    const starts = this.starts[first];
    // Inside a Latin word (most positions of English text) no whole word can start.
    if (starts === 0 || (starts === 2 && at > 0 && isLatinLetter(text.charCodeAt(at - 1)))) return undefined;
    const bucket = this.byOpening[openingOf(first, text.charCodeAt(at + 1))];
    if (bucket !== undefined) {
      for (const { text: word, whole } of bucket) {
        if (text.startsWith(word, at) && (!whole || standsApart(text, at, at + word.length))) return word;
      }
    }
    const single = this.singles.get(first);
    return single && (!single.whole || standsApart(text, at, at + 1)) ? single.text : undefined;
  }
}

/** Whether no Latin letter stands right before `start` or at `end`. */
function standsApart(text: string, start: number, end: number): boolean {
  return !(start > 0 && isLatinLetter(text.charCodeAt(start - 1))) && !isLatinLetter(text.charCodeAt(end));
}

/** The words' places in `text[from, to)`, leftmost first and never overlapping, as a global search with their alternation would find them. */
export function scanLiteralWords(words: LiteralWords, text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    if (!words.mayStartWith(text.charCodeAt(i))) continue;
    const word = words.longestAt(text, i);
    if (word === undefined || i + word.length > to) continue;
    spans.push({ start: i, end: i + word.length });
    i += word.length - 1;
  }
  return spans;
}

/** The scanner's matches in `text[from, to)`, leftmost first and never overlapping, as a global search would find them. */
export function scanWords(scanner: WordScanner, text: string, from: number, to: number): Span[] {
  const { pattern, starts, openings } = scanner;
  const spans: Span[] = [];
  for (let i = from; i < to; i++) {
    const first = text.charCodeAt(i);
    if (starts[first] === 0 || !openings.mayHave(first, text.charCodeAt(i + 1))) continue;
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match || i + match[0].length > to) continue;
    spans.push({ start: i, end: i + match[0].length });
    if (match[0].length > 0) i += match[0].length - 1;
  }
  return spans;
}

let lowerCasingChanges: Uint8Array | undefined;

/**
 * 1 for every UTF-16 unit that lower-casing may change, and for every surrogate. Lower-casing maps
 * each character alone (Σ aside, which it always changes) and, where the two texts are as long,
 * one unit for one: anywhere else a lower-cased text holds the same unit as the text.
 */
function unitsLowerCasingChanges(): Uint8Array {
  if (lowerCasingChanges) return lowerCasingChanges;
  const table = new Uint8Array(0x10000);
  const units = new Array<number>(0x100);
  for (let start = 0; start < 0x10000; start += 0x100) {
    for (let k = 0; k < 0x100; k++) units[k] = start + k;
    const chunk = String.fromCharCode(...units);
    const lowered = chunk.toLowerCase();
    for (let k = 0; k < 0x100; k++) {
      if (lowered.length === chunk.length ? lowered.charCodeAt(k) !== chunk.charCodeAt(k) : String.fromCharCode(start + k).toLowerCase() !== String.fromCharCode(start + k)) table[start + k] = 1;
    }
  }
  table.fill(1, 0xd800, 0xe000);
  return (lowerCasingChanges = table);
}

/** What a combined pass does at a character, as bits: a scanner's match may start, a literal may start in the lower-cased text, it is marked. */
const STARTS_WORD = 1;
const MAY_START_LITERAL = 2;
const MARKED = 4;

/** The tables of the characters a combined pass stops at, by what it looks for (a catalogue or the word tables make new ones). */
const stopTables: Array<{ scanner: WordScanner; literals: LiteralWords; marks: Uint8Array; stops: Uint8Array }> = [];
const MAX_STOP_TABLES = 4;

function stopsOf(scanner: WordScanner, literals: LiteralWords, marks: Uint8Array): Uint8Array {
  const known = stopTables.find((entry) => entry.scanner === scanner && entry.literals === literals && entry.marks === marks);
  if (known) return known.stops;
  const mayChange = unitsLowerCasingChanges();
  const stops = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    stops[code] = (scanner.starts[code] !== 0 ? STARTS_WORD : 0) | (mayChange[code] !== 0 || literals.mayStartWith(code) ? MAY_START_LITERAL : 0) | (marks[code] !== 0 ? MARKED : 0);
  }
  if (stopTables.length >= MAX_STOP_TABLES) stopTables.shift();
  stopTables.push({ scanner, literals, marks, stops });
  return stops;
}

/** What one pass over a whole text found: see `scanWordsAndLiterals`. */
export interface CombinedScan {
  words: Span[];
  literals: Span[];
  /** Where the characters of `marks` stand, in text order. */
  marked: number[];
}

/**
 * `scanWords(scanner, text)` and `scanLiteralWords(literals, lower)` over whole texts in one pass,
 * `lower` being `text` lower-cased, which also notes where the characters of `marks` stand: most
 * of a text is passed over by one table lookup rather than three. Undefined when lower-casing
 * changed the length (İ), which the pass relies on.
 */
export function scanWordsAndLiterals(scanner: WordScanner, text: string, literals: LiteralWords, lower: string, marks: Uint8Array): CombinedScan | undefined {
  if (lower.length !== text.length) return undefined;
  const stops = stopsOf(scanner, literals, marks);
  const { pattern, openings } = scanner;
  const words: Span[] = [];
  const places: Span[] = [];
  const marked: number[] = [];
  const n = text.length;
  let wordsFrom = 0;
  let literalsFrom = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    const stop = stops[code];
    if (stop === 0) continue;
    if ((stop & MARKED) !== 0) marked.push(i);
    if ((stop & STARTS_WORD) !== 0 && i >= wordsFrom && openings.mayHave(code, text.charCodeAt(i + 1))) {
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (match && i + match[0].length <= n) {
        words.push({ start: i, end: i + match[0].length });
        wordsFrom = i + Math.max(1, match[0].length);
      }
    }
    if ((stop & MAY_START_LITERAL) !== 0 && i >= literalsFrom && literals.mayStartWith(lower.charCodeAt(i))) {
      const word = literals.longestAt(lower, i);
      if (word !== undefined) {
        places.push({ start: i, end: i + word.length });
        literalsFrom = i + word.length;
      }
    }
  }
  return { words, literals: places, marked };
}

/**
 * A line scan whose first run, over the whole text, takes what `ready` found there in a combined
 * pass (when it could); later runs, over the lines an edit touched, scan.
 */
export function firstFrom<T extends Span>(ready: () => T[] | undefined, scan: (text: string, from: number, to: number) => T[]): (text: string, from: number, to: number) => T[] {
  let first: (() => T[] | undefined) | undefined = ready;
  return (text, from, to) => {
    const found = first && from === 0 && to === text.length ? first() : undefined;
    first = undefined;
    return found ?? scan(text, from, to);
  };
}
