/**
 * One index over every written form of every catalogue figure, built once, so that finding
 * figures in an article is a single left-to-right pass: a character trie for Chinese forms
 * and a word map for Latin-script forms (whole words, any whitespace between them).
 *
 * The trie is a few typed arrays made from the sorted forms, not a map per node: with 2,500
 * people (≈ 30,000 nodes) maps cost every thread that loads the knowledge ≈ 0.3 s and ≈ 9 MB.
 */
import { normalizeForMatching } from '../text/normalize';
import { PairFilter } from '../text/pairFilter';
import type { LineMatch } from '../text/lineScans';
import type { Figure } from './types';

export type FormKind = 'name' | 'title' | 'compound' | 'short';

export interface FormEntry {
  kind: FormKind;
  /** Several only when the same form belongs to more than one figure (compounds, ambiguous names). */
  figureIds: string[];
  /** For short forms: the words that contain this form, with the form's offset inside each. */
  notIn?: Array<{ word: string; offset: number }>;
}


export interface FormMatch {
  start: number;
  end: number;
  entry: FormEntry;
}

/** A Latin-script word in the text: its offsets, and its comparison key, made only when asked for. */
export class LatinWord {
  private cachedKey: string | undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  get key(): string {
    return (this.cachedKey ??= latinKey(this.text.slice(this.start, this.end)));
  }
}

const LATIN_WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’\-.]*/g;
/** Below U+0250: `LATIN_LETTER` for a letter that starts a Latin word, `LATIN_INNER` for `'`, `-` and `.`, which only continue one (as `’` does). */
const LATIN_CLASS = new Uint8Array(0x250);
const LATIN_LETTER = 2;
const LATIN_INNER = 1;
for (let code = 0; code < 0x250; code++) {
  if (isLatinLetter(code)) LATIN_CLASS[code] = LATIN_LETTER;
  else if (code === 0x27 || code === 0x2d || code === 0x2e) LATIN_CLASS[code] = LATIN_INNER;
}
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+/g;
const KIND_RANK: Record<FormKind, number> = { compound: 0, name: 1, title: 2, short: 3 };

/** The comparison key of a Latin word: lower case, no diacritics, no dots, straight apostrophes. */
export function latinKey(word: string): string {
  // Plain ASCII words, nearly all of them, need no Unicode decomposition, and a word already
  // in lower case without dots is its own key: checked by character code, no string is made.
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x7f || code < 0x20) return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.]/g, '').replace(/’/g, "'");
    if ((code >= 0x41 && code <= 0x5a) || code === 0x2e) plain = false;
  }
  if (plain) return word;
  return word.includes('.') ? word.toLowerCase().replace(/[.]/g, '') : word.toLowerCase();
}

export function hasLatinLetter(form: string): boolean {
  return /[A-Za-z\u00C0-\u024F]/.test(form);
}

const NO_GUARDS: readonly string[] = [];

/**
 * Every written form of a catalogue, normalised, with what each names: the index's whole content,
 * plain data. The build computes it for the built-in catalogue (scripts/build.mjs), so a thread
 * that loads the knowledge makes only the trie from it.
 */
export interface FormTable {
  /** Chinese and mixed forms, sorted by UTF-16 units, each with its entries (best kind first). */
  han: Array<[form: string, entries: FormEntry[]]>;
  /** Latin-script forms by their key (words' `latinKey`s joined by single spaces). */
  latin: Array<[key: string, entry: FormEntry]>;
}

interface Trie {
  childStart: Int32Array;
  childCode: Uint16Array;
  /** The node each form of the table's `han` ends at, in order. */
  formNodes: Int32Array;
}

/** Gathers the forms of `figures`: their names, dotless transliterations, titles, compounds, short forms and Latin names. */
export function gatherForms(figures: readonly Figure[]): FormTable {
  const han = new Map<string, FormEntry[]>();
  const latin = new Map<string, FormEntry>();
  for (const figure of figures) {
    // Normalised once per figure, not once per form: catalogues list many forms and many guards.
    const guards = figure.notIn.length > 0 ? figure.notIn.map((word) => normalizeForMatching(word)) : NO_GUARDS;
    const add = (forms: readonly string[], kind: FormKind) => {
      for (const form of forms) addForm(han, latin, form, kind, figure, guards);
    };
    add(figure.names, 'name');
    // A dotted transliteration is often written without its dot (`乔拜登`).
    add(figure.names.filter((name) => /[·‧•・]/.test(name)).map((name) => name.replace(/[·‧•・\s]/g, '')), 'name');
    add(figure.titles, 'title');
    add(figure.compounds, 'compound');
    add(figure.short, 'short');
    add(figure.latin, 'name');
  }
  return { han: [...han].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), latin: [...latin] };
}

/**
 * The trie of the sorted forms. Node 0 is the root; nodes are numbered breadth first, and node
 * `c` (c ≥ 1) is reached by the unit `childCode[c - 1]`; the children of node `n` are the nodes
 * `childStart[n] + 1 … childStart[n + 1]`, by ascending unit.
 */
function buildTrie(forms: FormTable['han']): Trie {
  let units = 0;
  for (let i = 0; i < forms.length; i++) units += forms[i][0].length;
  const childStart = new Int32Array(units + 2);
  const childCode = new Uint16Array(units);
  const formNodes = new Int32Array(forms.length);
  // The sorted forms below each node ([from, to)) and its depth, set when the node is numbered.
  // Visiting the nodes in order numbers every node's children right after the previous node's.
  // Typed arrays rather than a queue of tuples: this runs once per thread, before the code is
  // optimised, where taking a tuple apart cost most of the ≈ 20 ms it took.
  const below = new Int32Array(2 * units + 2);
  const depths = new Int32Array(units + 1);
  below[1] = forms.length;
  let nodeCount = 1;
  for (let node = 0; node < nodeCount; node++) {
    const to = below[2 * node + 1];
    const depth = depths[node];
    childStart[node] = nodeCount - 1;
    let i = below[2 * node];
    // A form that ends here sorts first among the forms below this node.
    if (i < to && forms[i][0].length === depth) formNodes[i++] = node;
    while (i < to) {
      const code = forms[i][0].charCodeAt(depth);
      let end = i + 1;
      while (end < to && forms[end][0].charCodeAt(depth) === code) end++;
      const child = nodeCount++;
      childCode[child - 1] = code;
      below[2 * child] = i;
      below[2 * child + 1] = end;
      depths[child] = depth + 1;
      i = end;
    }
  }
  childStart[nodeCount] = nodeCount - 1;
  return { childStart: childStart.slice(0, nodeCount + 1), childCode: childCode.slice(0, nodeCount - 1), formNodes };
}

function addForm(han: Map<string, FormEntry[]>, latin: Map<string, FormEntry>, rawForm: string, kind: FormKind, figure: Figure, guards: readonly string[]): void {
  const form = normalizeForMatching(rawForm.trim());
  if (form.length === 0) return;
  // Mixed forms (托马斯·L·弗里德曼) are matched character by character like any Chinese form.
  if (hasLatinLetter(form) && !/[\u3400-\u9fff]/.test(form)) {
    const words = form.match(LATIN_WORD);
    if (!words) return;
    const key = words.map(latinKey).join(' ');
    latin.set(key, mergeEntry(latin.get(key), kind, figure.id));
    return;
  }
  let entries = han.get(form);
  if (!entries) han.set(form, (entries = []));
  let entry = entries.find((candidate) => candidate.kind === kind);
  if (!entry) entries.push((entry = { kind, figureIds: [] }));
  if (!entry.figureIds.includes(figure.id)) entry.figureIds.push(figure.id);
  // A catalogue's notIn words guard every form they contain (基辛格中美关系研究所 is an institute, not Kissinger).
  for (const word of guards) {
    for (let at = word.indexOf(form); at >= 0; at = word.indexOf(form, at + 1)) (entry.notIn ??= []).push({ word, offset: at });
  }
  entries.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

export class FormIndex {
  /** The trie's first level by UTF-16 unit, node + 1: most characters start no form, and cost one array read. */
  private readonly firstLevel = new Int32Array(0x10000);
  /**
   * The trie below the root. Nodes are numbered breadth first, and node `c` (c ≥ 1) is reached
   * by the unit `childCode[c - 1]`; the children of node `n` are the nodes `childStart[n] + 1 …
   * childStart[n + 1]`, by ascending unit.
   */
  private readonly childStart: Int32Array;
  private readonly childCode: Uint16Array;
  /** The forms that end at each node, best kind first. */
  private readonly nodeEntries: Array<FormEntry[] | undefined>;
  /** The first two characters of every form of two or more. */
  private readonly openings = new PairFilter();
  private readonly latin: Map<string, FormEntry>;
  /** Every word-prefix of a Latin key, so a word that starts no catalogue name is passed over at once. */
  private readonly latinPrefixes = new Set<string>();
  private maxLatinWords = 1;
  /** The first words of the Latin keys, one bit at each one's `asciiKeyHash` (may say yes for a word never added, never no for one that was). */
  private readonly latinFirstWords = new Uint32Array(1 << 15);

  /** `table`, when given, is `gatherForms(figures)` computed earlier (the built-in catalogue's, at build time). */
  constructor(figures: readonly Figure[], table: FormTable = gatherForms(figures)) {
    const forms = table.han;
    const { childStart, childCode, formNodes } = buildTrie(forms);
    this.childStart = childStart;
    this.childCode = childCode;
    this.nodeEntries = new Array(childStart.length - 1);
    for (let i = 0; i < forms.length; i++) this.nodeEntries[formNodes[i]] = forms[i][1];
    // The root's children are the first characters of the forms, and theirs the second.
    for (let first = childStart[0] + 1; first <= childStart[1]; first++) {
      const firstCode = childCode[first - 1];
      this.firstLevel[firstCode] = first + 1;
      for (let second = childStart[first] + 1; second <= childStart[first + 1]; second++) this.openings.add(firstCode, childCode[second - 1]);
    }

    this.latin = new Map(table.latin);
    for (let k = 0; k < table.latin.length; k++) {
      // The key's words are joined by single spaces: each space ends a prefix.
      const key = table.latin[k][0];
      let words = 1;
      for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1), words++) this.latinPrefixes.add(key.slice(0, space));
      this.latinPrefixes.add(key);
      this.maxLatinWords = Math.max(this.maxLatinWords, words);
      // A first word with other than ASCII characters is found by its key alone (see `mayStartLatin`).
      const firstSpace = key.indexOf(' ');
      const hash = asciiKeyHash(key, 0, firstSpace < 0 ? key.length : firstSpace);
      if (hash >= 0) this.latinFirstWords[hash >>> 16] |= 1 << ((hash >>> 11) & 31);
    }
  }

  /** The child of `node` along `code`, or -1. */
  private child(node: number, code: number): number {
    const childCode = this.childCode;
    for (let k = this.childStart[node], end = this.childStart[node + 1]; k < end; k++) {
      const at = childCode[k];
      if (at === code) return k + 1;
      if (at > code) return -1;
    }
    return -1;
  }

  /**
   * Leftmost-longest matches of Chinese forms in normalised text (in `[from, to)`, whole lines).
   * A short form counts only outside its figure's `notIn` words and never as part of a dotted name.
   */
  matchHan(text: string, from = 0, to = text.length): FormMatch[] {
    const matches: FormMatch[] = [];
    // No form holds a line break, so a scan of whole lines finds what a scan of the text finds there.
    const n = to;
    let i = from;
    const firstLevel = this.firstLevel;
    const nodeEntries = this.nodeEntries;
    const openings = this.openings;
    while (i < n) {
      const first = text.charCodeAt(i);
      let node = firstLevel[first] - 1;
      // No form starts here, or only longer ones that the next character rules out.
      if (node < 0 || (nodeEntries[node] === undefined && (i + 1 >= n || !openings.mayHave(first, text.charCodeAt(i + 1))))) {
        i++;
        continue;
      }
      // The longest valid form so far; a match object is made only once it is final.
      let bestEnd = -1;
      let bestEntry: FormEntry | undefined;
      for (let j = i; node >= 0; ) {
        j++;
        const entries = nodeEntries[node];
        if (entries) {
          for (const candidate of entries) {
            if (isValidAt(candidate, text, i, j)) {
              bestEnd = j;
              bestEntry = candidate;
              break;
            }
          }
        }
        if (j >= n) break;
        node = this.child(node, text.charCodeAt(j));
      }
      if (bestEntry) {
        matches.push({ start: i, end: bestEnd, entry: bestEntry });
        i = bestEnd;
      } else i++;
    }
    return matches;
  }

  /** Latin-script words of the text outside URLs, in order (the words `LATIN_WORD` finds, scanned by character code). */
  latinWords(text: string): LatinWord[] {
    return this.latinWordPlaces(text).map((place) => new LatinWord(text, place.start, place.end));
  }

  /**
   * The places of the Latin-script words of `text[from, to)` (whole lines: no word or address
   * crosses a line break) outside URLs, in order. Places rather than words, so that a kept line
   * scan holds no text; the letters are found by character code, as a pattern's `exec` made an
   * array for every word.
   */
  latinWordPlaces(text: string, from = 0, to = text.length): LineMatch[] {
    if (from !== 0 || to !== text.length) {
      const places = this.latinWordPlaces(text.slice(from, to));
      for (const place of places) {
        place.start += from;
        place.end += from;
      }
      return places;
    }
    // Most texts have no address at all.
    const urls = text.includes('@') || text.includes('http') || text.includes('www.') ? addressSpans(text) : [];
    const places: LineMatch[] = [];
    const n = text.length;
    let u = 0;
    for (let start = 0; start < n; start++) {
      // Chinese prose, most of the text, is passed over by the first comparison.
      const first = text.charCodeAt(start);
      if (first >= 0x250 || LATIN_CLASS[first] !== LATIN_LETTER) continue;
      let end = start + 1;
      for (; end < n; end++) {
        const code = text.charCodeAt(end);
        if (code < 0x250 ? LATIN_CLASS[code] === 0 : code !== 0x2019) break;
      }
      const wordStart = start;
      // The next word starts after this one (`end` is no letter).
      start = end;
      while (u < urls.length && urls[u][1] <= wordStart) u++;
      if (u < urls.length && urls[u][0] <= wordStart) continue;
      // A trailing full stop ends the sentence; an initial's dot (`T.`) stays.
      let trimmed = end;
      while (trimmed - wordStart > 2 && isWordTrailer(text.charCodeAt(trimmed - 1))) trimmed--;
      places.push({ start: wordStart, end: trimmed });
    }
    return places;
  }

  /** Longest catalogue Latin forms over runs of words separated only by whitespace. */
  matchLatin(text: string, words: readonly LatinWord[]): FormMatch[] {
    const matches: FormMatch[] = [];
    let i = 0;
    while (i < words.length) {
      let found: { count: number; entry: FormEntry } | undefined;
      let key = '';
      for (let count = 1; count <= this.maxLatinWords && i + count - 1 < words.length; count++) {
        const word = words[i + count - 1];
        if (count > 1 && !onlyWhitespaceBetween(text, words[i + count - 2].end, word.start)) break;
        // Most words start no catalogue name, and are passed over without making their key.
        if (count === 1 && !this.mayStartLatin(text, word)) break;
        key = count === 1 ? word.key : `${key} ${word.key}`;
        if (!this.latinPrefixes.has(key)) break;
        const entry = this.latin.get(key);
        if (entry) found = { count, entry };
      }
      if (found) {
        matches.push({ start: words[i].start, end: words[i + found.count - 1].end, entry: found.entry });
        i += found.count;
      } else i++;
    }
    return matches;
  }

  /**
   * Whether a word may start a catalogue Latin form, told from its characters without making its
   * key: nearly every word is plain ASCII, and its key's hash is made as the key would be. Any other
   * word (`Élysée`, `O’Brien`) may, and its key decides.
   */
  private mayStartLatin(text: string, word: LatinWord): boolean {
    const hash = asciiKeyHash(text, word.start, word.end);
    return hash < 0 || (this.latinFirstWords[hash >>> 16] & (1 << ((hash >>> 11) & 31))) !== 0;
  }
}

/**
 * A hash (31 bits) of the key (`latinKey`) of the word `text[start, end)`, made from its characters
 * when they are all ASCII: the key is then the word in lower case without dots, so two words whose
 * hashes differ have different keys. -1 for any other word, whose key must be made.
 */
export function asciiKeyHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x7f || code < 0x20) return -1;
    if (code === 0x2e) continue;
    if (code >= 0x41 && code <= 0x5a) code |= 0x20;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash & 0x7fffffff;
}

/** `[A-Za-z\u00C0-\u024F]`: a letter that starts a Latin word. */
function isLatinLetter(code: number): boolean {
  return code < 0x250 && ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code >= 0xc0);
}

/** Web and e-mail addresses in the text, in order and apart, as [start, end) pairs. */
function addressSpans(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const url of text.matchAll(WEB_ADDRESS)) found.push([url.index, url.index + url[0].length]);
  // E-mail addresses are found from their `@`, each character looked at once or twice: a pattern
  // such as /[\w.-]+@[\w.-]+/ retries from every character of a long run with no `@` after it.
  let floor = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && isMailChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && isMailChar(text.charCodeAt(end))) end++;
    if (start === at || end === at + 1) continue;
    found.push([start, end]);
    floor = end;
    at = end - 1;
  }
  found.sort((a, b) => a[0] - b[0]);
  const apart: Array<[number, number]> = [];
  for (const span of found) if (apart.length === 0 || span[0] >= apart[apart.length - 1][1]) apart.push(span);
  return apart;
}

/** `[\w.-]`: what an e-mail address is made of here. */
function isMailChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2e || code === 0x2d;
}

/** `.`, `-`, `'` and `’`, which a word may not end with. */
function isWordTrailer(code: number): boolean {
  return code === 0x2e || code === 0x2d || code === 0x27 || code === 0x2019;
}

function onlyWhitespaceBetween(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 0xa0 && code !== 0x3000) return false;
  }
  return true;
}

function mergeEntry(entry: FormEntry | undefined, kind: FormKind, figureId: string): FormEntry {
  if (!entry) return { kind, figureIds: [figureId] };
  if (!entry.figureIds.includes(figureId)) entry.figureIds.push(figureId);
  if (KIND_RANK[kind] < KIND_RANK[entry.kind]) entry.kind = kind;
  return entry;
}

function isValidAt(entry: FormEntry, text: string, start: number, end: number): boolean {
  for (const { word, offset } of entry.notIn ?? []) if (text.startsWith(word, start - offset)) return false;
  if (entry.kind !== 'short') return true;
  return text[start - 1] !== '·' && text[end] !== '·';
}
