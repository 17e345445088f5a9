/**
 * Finds where an article introduces a person: a descriptor ending in a role word before a name
 * (`中国外交部发言人华春莹说`, `责任编辑：孙芸`), a Chinese name glossed with its Latin form
 * (`何瑞恩（Ryan Hass）`), or a Latin-script name after `的` or a role word. Precision matters as
 * much as recall, so a name must also look like one: a known surname, or transliteration
 * characters, and a plausible word after it.
 */
import type { FormMatch, LatinWord } from './formIndex';
import {
  COMPOUND_SURNAMES, HONORIFICS, LATIN_NON_PERSON, NAME_FOLLOWERS, NOT_IN_NAMES, NOT_NAMES, PLACE_ENDINGS, ROLE_WORDS, SPEECH_VERBS, SURNAMES, TRANSLITERATION,
} from './lexicon';
import { scanLines, wordPlaces, type LineScans } from '../text/lineScans';
import { WordList } from '../text/wordList';

export interface IntroductionCandidate {
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** The normalised Chinese name, when there is one. */
  name?: string;
  catalogueId?: string;
  descriptor?: boolean;
  descriptorStart: number;
  descriptorEnd: number;
  latin?: boolean;
  latinStart: number;
  latinEnd: number;
  latinText?: string;
}

const ROLES = new WordList(ROLE_WORDS);
const FOLLOWERS = new WordList(NAME_FOLLOWERS);
const COMPOUND = new WordList(COMPOUND_SURNAMES);
const SPEECH = new WordList(SPEECH_VERBS);

interface RoleWord {
  start: number;
  end: number;
}

/**
 * Leftmost-longest, non-overlapping role words in `text[from, to)`, as `matchAll` on their
 * alternation would give. No role word holds a line break, so whole lines scan alike alone.
 */
function roleWords(text: string, from = 0, to = text.length): RoleWord[] {
  const found: RoleWord[] = [];
  for (let i = from; i < to; ) {
    const word = ROLES.startingAt(text, i);
    if (word) {
      found.push({ start: i, end: i + word.length });
      i += word.length;
    } else i++;
  }
  return found;
}

const GLOSS = /\(\s*([A-Z\u00C0-\u00DE][^()\n]{1,60}?)\s*\)/g;
const DESCRIPTOR_STOP = /[，。！？；：:“”"「」『』《》【】〔〕()\s,;!?|/]/;
const LEADING_FILLER = /^(?:包括|以及|应|据|由|与|同|和|对|向|在|而|但|及|是|被|让|请|如|像)/;
const LATIN_PARTICLES = new Set(['de', 'van', 'von', 'da', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'del', 'di', 'dos', 'jr', 'sr']);
const PERSON_WORD = /^(?:[A-Z][a-z\u00DF-\u024F'’]+(?:-[A-Z]?[a-z\u00DF-\u024F'’]+)*|[A-Z]\.?|[A-Z][a-z]+[A-Z][a-z]+|Mc[A-Z][a-z]+)$/;
const HAN = /[\u3400-\u9fff]/;

/** `scans`, when given, holds `text`'s line-local scans (kept across edits by the editor's copy). */
export function findIntroductions(text: string, words: readonly LatinWord[], found: readonly FormMatch[], covered: Uint8Array, scans?: LineScans): IntroductionCandidate[] {
  const startsAt = new Map<number, FormMatch>();
  const endsAt = new Map<number, FormMatch>();
  for (const match of found) {
    if (match.entry.kind === 'compound') continue;
    startsAt.set(match.start, match);
    endsAt.set(match.end, match);
  }
  const candidates: IntroductionCandidate[] = [];
  const taken = new Uint8Array(text.length);
  const push = (candidate: IntroductionCandidate) => {
    for (let k = candidate.nameStart; k < candidate.nameEnd; k++) if (taken[k]) return;
    taken.fill(1, candidate.nameStart, candidate.nameEnd);
    candidates.push(candidate);
  };

  glossedNames(text, endsAt, covered, push);
  roleNames(text, startsAt, covered, push, scanLines(scans, text, 'role words', ROLES, roleWords));
  latinNames(text, words, covered, push);
  dottedNames(text, covered, push);
  honoredNames(text, covered, push, wordPlaces(text, HONORIFICS, scans));
  speakingNames(text, covered, push, wordPlaces(text, STRONG_SPEECH, scans));
  listedNames(text, startsAt, covered, push);
  bylineNames(text, startsAt, covered, push, wordPlaces(text, BYLINE_ROLES, scans));
  return candidates.sort((a, b) => a.start - b.start);
}

/** `何瑞恩（Ryan Hass）`, `艾德丽安·沃森（Adrienne Watson）`, `拜登（Joe Biden）`. */
function glossedNames(
  text: string,
  endsAt: Map<number, FormMatch>,
  covered: Uint8Array,
  push: (candidate: IntroductionCandidate) => void,
): void {
  for (const gloss of text.matchAll(GLOSS)) {
    const latinText = gloss[1].trim();
    if (!isPersonLatin(latinText)) continue;
    const open = gloss.index;
    const latinStart = open + gloss[0].indexOf(latinText);
    let e = open;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    const known = endsAt.get(e);
    let nameStart: number;
    let name: string | undefined;
    let catalogueId: string | undefined;
    if (known) {
      nameStart = known.start;
      catalogueId = known.entry.figureIds[0];
    } else {
      const before = nameBefore(text, e, covered);
      if (!before) continue;
      nameStart = e - before.length;
      name = before;
    }
    const descriptorStart = descriptorStartBefore(text, nameStart);
    push({
      start: descriptorStart,
      end: open + gloss[0].length,
      nameStart,
      nameEnd: e,
      name,
      catalogueId,
      descriptor: descriptorStart < nameStart && endsWithRole(text, nameStart),
      descriptorStart,
      descriptorEnd: nameStart,
      latin: true,
      latinStart,
      latinEnd: latinStart + latinText.length,
      latinText,
    });
  }
}

/** A role word, then a name: `发言人华春莹说`, `总统萨勒、`, `责任编辑：孙芸`. */
function roleNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, roles: readonly RoleWord[]): void {
  for (const role of roles) {
    const roleEnd = role.end;
    let p = roleEnd;
    const colon = text[p] === '：' || text[p] === ':';
    if (colon) p++;
    while (p < text.length && (text[p] === ' ' || text[p] === '\u3000') && p - roleEnd < 3) p++;
    const next = text.charCodeAt(p);
    if ((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)) continue;
    const known = startsAt.get(p);
    if (known) {
      // The descriptor is looked for only once a name follows: most role words introduce nobody.
      const descriptorStart = descriptorStartBefore(text, role.start);
      push({
        start: descriptorStart,
        end: known.end,
        nameStart: known.start,
        nameEnd: known.end,
        catalogueId: known.entry.figureIds[0],
        descriptor: true,
        descriptorStart,
        descriptorEnd: roleEnd,
        latinStart: 0,
        latinEnd: 0,
      });
      continue;
    }
    if (covered[p]) continue;
    const name = nameAfter(text, p, covered, colon);
    if (!name) continue;
    const descriptorStart = descriptorStartBefore(text, role.start);
    push({
      start: descriptorStart,
      end: p + name.length,
      nameStart: p,
      nameEnd: p + name.length,
      name,
      descriptor: true,
      descriptorStart,
      descriptorEnd: roleEnd,
      latinStart: 0,
      latinEnd: 0,
    });
  }
}

/**
 * Latin-script names the text presents as people: after `的`, a role word or a byline colon
 * (`现任乔治城大学研究员的Dennis Wilder`, `白宫新闻秘书Karine Jean-Pierre`), or followed by a verb of saying.
 */
function latinNames(text: string, words: readonly LatinWord[], covered: Uint8Array, push: (candidate: IntroductionCandidate) => void): void {
  let i = 0;
  while (i < words.length) {
    // A run: words separated by plain spaces only.
    let j = i + 1;
    while (j < words.length && onlySpacesBetween(text, words[j - 1].end, words[j].start)) j++;
    // A lone word is no name; most Latin words in Chinese prose stand alone.
    if (j - i < 2) {
      i = j;
      continue;
    }
    // The run is words[first, last); indices rather than slices, since most runs are single words.
    let first = i;
    let last = j;
    i = j;
    // Trim words that cannot be part of a name (`Jasper Morris MW`).
    while (last > first && isNonPersonWord(words[last - 1].key)) last--;
    while (last > first && isNonPersonWord(words[first].key)) first++;
    if (last - first < 2 || last - first > 4) continue;
    let anyCovered = false;
    for (let k = first; k < last && !anyCovered; k++) anyCovered = !!covered[words[k].start];
    if (anyCovered) continue;
    const start = words[first].start;
    const end = words[last - 1].end;
    const latinText = text.slice(start, end);
    if (!isPersonLatin(latinText)) continue;
    let b = start;
    while (b > 0 && /[ \t]/.test(text[b - 1])) b--;
    const before = text[b - 1] ?? '';
    // Inside an English sentence capitalised words are not evidence of a person.
    if (/[A-Za-z,]/.test(before)) continue;
    let a = end;
    while (a < text.length && /[ \t]/.test(text[a])) a++;
    const after = text.slice(a, a + 4);
    // A name alone on a line near the top or the end of an article is a byline; elsewhere it is more often a heading.
    const nearEdge = start < 400 || text.length - end < 400;
    const lineAlone = nearEdge && (before === '' || before === '\n') && /^[ \t]*(?:\n|$)/.test(text.slice(end, end + 3));
    const introduced = before === '的' || before === '：' || before === ':' || endsWithRole(text, b) || /(?:作者|来自|撰稿|撰文|By|by)$/.test(text.slice(Math.max(0, b - 2), b)) || lineAlone;
    const speaking = SPEECH.startingAt(after, 0) !== undefined || after.startsWith('的话');
    const credited = before === '/' || after.startsWith('/');
    if (!introduced && !speaking && !credited) continue;
    const descriptorStart = introduced ? descriptorStartBefore(text, before === '的' ? b - 1 : b) : start;
    push({
      start: descriptorStart,
      end,
      nameStart: start,
      nameEnd: end,
      descriptor: descriptorStart < start && introduced,
      descriptorStart,
      descriptorEnd: before === '的' ? b - 1 : b,
      latin: true,
      latinStart: start,
      latinEnd: end,
      latinText,
    });
  }
}

/** A name right after a role word, or undefined when what follows does not read as one. */
function nameAfter(text: string, p: number, covered: Uint8Array, byline: boolean): string | undefined {
  const free = (length: number) => {
    for (let k = p; k < p + length; k++) if (covered[k] || k >= text.length) return false;
    return true;
  };
  // A dotted transliteration: 艾德丽安·沃森.
  const dotted = dottedNameAt(text, p);
  if (dotted && free(dotted.length)) return dotted;
  if (COMPOUND.startingAt(text, p)) {
    for (const length of [4, 3]) {
      const name = text.slice(p, p + length);
      if (free(length) && isHanName(name) && endsName(text, p + length, byline)) return name;
    }
  }
  if (SURNAMES.has(text[p])) {
    for (const length of [3, 2]) {
      const name = text.slice(p, p + length);
      if (free(length) && isHanName(name) && endsName(text, p + length, byline)) return name;
    }
  }
  let run = 0;
  while (run < 7 && p + run < text.length && TRANSLITERATION.has(text[p + run])) run++;
  for (let length = Math.min(run, 6); length >= 2; length--) {
    const name = text.slice(p, p + length);
    if (free(length) && isTransliteration(name) && endsName(text, p + length, byline)) return name;
  }
  return undefined;
}

/** The name that ends at `e`, right before a Latin gloss. */
function nameBefore(text: string, e: number, covered: Uint8Array): string | undefined {
  const free = (length: number) => {
    for (let k = e - length; k < e; k++) if (k < 0 || covered[k]) return false;
    return true;
  };
  // A dotted transliteration: the dotted parts as they are, the first part as far back as transliteration characters go.
  let s = e;
  while (s > 0 && e - s < 24 && /[\u3400-\u9fff·\-]/.test(text[s - 1])) s--;
  const run = text.slice(s, e);
  if (run.includes('·')) {
    const parts = run.split('·');
    if (parts.slice(1).every((part) => part.length >= 1 && part.length <= 8 && !/[\-]$/.test(part))) {
      const first = parts[0];
      // Back over transliteration characters, but never into the role word before the name (主席杰克·科尔文).
      let k = first.length;
      while (k > 0 && first.length - k < 5 && TRANSLITERATION.has(first[k - 1]) && !endsWithRole(text, s + k)) k--;
      const name = [first.slice(k), ...parts.slice(1)].join('·');
      if (first.length - k >= 1 && free(name.length)) return name;
    }
  }
  // A short name right after a role word: 发言人莎琪, 主席早泰娜.
  for (const length of [2, 3, 4]) {
    if (e - length < 1 || !free(length)) continue;
    const name = text.slice(e - length, e);
    if (!/^[\u3400-\u9fff]+$/.test(name) || [...name].some((c) => NOT_IN_NAMES.has(c)) || NOT_NAMES.has(name)) continue;
    if (endsWithRole(text, e - length)) return name;
  }
  for (const length of [4, 3]) {
    const surname = e - length >= 0 ? COMPOUND.startingAt(text, e - length) : undefined;
    if (surname && surname.length < length && free(length) && isHanName(text.slice(e - length, e))) return text.slice(e - length, e);
  }
  const surnamed = (length: number) => {
    const name = text.slice(e - length, e);
    return e - length >= 0 && SURNAMES.has(name[0]) && free(length) && isHanName(name) ? name : undefined;
  };
  const transliterated = (min: number) => {
    for (let length = 5; length >= min; length--) {
      const name = text.slice(e - length, e);
      if (e - length >= 0 && free(length) && isTransliteration(name) && !TRANSLITERATION.has(text[e - length - 1] ?? '')) return name;
    }
    return undefined;
  };
  // A whole transliteration (克鲁兹) wins over a two-character surname reading of its tail (鲁兹).
  return surnamed(3) ?? transliterated(3) ?? surnamed(2) ?? transliterated(2);
}

/** No name has more dotted parts than this (约瑟夫·罗比内特·拜登 has three); a longer chain is no name, and is not scanned to its end. */
const MAX_DOTTED_PARTS = 6;

function dottedNameAt(text: string, p: number): string | undefined {
  let k = p;
  let parts = 0;
  for (;;) {
    if (parts === MAX_DOTTED_PARTS) return undefined;
    const partStart = k;
    while (k < text.length && k - partStart < 8 && (TRANSLITERATION.has(text[k]) || (k > partStart && text[k] === '-'))) k++;
    if (k === partStart) return undefined;
    parts++;
    if (text[k] === '·' && TRANSLITERATION.has(text[k + 1] ?? '')) {
      k++;
      continue;
    }
    break;
  }
  const name = text.slice(p, k);
  return parts >= 2 || /[^\-]-[^\-]/.test(name) ? name : undefined;
}

function isHanName(name: string): boolean {
  if (!/^[\u3400-\u9fff]+$/.test(name)) return false;
  // 曾 is a surname but far more often "once" before a verb (学者曾猜测).
  if (name[0] === '曾' && '经任是在多猜表说与和对被把向于参提到去来有获担'.includes(name[1])) return false;
  if (NOT_NAMES.has(name) || PLACE_ENDINGS.has(name[name.length - 1])) return false;
  for (let k = 1; k < name.length; k++) if (NOT_IN_NAMES.has(name[k])) return false;
  return true;
}

function isTransliteration(name: string): boolean {
  if (!/^[\u3400-\u9fff]+$/.test(name)) return false;
  if (NOT_NAMES.has(name) || PLACE_ENDINGS.has(name[name.length - 1])) return false;
  return [...name].every((c) => TRANSLITERATION.has(c));
}

/** Whether a name may end at `q`: punctuation, a verb of saying, a role word, or another word a name often precedes. */
function endsName(text: string, q: number, byline: boolean): boolean {
  if (q >= text.length) return true;
  const c = text[q];
  if (!HAN.test(c) && !/[A-Za-z]/.test(c)) return true;
  if (byline) return false;
  return FOLLOWERS.startingAt(text, q) !== undefined || ROLES.startingAt(text, q) !== undefined;
}

function endsWithRole(text: string, end: number): boolean {
  return ROLES.endingAt(text, end) !== undefined;
}

/** Where the descriptor before `end` begins: back to the previous clause boundary, without leading fillers. */
function descriptorStartBefore(text: string, end: number): number {
  let s = end;
  let depth = 0;
  while (s > 0 && end - s < 40) {
    const c = text[s - 1];
    // A parenthesised gloss inside a descriptor (`乔治城大学(Georgetown University)研究员`) is kept.
    if (c === ')') depth++;
    else if (c === '(' && depth > 0) depth--;
    else if (depth === 0 && DESCRIPTOR_STOP.test(c)) break;
    s--;
  }
  const filler = LEADING_FILLER.exec(text.slice(s, end));
  return filler ? s + filler[0].length : s;
}

function isPersonLatin(value: string): boolean {
  const parts = value.split(/\s+/).filter(Boolean);
  if (parts.length < 2 || parts.length > 5) return false;
  let named = 0;
  for (const part of parts) {
    const key = part.replace(/[.]/g, '').toLowerCase();
    if (LATIN_PARTICLES.has(key)) continue;
    if (!PERSON_WORD.test(part) || isNonPersonWord(key)) return false;
    if (part.length > 2) named++;
  }
  return named >= 2;
}

function isNonPersonWord(key: string): boolean {
  const bare = key.includes('.') ? key.replace(/[.]/g, '') : key;
  return bare.length > 1 && LATIN_NON_PERSON.has(bare);
}

/** Whether text[start, end) is non-empty and only spaces, tabs and no-break spaces (as /^[ \t\u00a0]+$/ on the slice, without the slice). */
function onlySpacesBetween(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x09 && code !== 0xa0) return false;
  }
  return true;
}

/** Dotted transliterations anywhere that end where a name can end: `凯西·伍德警告`, `威廉·福特获奖`. */
function dottedNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void): void {
  for (let i = text.indexOf('·'); i >= 0; i = text.indexOf('·', i + 1)) {
    let s = i;
    while (s > 0 && i - s < 5 && TRANSLITERATION.has(text[s - 1]) && !endsWithRole(text, s)) s--;
    if (s === i || covered[s]) continue;
    // A longer run of such characters is a word, not the start of a name.
    if (s > 0 && TRANSLITERATION.has(text[s - 1]) && !endsWithRole(text, s)) continue;
    let name = dottedNameAt(text, s);
    if (!name || !name.includes('·')) continue;
    // The last part may have run into a following word made of the same characters (麦卡锡可能).
    while (!endsName(text, s + name.length, false) && name.length - name.lastIndexOf('·') > 2) name = name.slice(0, -1);
    const end = s + name.length;
    let free = true;
    for (let k = s; k < end && free; k++) free = !covered[k];
    // A quoted dotted name is a ship or a title (“柯蒂斯·威尔伯”号), not a person.
    if (!free || !endsName(text, end, false) || (/[“"「『]/.test(text[s - 1] ?? '') && /[”"」』]/.test(text[end] ?? ''))) continue;
    const role = endsWithRole(text, s);
    const descriptorStart = role ? descriptorStartBefore(text, s) : s;
    push({ start: descriptorStart, end, nameStart: s, nameEnd: end, name, descriptor: role, descriptorStart, descriptorEnd: s, latinStart: 0, latinEnd: 0 });
    i = end;
  }
}

/** A name before an honorific: `史迪威将军`, `郭文贵先生`, right after a clause boundary or a conjunction. */
function honoredNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: number[][]): void {
  for (const [index, honorific] of HONORIFICS.entries()) {
    for (const h of places[index]) {
      if (covered[h - 1]) continue;
      const name = nameEndingAt(text, h, covered);
      if (!name) continue;
      const start = h - name.length;
      push({ start, end: h + honorific.length, nameStart: start, nameEnd: h, name, descriptorStart: start, descriptorEnd: start, latinStart: 0, latinEnd: 0 });
    }
  }
}

/** A byline: a name alone on its line, its role alone on the next (`斯影` / `BBC中文记者`). */
const BYLINE_ROLES = ['记者', '特约记者', '撰稿人', '编辑', '通讯员', '主持人', '评论员'];
const BYLINE = new RegExp(`(?:^|\\n)[ \\t]*([\\u3400-\\u9fff]{2,3})[ \\t]*\\n[ \\t]*([^\\n]{0,12}?(?:${BYLINE_ROLES.join('|')}))[ \\t]*(?=\\n|$)`, 'y');

function bylineNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, rolePlaces: number[][]): void {
  for (const match of bylines(text, rolePlaces)) {
    const name = match[1];
    const nameStart = match.index + match[0].indexOf(name);
    const nameEnd = nameStart + name.length;
    const descriptorStart = match.index + match[0].lastIndexOf(match[2]);
    const descriptorEnd = descriptorStart + match[2].length;
    const known = startsAt.get(nameStart);
    if (known && known.end === nameEnd) {
      push({ start: nameStart, end: descriptorEnd, nameStart, nameEnd, catalogueId: known.entry.figureIds[0], descriptor: true, descriptorStart, descriptorEnd, latinStart: 0, latinEnd: 0 });
      continue;
    }
    if (covered[nameStart] || !SURNAMES.has(name[0]) || !isHanName(name)) continue;
    push({ start: nameStart, end: descriptorEnd, nameStart, nameEnd, name, descriptor: true, descriptorStart, descriptorEnd, latinStart: 0, latinEnd: 0 });
  }
}

/**
 * The matches `BYLINE` would find scanning the text, found from its role words instead: the
 * pattern has no first character to look for, so scanning tries it at every position. Every
 * match ends in a line holding a role word, and starts at the break before the line above.
 */
function bylines(text: string, rolePlaces: number[][]): RegExpExecArray[] {
  const starts = new Set<number>();
  // Each place's line start, found in one forward sweep: a search back from each place would
  // rescan a long line once per place on it (记者记者… is n² otherwise).
  const places = rolePlaces.flat().sort((a, b) => a - b);
  let lineStart = 0;
  let scanned = 0;
  let lastLineStart = 0;
  for (const at of places) {
    for (; scanned < at; scanned++) if (text.charCodeAt(scanned) === 0x0a) lineStart = scanned + 1;
    if (lineStart > 0 && lineStart !== lastLineStart) starts.add(Math.max(0, text.lastIndexOf('\n', lineStart - 2)));
    lastLineStart = lineStart;
  }
  const matches: RegExpExecArray[] = [];
  let end = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    // Matches do not overlap, as when the pattern scans.
    if (start < end) continue;
    BYLINE.lastIndex = start;
    const match = BYLINE.exec(text);
    if (!match) continue;
    matches.push(match);
    end = match.index + match[0].length;
  }
  return matches;
}

/** A name that starts a clause and speaks: `。李显龙说`, `（5）司马南说`, `韩咏红认为`. */
function speakingNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: number[][]): void {
  for (const [index, verb] of STRONG_SPEECH.entries()) {
    for (const v of places[index]) {
      if (v < 2 || covered[v - 1]) continue;
      const name = nameEndingAt(text, v, covered, true);
      if (!name || SPEECH_WORDS.has(text.slice(v - 1, v + verb.length))) continue;
      const start = v - name.length;
      push({ start, end: v, nameStart: start, nameEnd: v, name, descriptorStart: start, descriptorEnd: start, latinStart: 0, latinEnd: 0 });
    }
  }
}

/** Words that end in a verb of saying but are not a name speaking (白宫演说). */
const SPEECH_WORDS = new Set(['演说', '游说', '小说', '据说', '听说', '传说', '学说', '解说', '劝说', '虽说', '再说', '又说', '来说', '难说', '声称', '宣称', '号称', '简称', '堪称', '通称', '统称', '俗称', '名称', '又称', '并称', '人称', '对称', '著称', '供称', '辩称', '指称', '坚称', '谎称', '直称']);
const STRONG_SPEECH = ['说', '表示', '认为', '指出', '称', '强调', '直言', '坦言', '透露'];
const CLAUSE_START = /[。！？；;，,、：:\n）)》」』”"\]】\s]/;

/** A Han name (surname first) or a transliteration ending at `e`, starting right after a clause boundary. */
function nameEndingAt(text: string, e: number, covered: Uint8Array, hanOnly = false): string | undefined {
  const startsClause = (s: number) => s === 0 || CLAUSE_START.test(text[s - 1]) || (!hanOnly && '和与及同的对向'.includes(text[s - 1]));
  const free = (s: number) => {
    for (let k = s; k < e; k++) if (covered[k]) return false;
    return true;
  };
  for (const length of [4, 3, 2]) {
    const s = e - length;
    if (s < 0 || !startsClause(s) || !free(s)) continue;
    const name = text.slice(s, e);
    const surnamed = COMPOUND.startingAt(name, 0) !== undefined ? length >= 3 : SURNAMES.has(name[0]) && length <= 3;
    if (surnamed && isHanName(name) && !HONORIFICS.includes(name.slice(1))) return name;
    if (!hanOnly && length >= 2 && isTransliteration(name)) return name;
  }
  return undefined;
}

/** Lists of names ending in 等: `王振常、刘春、梅学谦、朱惠芳、吴德熙等5位`. Every item must read as a name. */
function listedNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void): void {
  // Only the stretch right before each 等 is read, which keeps the pattern from scanning whole articles.
  const LIST = /(?:[\u3400-\u9fff]{2,4}[ \t]*、[ \t]*){2,}[\u3400-\u9fff]{2,4}$/;
  for (let at = text.indexOf('等'); at >= 0; at = text.indexOf('等', at + 1)) {
    if (text[at - 1] === '等' || at < 8 || !text.slice(at - 8, at).includes('、')) continue;
    const from = Math.max(0, at - 80);
    const found = LIST.exec(text.slice(from, at));
    if (!found) continue;
    const list = { 0: found[0], index: from + found.index };
    const items: Array<{ start: number; end: number }> = [];
    const re = /[\u3400-\u9fff]+/g;
    for (const item of list[0].matchAll(re)) items.push({ start: list.index + item.index, end: list.index + item.index + item[0].length });
    // The first item may have swallowed words before the list; keep its name-sized tail.
    const first = items[0];
    if (first && first.end - first.start > 3 && !startsAt.has(first.start)) first.start = first.end - 3;
    const names: Array<{ start: number; end: number; name: string }> = [];
    let ok = true;
    for (const { start, end } of items) {
      const known = startsAt.get(start);
      if (known && known.end === end) continue;
      const name = text.slice(start, end);
      let free = true;
      for (let k = start; k < end && free; k++) free = !covered[k];
      if (!free || !SURNAMES.has(name[0]) || name.length > 3 || !isHanName(name)) {
        ok = false;
        break;
      }
      names.push({ start, end, name });
    }
    if (!ok) continue;
    for (const { start, end, name } of names) push({ start, end, nameStart: start, nameEnd: end, name, descriptorStart: start, descriptorEnd: start, latinStart: 0, latinEnd: 0 });
  }
}
