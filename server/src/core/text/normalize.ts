/**
 * Normalises text for matching names and phrases, one UTF-16 unit for one, so an offset in
 * the normalised text is the same offset in the original: traditional → simplified script
 * (OpenCC's Taiwan and Hong Kong tables), full-width → half-width, and the many middle-dot
 * variants outlets use inside transliterated names (‧ • ・ ･ ● · ⋅ ∙) → `·`.
 */
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
