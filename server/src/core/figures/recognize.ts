/**
 * Finds figures in an article's visible text: catalogue figures by any of their written forms,
 * and people the article itself introduces (`发言人华春莹说`, `何瑞恩（Ryan Hass）`), who become
 * learned figures for that article. Matching reads the normalised text, so both scripts match;
 * offsets and the text as written come from the original.
 */
import { FormIndex, LatinWord, asciiKeyHash, latinKey, type FormMatch, type FormTable } from './formIndex';
import { findIntroductions, type IntroductionCandidate } from './introductions';
import { scanLines, wordPlaces, type LineScans } from '../text/lineScans';
import type { Figure, FigureMention, FigureRecognition, Introduction } from './types';
import { roleAt } from './catalogue';
import { normalizeForMatching } from '../text/normalize';
import { wordTable } from './lexicon';
import { WordList } from '../text/wordList';

/** Words after a name that make it a ship's, a company's or a place's (`林肯号`, `福特汽车`), and words that only start like them (`号召`). */
const NOT_PERSON_AFTER = new WordList(wordTable('notPersonAfter'));
const NOT_PERSON_AFTER_EXCEPTIONS = new WordList(wordTable('notPersonAfterExceptions'));
const LATIN_SHIP_PREFIXES = new Set(wordTable('latinShipPrefixes'));
const LATIN_NOT_PERSON_AFTER = new Set(wordTable('latinNotPersonAfter'));

export class FigureMatcher {
  private readonly index: FormIndex;
  private readonly byId: Map<string, Figure>;

  /** `forms`, when given, is `gatherForms(figures)` made earlier (the built-in catalogue's, at build time). */
  constructor(readonly figures: Figure[], forms?: FormTable) {
    this.index = new FormIndex(figures, forms);
    this.byId = new Map(figures.map((figure) => [figure.id, figure]));
  }

  /**
   * `normalized` is `normalizeForMatching(text)`: same length, simplified script. `scans`, when
   * given, keeps its line-local scans (see `LineScans`), so an edited article is scanned again
   * only on the lines the edit touched.
   */
  recognize(text: string, normalized: string, scans?: LineScans, articleDate?: string): FigureRecognition {
    if (normalized.length !== text.length) return { mentions: [], introductions: [], learned: [] };
    const words = this.latinWords(normalized, scans);
    const han = scanLines(scans, normalized, 'figure forms', this.index, (scanned, from, to) => this.index.matchHan(scanned, from, to));
    const found = [...han.filter((match) => !namesAThing(normalized, match)), ...this.index.matchLatin(normalized, words).filter((match) => !latinNamesAThing(words, normalized, match))];
    const mentions: FigureMention[] = [];
    const covered = new Uint8Array(normalized.length);
    for (const match of found) {
      // Only a compound (拜习会) names several figures at once; a name several people share
      // (布什, 克林顿) is the one whose roles cover the article's date, or no one.
      const ids = match.entry.kind === 'compound' ? match.entry.figureIds : this.resolve(match.entry.figureIds, articleDate);
      for (const figureId of ids) mentions.push({ figureId, start: match.start, end: match.end, text: text.slice(match.start, match.end) });
      covered.fill(1, match.start, match.end);
    }

    const candidates = findIntroductions(normalized, words, found, covered, scans);
    const introductions: Introduction[] = [];
    const introduced = new Set<string>();
    const learned = new Map<string, Figure>();
    for (const candidate of candidates) {
      const figureId = candidate.catalogueId ?? this.learn(candidate, learned, text.slice(candidate.nameStart, candidate.nameEnd));
      if (!figureId) continue;
      if (!candidate.catalogueId) {
        mentions.push({ figureId, start: candidate.nameStart, end: candidate.nameEnd, text: text.slice(candidate.nameStart, candidate.nameEnd) });
        covered.fill(1, candidate.nameStart, candidate.nameEnd);
      }
      // The first introduction is the article's definition of the person.
      if (introduced.has(figureId)) continue;
      introduced.add(figureId);
      introductions.push({
        figureId,
        start: candidate.start,
        end: candidate.end,
        nameStart: candidate.nameStart,
        nameEnd: candidate.nameEnd,
        ...(candidate.descriptor ? { descriptor: text.slice(candidate.descriptorStart, candidate.descriptorEnd) } : {}),
        ...(candidate.latin ? { latin: text.slice(candidate.latinStart, candidate.latinEnd) } : {}),
      });
    }
    for (const figure of learned.values()) this.findLearned(figure, text, normalized, words, covered, mentions, scans);
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { mentions, introductions: introductions.sort((a, b) => a.start - b.start), learned: [...learned.values()] };
  }

  /**
   * The Latin words of `normalized`. No word, address or trim reaches past its line, so their
   * places are a line scan, kept across edits; the words are made again from them.
   */
  private latinWords(normalized: string, scans: LineScans | undefined): LatinWord[] {
    const places = scanLines(scans, normalized, 'latin words', this.index, (scanned, from, to) => this.index.latinWordPlaces(scanned, from, to));
    return places.map((place) => new LatinWord(normalized, place.start, place.end));
  }

  /**
   * Which of several figures sharing a written form the text means at `date`: the only one
   * holding a role then (the first, when several do), else the one whose last role ended most
   * recently before it. Without a date the catalogue's first; when no role of any began by then, no one.
   */
  private resolve(ids: readonly string[], date: string | undefined): string[] {
    if (ids.length <= 1 || !date) return ids.slice(0, 1);
    const day = date.slice(0, 10);
    const figures = ids.map((id) => this.byId.get(id)).filter((figure): figure is Figure => figure !== undefined);
    const holding = figures.filter((figure) => figure.roles.some((role) => (!role.from || role.from <= day) && (!role.to || day <= endOfPeriod(role.to))) && figure.roles.length > 0);
    // Several holding office then: the catalogue's order decides, as without a date.
    if (holding.length >= 1) return [holding[0].id];
    let best: { id: string; end: string } | undefined;
    for (const figure of figures) {
      const role = roleAt(figure, day);
      const end = role?.to ?? role?.from;
      if (role && end && end <= day && (!best || end > best.end)) best = { id: figure.id, end };
    }
    return best ? [best.id] : [];
  }

  /** The learned figure a candidate introduces, created on first sight; its id is stable across articles. */
  private learn(candidate: IntroductionCandidate, learned: Map<string, Figure>, written: string): string | undefined {
    const latin = candidate.latinText?.replace(/\s+/g, ' ').trim();
    const id = candidate.name ? `learned:${candidate.name}` : latin ? `learned:${latin.split(' ').map(latinKey).join('-')}` : undefined;
    if (!id) return undefined;
    // A name the catalogue already knows under another id is not a new person.
    if (this.byId.has(id)) return id;
    const existing = learned.get(id);
    if (existing) {
      if (latin && !existing.latin.includes(latin)) existing.latin.push(latin);
      return id;
    }
    // The name as written too, when the article writes it in traditional script.
    const names = candidate.name ? (written !== candidate.name ? [candidate.name, written] : [candidate.name]) : [];
    // A dotted transliteration is later often shortened to its last part (`沃森`).
    const last = candidate.name?.includes('·') ? candidate.name.split('·').pop() : undefined;
    learned.set(id, {
      id,
      en: latin ?? candidate.name ?? id,
      // A Markdown-escaped hyphen (`哈蒙德\-钱伯斯`) is shown as the hyphen it is.
      zh: candidate.name?.replace(/\\-/g, '-') ?? latin ?? id,
      names,
      short: last && last.length >= 2 ? [last] : [],
      notIn: [],
      latin: latin ? [latin] : [],
      compounds: [],
      titles: [],
      roles: [],
      origin: 'learned',
    });
    return id;
  }

  /** Later mentions of a learned person, wherever no catalogue figure was found. */
  private findLearned(figure: Figure, text: string, normalized: string, words: readonly LatinWord[], covered: Uint8Array, mentions: FigureMention[], scans: LineScans | undefined): void {
    const add = (start: number, end: number) => {
      for (let k = start; k < end; k++) if (covered[k]) return;
      covered.fill(1, start, end);
      mentions.push({ figureId: figure.id, start, end, text: text.slice(start, end) });
    };
    // Forms as written in traditional script are for display; the search reads simplified text.
    const forms = [...figure.names, ...figure.short].filter((form) => normalizeForMatching(form) === form);
    const places = wordPlaces(normalized, forms, scans);
    forms.forEach((form, index) => {
      // Each form's occurrences left to right, none overlapping the one before.
      let next = 0;
      for (const at of places[index]) {
        if (at < next || form.length === 0) continue;
        add(at, at + form.length);
        next = at + form.length;
      }
    });
    for (const latin of figure.latin) {
      const keys = latin.split(' ').map(latinKey);
      for (const i of wordsWithKey(normalized, words, keys[0])) {
        if (i + keys.length > words.length) break;
        let ok = true;
        for (let k = 0; k < keys.length && ok; k++) {
          ok = words[i + k].key === keys[k] && (k === 0 || /^\s+$/.test(normalized.slice(words[i + k - 1].end, words[i + k].start)));
        }
        if (ok) add(words[i].start, words[i + keys.length - 1].end);
      }
    }
  }
}

export type { FormMatch };

const wordHashes = new WeakMap<readonly LatinWord[], Int32Array>();

/**
 * The indices of the words (of `text`) whose key is `key`, in order. Each learned person's Latin
 * name is looked up here; the words' `asciiKeyHash`es, made once per list of words, rule out nearly
 * all of them without making their keys.
 */
function wordsWithKey(text: string, words: readonly LatinWord[], key: string): number[] {
  let hashes = wordHashes.get(words);
  if (!hashes) {
    hashes = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) hashes[i] = asciiKeyHash(text, words[i].start, words[i].end);
    wordHashes.set(words, hashes);
  }
  // A word of other characters (`Élysée`) may still have a plain key: its own key tells.
  const wanted = asciiKeyHash(key, 0, key.length);
  const found: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    if ((hashes[i] === wanted || hashes[i] < 0) && words[i].key === key) found.push(i);
  }
  return found;
}

/** A partial date's last day, for comparison with a full one. */
function endOfPeriod(date: string): string {
  return date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;
}

/** Whether a catalogue name is part of a ship's, a company's or a place's name: `林肯号`, `“林肯”号`, `福特汽车`. */
function namesAThing(text: string, match: FormMatch): boolean {
  if (match.entry.kind === 'compound') return false;
  let after = match.end;
  if (/[”"’」』]/.test(text[after] ?? '')) after++;
  return NOT_PERSON_AFTER.startingAt(text, after) !== undefined && NOT_PERSON_AFTER_EXCEPTIONS.startingAt(text, after) === undefined;
}

/** `USS Abraham Lincoln`, `Ford Motor`, `Lincoln Center`: a Latin catalogue name inside a ship's, a company's or a place's. */
function latinNamesAThing(words: readonly LatinWord[], text: string, match: FormMatch): boolean {
  const first = lowerBound(words, match.start);
  if (first < 0) return false;
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < match.end) last++;
  const spaced = (a: LatinWord, b: LatinWord) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  const before = first > 0 && spaced(words[first - 1], words[first]) ? words[first - 1].key : '';
  const after = last + 1 < words.length && spaced(words[last], words[last + 1]) ? words[last + 1].key : '';
  return LATIN_SHIP_PREFIXES.has(before) || LATIN_NOT_PERSON_AFTER.has(after);
}

/** The index of the word starting at `start`, or -1. */
function lowerBound(words: readonly LatinWord[], start: number): number {
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (words[middle].start < start) low = middle + 1;
    else if (words[middle].start > start) high = middle - 1;
    else return middle;
  }
  return -1;
}
