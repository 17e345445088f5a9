/**
 * The table behind `normalizeForMatching`: one UTF-16 unit for one, traditional → simplified
 * script from OpenCC's Taiwan and Hong Kong tables, full-width → half-width, middle-dot variants
 * → `·`. The bundles carry it precomputed (scripts/build.mjs calls this function at build time
 * and replaces this module with its result), so a server start does not run OpenCC over 28,000
 * characters; run unbundled, it is built here on first use.
 */
import { Converter } from 'opencc-js/t2cn';

export function buildNormalizationTable(): Uint16Array {
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

