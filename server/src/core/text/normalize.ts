/**
 * Normalises text for matching names and phrases, one UTF-16 unit for one, so an offset in
 * the normalised text is the same offset in the original: traditional → simplified script
 * (OpenCC's Taiwan and Hong Kong tables), full-width → half-width, and the many middle-dot
 * variants outlets use inside transliterated names (‧ • ・ ･ ● · ⋅ ∙) → `·`.
 */
import { LineScans } from './lineScans';
import { buildNormalizationTable } from './normalizationTable';

let table: Uint16Array | undefined;
const utf16 = new TextDecoder('utf-16le');

/** Returns `text` normalised for matching; always the same length as `text`. */
export function normalizeForMatching(text: string): string {
  const normalization = (table ??= buildNormalizationTable());
  const length = text.length;
  const [codes] = unitArrays(length);
  copyUnits(text, codes);
  let surrogates = false;
  for (let i = 0; i < length; i++) {
    const code = codes[i];
    codes[i] = normalization[code];
    if ((code & 0xf800) === 0xd800) surrogates = true;
  }
  // A lone surrogate becomes U+FFFD, still one unit, so offsets are unchanged.
  return surrogates ? utf16.decode(codes.subarray(0, length)) : stringOfUnits(codes, length);
}

/** An article's text as the recognisers match it: normalised, and that lower-cased. */
export interface MatchingText {
  normalized: string;
  /** `normalized.toLowerCase()`. */
  lower: string;
  /** Line-local scans of `normalized` and of `lower`, kept with them across edits. */
  scans: LineScans;
  lowerScans: LineScans;
}

export function matchingTextOf(text: string): MatchingText {
  const { normalized, lower } = normalizedAndLower(text);
  return { normalized, lower, scans: new LineScans(normalized), lowerScans: new LineScans(lower) };
}

/**
 * In a table of lower cases, a unit that lower-cases alone into something else than one unit,
 * or differently in some neighbourhood: Σ (final sigma), İ (two units), surrogates (their case
 * is a pair's), and U+FFFF itself, which this value stands for.
 */
const IRREGULAR = 0xffff;
/** For each unit, the lower case of its normalised form (or `IRREGULAR`), built on first use. */
let lowerTable: Uint16Array | undefined;
/** Per high surrogate: 0 not yet known, 1 no pair starting with it changes when lower-cased, 2 some does. */
const caselessHighSurrogates = new Uint8Array(0x400);

/**
 * The normalised text and its lower case, made in one pass through the text and two tables,
 * instead of normalising and then lower-casing the whole text again. Both are exactly
 * `normalizeForMatching(text)` and its `toLowerCase()`: the few texts with a unit whose lower
 * case depends on more than itself are lower-cased the usual way.
 */
function normalizedAndLower(text: string): { normalized: string; lower: string } {
  const normalization = (table ??= buildNormalizationTable());
  const lowering = (lowerTable ??= buildLowerTable(normalization));
  const length = text.length;
  const [normalizedCodes, lowerCodes] = unitArrays(length);
  copyUnits(text, normalizedCodes);
  let firstIrregular = -1;
  for (let i = 0; i < length; i++) {
    const code = normalizedCodes[i];
    normalizedCodes[i] = normalization[code];
    const lower = lowering[code];
    lowerCodes[i] = lower;
    if (lower === IRREGULAR && firstIrregular < 0) firstIrregular = i;
  }
  if (firstIrregular >= 0 && !onlyCaselessPairs(normalizedCodes, lowerCodes, firstIrregular, length)) {
    const normalized = utf16.decode(normalizedCodes.subarray(0, length));
    return { normalized, lower: normalized.toLowerCase() };
  }
  return { normalized: stringOfUnits(normalizedCodes, length), lower: stringOfUnits(lowerCodes, length) };
}

/**
 * Whether every irregular unit is half of a surrogate pair whose lower case is itself (emoji,
 * rare CJK): the pairs then go into the lower case as they are. Anything else (a lone surrogate,
 * Σ, İ) leaves the lower case to `toLowerCase`.
 */
function onlyCaselessPairs(normalizedCodes: Uint16Array, lowerCodes: Uint16Array, from: number, length: number): boolean {
  for (let i = from; i < length; i++) {
    if (lowerCodes[i] !== IRREGULAR) continue;
    const high = normalizedCodes[i];
    const low = i + 1 < length ? normalizedCodes[i + 1] : 0;
    if (high < 0xd800 || high > 0xdbff || low < 0xdc00 || low > 0xdfff || !isCaselessHighSurrogate(high)) return false;
    lowerCodes[i] = high;
    lowerCodes[i + 1] = low;
    i++;
  }
  return true;
}

function isCaselessHighSurrogate(high: number): boolean {
  const index = high - 0xd800;
  if (caselessHighSurrogates[index] === 0) {
    const pairs = new Uint16Array(0x800);
    for (let low = 0; low < 0x400; low++) {
      pairs[2 * low] = high;
      pairs[2 * low + 1] = 0xdc00 + low;
    }
    const all = stringOfUnits(pairs, pairs.length);
    caselessHighSurrogates[index] = all.toLowerCase() === all ? 1 : 2;
  }
  return caselessHighSurrogates[index] === 1;
}

/**
 * For each unit, the lower case of its normalised form, from this runtime's own `toLowerCase`
 * (Unicode versions differ between runtimes). Units are lower-cased a block at a time; a block
 * whose lower case is longer holds a unit that lower-cases into two, and is done unit by unit.
 */
function buildLowerTable(normalization: Uint16Array): Uint16Array {
  const lowerOf = new Uint16Array(0x10000).fill(IRREGULAR);
  const BLOCK = 0x100;
  const units = new Uint16Array(BLOCK);
  for (let blockStart = 0; blockStart < 0x10000; blockStart += BLOCK) {
    // The surrogates, 0xd800–0xdfff, are whole blocks, and stay irregular.
    if (blockStart >= 0xd800 && blockStart < 0xe000) continue;
    for (let i = 0; i < BLOCK; i++) units[i] = blockStart + i;
    const lowered = stringOfUnits(units, BLOCK).toLowerCase();
    for (let i = 0; i < BLOCK; i++) {
      const alone = lowered.length === BLOCK ? lowered[i] : String.fromCharCode(blockStart + i).toLowerCase();
      if (alone.length === 1) lowerOf[blockStart + i] = alone.charCodeAt(0);
    }
  }
  lowerOf[0x3a3] = IRREGULAR;
  lowerOf[0xffff] = IRREGULAR;
  const lower = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) lower[code] = lowerOf[normalization[code]];
  return lower;
}

/**
 * Two arrays of at least `length` units, reused from text to text so that each text does not
 * allocate (and zero) two arrays of its length. They are whole arrays, not views of part of one:
 * a loop over a view runs at half the speed. Texts longer than `MAX_SCRATCH_UNITS` get arrays of
 * their own, so the kept ones never hold much memory.
 */
function unitArrays(length: number): [Uint16Array, Uint16Array] {
  if (length > MAX_SCRATCH_UNITS) return [new Uint16Array(length), new Uint16Array(length)];
  if (scratch[0].length < length) {
    const size = Math.min(MAX_SCRATCH_UNITS, Math.max(length, 2 * scratch[0].length));
    scratch = [new Uint16Array(size), new Uint16Array(size)];
  }
  return scratch;
}

let scratch: [Uint16Array, Uint16Array] = [new Uint16Array(4096), new Uint16Array(4096)];
const MAX_SCRATCH_UNITS = 1 << 20;

/**
 * Node's Buffer copies UTF-16 units between strings and arrays natively, where a loop of
 * `charCodeAt` costs a nanosecond a unit and TextDecoder checks every unit. Elsewhere (no
 * Buffer), the portable ways do the same.
 */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Copies the text's UTF-16 units (lone surrogates as they are) to the start of `units`. */
function copyUnits(text: string, units: Uint16Array): void {
  if (NodeBuffer && NodeBuffer.from(units.buffer, units.byteOffset, 2 * text.length).write(text, 'utf16le') === 2 * text.length) return;
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
}

/** The string of the first `length` units, which hold no lone surrogate. */
function stringOfUnits(units: Uint16Array, length: number): string {
  return NodeBuffer ? NodeBuffer.from(units.buffer, units.byteOffset, 2 * length).toString('utf16le') : utf16.decode(units.subarray(0, length));
}

/**
 * The matching text after `inserted` replaced text [start, end). Normalisation maps character
 * for character, so only the edited stretch is normalised; lower-casing does too, unless the text
 * holds one of the few characters whose lower case depends on its neighbours or is longer (Σ, İ).
 */
export function matchingTextAfterEdit(previous: MatchingText, edit: { start: number; end: number; inserted: string }): MatchingText {
  const inserted = normalizeForMatching(edit.inserted);
  const normalized = previous.normalized.slice(0, edit.start) + inserted + previous.normalized.slice(edit.end);
  const characterwise = previous.lower.length === previous.normalized.length && !/[Σİ]/.test(inserted) && !previous.normalized.includes('Σ');
  const lower = characterwise ? previous.lower.slice(0, edit.start) + inserted.toLowerCase() + previous.lower.slice(edit.end) : normalized.toLowerCase();
  const normalizedEdit = { ...edit, inserted };
  return { normalized, lower, scans: previous.scans.afterEdit(normalized, normalizedEdit), lowerScans: characterwise ? previous.lowerScans.afterEdit(lower, normalizedEdit) : new LineScans(lower) };
}
