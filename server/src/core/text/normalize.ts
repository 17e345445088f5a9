/**
 * Normalises text for matching names and phrases, one UTF-16 unit for one, so an offset in
 * the normalised text is the same offset in the original: traditional → simplified script
 * (OpenCC's Taiwan and Hong Kong tables), full-width → half-width, and the many middle-dot
 * variants outlets use inside transliterated names (‧ • ・ ･ ● · ⋅ ∙) → `·`.
 */
import { Converter } from 'opencc-js/t2cn';

let table: Uint16Array | undefined;
const utf16 = new TextDecoder('utf-16le');

function buildTable(): Uint16Array {
  const map = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) map[code] = code;
  const chars: string[] = [];
  for (let code = 0x3400; code <= 0x9fff; code++) chars.push(String.fromCharCode(code));
  for (let code = 0xf900; code <= 0xfaff; code++) chars.push(String.fromCharCode(code));
  const joined = chars.join('\n');
  // Characters are converted one per line so that OpenCC's phrase rules cannot change lengths.
  for (const from of ['hk', 'tw'] as const) {
    const converted = Converter({ from, to: 'cn' })(joined).split('\n');
    if (converted.length !== chars.length) continue;
    for (let i = 0; i < chars.length; i++) {
      const original = chars[i].charCodeAt(0);
      if (converted[i].length === 1 && map[original] === original) map[original] = converted[i].charCodeAt(0);
    }
  }
  // Full-width ASCII forms and the ideographic space.
  for (let code = 0xff01; code <= 0xff5e; code++) map[code] = code - 0xfee0;
  map[0x3000] = 0x20;
  for (const dot of ['‧', '•', '・', '･', '●', '⋅', '∙', '᛫', '•', 'ㆍ']) map[dot.charCodeAt(0)] = '·'.charCodeAt(0);
  return map;
}

/** Returns `text` normalised for matching; always the same length as `text`. */
export function normalizeForMatching(text: string): string {
  table ??= buildTable();
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = table[text.charCodeAt(i)];
  // One UTF-16 decode of the whole buffer (typed arrays are little-endian on every platform Node runs on);
  // a lone surrogate becomes U+FFFD, still one unit, so offsets are unchanged.
  return utf16.decode(codes);
}
