/**
 * Results of scans over an article's matching text whose matches never hold a line break and
 * depend on their own line only (a leftmost-longest pass over a word list restarts at every
 * line). They are kept with the text, so after an edit only the lines it touched are scanned
 * again: in a 100,000-character article that is a line or two instead of the whole text.
 */
import { LONGER, PairHashes, SINGLE, pairHash } from './wordList';
import { firstStartingAtOrAfter } from './sortedSearch';

/** A match of a line-local scan: `[start, end)` on one line. */
export interface LineMatch {
  start: number;
  end: number;
}

/** Scans `text[from, to)`, where `from` starts a line and `to` ends one (a line break's offset or the text's end). */
export type LineScan<T extends LineMatch> = (text: string, from: number, to: number) => T[];

interface Kept {
  /** What the matches were made with (a form index, a catalogue): another one scans again. */
  owner: object | string;
  /** Asked for since this text was made: only those scans are carried to the next edit. */
  used: boolean;
  matches: LineMatch[];
  scan: LineScan<LineMatch>;
}

export class LineScans {
  private readonly kept = new Map<string, Kept>();

  constructor(readonly text: string) {}

  /**
   * The matches of `scan` over the whole text, scanned once per text and `owner` (what the scan
   * matches with: new knowledge makes a new one). Matches are plain objects; after an edit, those
   * on later lines are moved where they are (see `afterEdit`).
   */
  matches<T extends LineMatch>(name: string, owner: object | string, scan: LineScan<T>): T[] {
    let kept = this.kept.get(name);
    if (kept?.owner !== owner) {
      kept = { owner, used: true, matches: scan(this.text, 0, this.text.length), scan };
      this.kept.set(name, kept);
    }
    kept.used = true;
    return kept.matches as T[];
  }

  /**
   * The scans of `text`, made from this one's text by replacing `[start, end)` with `inserted`:
   * matches on lines before the edit are kept, those on lines after it move, and the lines the
   * edit touched (in the new text) are scanned again. Scans not asked for since this text was
   * made (the places of a person no longer introduced) are dropped. The matches are handed over
   * rather than copied (copying objects of a dozen shapes went through the runtime, ≈ 1 µs each):
   * this text's scans are forgotten, and would be made afresh if asked for again.
   */
  afterEdit(text: string, edit: { start: number; end: number; inserted: string }): LineScans {
    const next = new LineScans(text);
    const old = this.text;
    const delta = edit.inserted.length - (edit.end - edit.start);
    const lineStart = edit.start === 0 ? 0 : old.lastIndexOf('\n', edit.start - 1) + 1;
    const oldBreak = old.indexOf('\n', edit.end);
    const oldLineEnd = oldBreak < 0 ? old.length : oldBreak;
    const newLineEnd = oldBreak < 0 ? text.length : oldBreak + delta;
    for (const [name, { owner, used, matches, scan }] of this.kept) {
      if (!used) continue;
      let i = firstStartingAtOrAfter(matches, lineStart);
      const updated = matches.slice(0, i);
      for (const match of scan(text, lineStart, newLineEnd)) updated.push(match);
      while (i < matches.length && matches[i].start < oldLineEnd) i++;
      for (; i < matches.length; i++) {
        const match = matches[i];
        match.start += delta;
        match.end += delta;
        updated.push(match);
      }
      next.kept.set(name, { owner, used: false, matches: updated, scan });
    }
    this.kept.clear();
    return next;
  }
}

/**
 * The matches of `scan` over `text`: kept in `scans` (and after an edit, scanned again on the
 * edited lines only) when they are `text`'s scans, or else scanned now.
 */
export function scanLines<T extends LineMatch>(scans: LineScans | undefined, text: string, name: string, owner: object | string, scan: LineScan<T>): T[] {
  return scans?.text === text ? scans.matches(name, owner, scan) : scan(text, 0, text.length);
}

export interface WordPlace extends LineMatch {
  /** Which word of the list. */
  word: number;
}

/** The places of each word of a list, one ascending list per word. */
export type WordPlaces = ReadonlyArray<readonly number[]>;

const NOWHERE: readonly number[] = Object.freeze([]);

/**
 * Several word lists whose places are found in one pass over a text. The introductions need the
 * places of ten lists (340 words with the role words): one `indexOf` sweep of the article per
 * word cost more than the rest of their recognition. A table says which units can start a word,
 * and a hashed table of the first two units rules out most places where a common one (会, 大, 主) stands.
 */
export class PlaceSearch {
  /** The scan's name and owner among an article's kept scans. */
  readonly key: string;
  /** Whether no word holds a line break, so that whole lines scan alike alone. */
  readonly lineLocal: boolean;
  /** For each word (numbered across the lists), its list and its place in the list. */
  private readonly listOf: number[] = [];
  private readonly placeInList: number[] = [];
  /** Per unit: `LONGER` when a word of two or more units starts with it, `SINGLE` when it is a word itself. */
  private readonly first = new Uint8Array(0x10000);
  /** The hashes of the first two units of the longer words. */
  private readonly heads = new PairHashes();
  /** The longer words by that hash, longest first, and the one-unit words by their unit (a list may repeat a word). */
  private readonly byHead = new Map<number, Array<{ word: string; index: number }>>();
  private readonly singles = new Map<number, number[]>();

  constructor(readonly lists: ReadonlyArray<readonly string[]>) {
    this.key = `word search ${lists.map((words) => words.join('\u0001')).join('\u0002')}`;
    this.lineLocal = !lists.some((words) => words.some((word) => word.includes('\n')));
    lists.forEach((words, list) => {
      words.forEach((word, place) => {
        const index = this.listOf.length;
        this.listOf.push(list);
        this.placeInList.push(place);
        if (word.length === 0) return;
        const head = word.charCodeAt(0);
        if (word.length === 1) {
          this.first[head] |= SINGLE;
          addTo(this.singles, head, index);
          return;
        }
        this.first[head] |= LONGER;
        const hash = pairHash(head, word.charCodeAt(1));
        this.heads.add(hash);
        addTo(this.byHead, hash, { word, index });
      });
    });
    for (const bucket of this.byHead.values()) bucket.sort((a, b) => b.word.length - a.word.length);
  }

  /**
   * Every place (overlapping ones too) of every word of the lists in `text`, in text order, and
   * longest first at one offset. With `scans` (kept for `text`), an edited text is searched again
   * on the edited lines only. The places are kept objects: read them, do not change them.
   */
  find(text: string, scans: LineScans | undefined): readonly WordPlace[] {
    return scanLines(this.lineLocal ? scans : undefined, text, this.key, this, (scanned, from, to) => this.scan(scanned, from, to));
  }

  /** The places among `found` of the words of the `list`th list, one ascending list per word. */
  placesOf(found: readonly WordPlace[], list: number): WordPlaces {
    // Most words stand nowhere in an article: they share one empty list rather than each get one.
    const places = new Array<readonly number[]>(this.lists[list].length).fill(NOWHERE);
    for (const { start, word } of found) {
      if (this.listOf[word] !== list) continue;
      const place = this.placeInList[word];
      if (places[place] === NOWHERE) places[place] = [start];
      else (places[place] as number[]).push(start);
    }
    return places;
  }

  /** The words of the `list`th list among `found`, leftmost-longest and not overlapping, as `matchAll` on their alternation would give. */
  leftmostLongest(found: readonly WordPlace[], list: number): LineMatch[] {
    const matches: LineMatch[] = [];
    let next = 0;
    for (const { start, end, word } of found) {
      if (start < next || this.listOf[word] !== list) continue;
      matches.push({ start, end });
      next = end;
    }
    return matches;
  }

  /** The places of the words in `text[from, to)`, in text order; none reaches past `to`. */
  private scan(text: string, from: number, to: number): WordPlace[] {
    const found: WordPlace[] = [];
    const { first, heads } = this;
    // The loop only rules places out, by their first two units; the rare places left are read in
    // `scanAt`, kept out of the loop so it stays small.
    for (let at = from; at < to; at++) {
      const head = text.charCodeAt(at);
      const kinds = first[head];
      if (kinds === 0 || (kinds === LONGER && (at + 1 >= to || !heads.has(pairHash(head, text.charCodeAt(at + 1)))))) continue;
      this.scanAt(text, at, to, kinds, found);
    }
    return found;
  }

  private scanAt(text: string, at: number, to: number, kinds: number, found: WordPlace[]): void {
    const head = text.charCodeAt(at);
    if ((kinds & LONGER) !== 0 && at + 1 < to) {
      const hash = pairHash(head, text.charCodeAt(at + 1));
      if (this.heads.has(hash)) {
        for (const { word, index } of this.byHead.get(hash)!) if (at + word.length <= to && text.startsWith(word, at)) found.push({ start: at, end: at + word.length, word: index });
      }
    }
    if ((kinds & SINGLE) !== 0) for (const index of this.singles.get(head)!) found.push({ start: at, end: at + 1, word: index });
  }
}

function addTo<T>(buckets: Map<number, T[]>, key: number, item: T): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(item);
  else buckets.set(key, [item]);
}

/**
 * Every place (overlapping ones too) where each of `words` stands in `text`, as one ascending
 * list per word. With `scans` (kept for `text`), an edited text is searched again on the edited
 * lines only; a list holding a word with a line break is always searched whole.
 */
export function wordPlaces(text: string, words: readonly string[], scans: LineScans | undefined): number[][] {
  const key = `places of ${words.join('\u0001')}`;
  const lineLocal = !words.some((word) => word.includes('\n'));
  const found = scanLines(lineLocal ? scans : undefined, text, key, key, (scanned, from, to) => placesOf(scanned, words, from, to));
  const places = words.map((): number[] => []);
  for (const { start, word } of found) places[word].push(start);
  return places;
}

/** The places of `words` in `text[from, to)`, in text order. The search runs on a slice, so it never reads past `to`. */
function placesOf(text: string, words: readonly string[], from: number, to: number): WordPlace[] {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const found: WordPlace[] = [];
  words.forEach((word, index) => {
    if (word.length === 0) return;
    for (let at = slice.indexOf(word); at >= 0; at = slice.indexOf(word, at + 1)) found.push({ start: from + at, end: from + at + word.length, word: index });
  });
  return found.sort((a, b) => a.start - b.start || a.word - b.word);
}
