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
  table ??= buildNormalizationTable();
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = table[text.charCodeAt(i)];
  // One UTF-16 decode of the whole buffer (typed arrays are little-endian on every platform Node runs on);
  // a lone surrogate becomes U+FFFD, still one unit, so offsets are unchanged.
  return utf16.decode(codes);
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
  const normalized = normalizeForMatching(text);
  const lower = normalized.toLowerCase();
  return { normalized, lower, scans: new LineScans(normalized), lowerScans: new LineScans(lower) };
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
