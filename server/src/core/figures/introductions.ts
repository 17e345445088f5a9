/**
 * Finds where an article introduces a person: a descriptor ending in a role word before a name
 * (`中国外交部发言人华春莹说`, `责任编辑：孙芸`), whatever word follows it, and the other names of a
 * list after that role; a Chinese name glossed with its Latin form (`何瑞恩（Ryan Hass）`); a
 * Latin-script name after `的`, a role word or a credit; a name then its description
 * (`王维正，…院长；`); digest attributions (`《华尔街日报》达利欧：`) and bylines (`记者A综合报导`,
 * `文：A`). Precision matters as much as recall, so a name must also look like one: a known
 * surname or transliteration characters, and where the text alone cannot tell where it ends, the
 * segmenter (segmenter.ts) reads the few characters there.
 */
import type { FormMatch, LatinWord } from './formIndex';
import {
  COMPOUND_SURNAMES, HONORIFICS, LATIN_NON_PERSON, NAME_FOLLOWERS, NOT_IN_NAMES, NOT_NAMES, PLACE_ENDINGS, ROLE_WORDS, SPEECH_VERBS, SURNAMES, TRANSLITERATION, wordTable,
} from './lexicon';
import { isCommonWord, nameLengthAtStart, segmentWindow, type Token } from './segmenter';
import { PlaceSearch, scanLines, type LineScans, type WordPlaces } from '../text/lineScans';
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
const LOCATIVE_ROLES = new Set(wordTable('locativeRoles'));
const CREDIT_MARKERS = new WordList(wordTable('creditMarkers'));
const REPORT_WORDS = wordTable('reportWords');
const TIME_WORDS = new WordList(wordTable('timeWords'));
const OFFICE_VERBS = new WordList(wordTable('officeVerbs'));

interface RoleWord {
  start: number;
  end: number;
}

/** A Latin gloss, tried at each opening bracket (kept across edits as a line scan); it may run over line breaks. */
const GLOSS = /\(\s*([A-Z\u00C0-\u00DE][^()\n]{1,60}?)\s*\)/y;
const GLOSS_OPENERS = ['('];
const DESCRIPTOR_STOP = /[，。！？；：:“”"「」『』《》【】〔〕()\s,;!?|/]/;
const LEADING_FILLER = /^(?:包括|以及|应|据|由|与|同|和|对|向|在|而|但|及|是|被|让|请|如|像)/;
const LATIN_PARTICLES = new Set(['de', 'van', 'von', 'da', 'der', 'den', 'bin', 'al', 'la', 'le', 'du', 'del', 'di', 'dos', 'jr', 'sr']);
const PERSON_WORD = /^(?:[A-Z][a-z\u00DF-\u024F'’]+(?:-[A-Z]?[a-z\u00DF-\u024F'’]+)*|[A-Z]\.?|[A-Z][a-z]+[A-Z][a-z]+|Mc[A-Z][a-z]+)$/;
const HAN = /[\u3400-\u9fff]/;

/**
 * What each UTF-16 unit is, as bits, for the character tests made at every role word, speech verb
 * and dot: looked up by the unit's code, where a `Set` of one-character strings needs a string
 * made of each character first.
 */
const SURNAME = 1;
const TRANSLITERATED = 2;
const NOT_IN_NAME = 4;
const ORGANISATION_ENDING = 8;
const UNIT_KINDS = new Uint8Array(0x10000);
for (const [kind, chars] of [[SURNAME, SURNAMES], [TRANSLITERATED, TRANSLITERATION], [NOT_IN_NAME, NOT_IN_NAMES]] as const) {
  for (const char of chars) if (char.length === 1) UNIT_KINDS[char.charCodeAt(0)] |= kind;
}

/** Whether `text[at]` is of `kind` (never out of the text). */
function isKind(text: string, at: number, kind: number): boolean {
  return (UNIT_KINDS[text.charCodeAt(at)] & kind) !== 0;
}

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
  // Made at the first candidate: many articles introduce nobody.
  let taken: Uint8Array | undefined;
  const push = (candidate: IntroductionCandidate) => {
    taken ??= new Uint8Array(text.length);
    for (let k = candidate.nameStart; k < candidate.nameEnd; k++) if (taken[k]) return;
    taken.fill(1, candidate.nameStart, candidate.nameEnd);
    candidates.push(candidate);
  };

  const placed = INTRODUCTION_WORDS.find(text, scans);
  const [openers, honorifics, speech, acting, columnOpeners, bylineRoles, colons, signatures, reports] = PLACE_LISTS.map((_, list) => INTRODUCTION_WORDS.placesOf(placed, list));
  glossedNames(text, endsAt, covered, push, openers[0]);
  roleNames(text, startsAt, covered, push, INTRODUCTION_WORDS.leftmostLongest(placed, PLACE_LISTS.length));
  latinNames(text, words, covered, push);
  dottedNames(text, covered, push);
  honoredNames(text, covered, push, honorifics);
  speakingNames(text, covered, push, speech);
  speakingNames(text, covered, push, acting, ACTING_WORDS);
  columnNames(text, covered, push, columnOpeners);
  listedNames(text, startsAt, covered, push);
  bylineNames(text, startsAt, covered, push, bylineRoles);
  creditNames(text, startsAt, covered, push, colons);
  signedNames(text, covered, push, signatures);
  reporterNames(text, covered, push, reports);
  attributedNames(text, covered, push, colons);
  describedNames(text, covered, push, scanLines(scans, text, 'descriptions', ROLES, descriptions));
  return candidates.sort((a, b) => a.start - b.start);
}

/** `何瑞恩（Ryan Hass）`, `艾德丽安·沃森（Adrienne Watson）`, `拜登（Joe Biden）`. */
function glossedNames(
  text: string,
  endsAt: Map<number, FormMatch>,
  covered: Uint8Array,
  push: (candidate: IntroductionCandidate) => void,
  openers: readonly number[],
): void {
  for (const gloss of glossesAt(text, openers)) {
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

/** The matches a scan of the whole text for `GLOSS` would find, tried at the opening brackets only. */
function glossesAt(text: string, openers: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let end = 0;
  for (const at of openers) {
    // Matches do not overlap, as when the pattern scans.
    if (at < end) continue;
    GLOSS.lastIndex = at;
    const gloss = GLOSS.exec(text);
    if (!gloss) continue;
    found.push(gloss);
    end = at + gloss[0].length;
  }
  return found;
}

/** A role word, then a name: `发言人华春莹说`, `总统萨勒、`, `责任编辑：孙芸`. */
function roleNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, roles: readonly RoleWord[]): void {
  for (const role of roles) {
    const roleEnd = role.end;
    // `卸任部长时获聘`: an office taken or left is no descriptor of what follows.
    if (OFFICE_VERBS.endingAt(text, role.start)) continue;
    // `活动上将习近平` is 活动上 + 将: such a role word counts only when no 在 opens its clause.
    if (LOCATIVE_ROLES.has(text.slice(role.start, roleEnd)) && text.slice(descriptorStartBefore(text, role.start), role.start).includes('在')) continue;
    let p = roleEnd;
    const colon = text[p] === '：' || text[p] === ':';
    if (colon) p++;
    // `出任国家安全顾问的奥布赖恩，`: a transliterated name after the role and 的, ended by punctuation.
    if (!colon && text[p] === '的' && isKind(text, p + 1, TRANSLITERATED)) {
      let e = p + 1;
      while (e < text.length && e - p <= 6 && isKind(text, e, TRANSLITERATED)) e++;
      const name = text.slice(p + 1, e);
      // Whether the name is free is read before the segmenter is asked whether it is a common word.
      if (/[，,。、；;）)]/.test(text[e] ?? '') && e - p - 1 >= 3 && isTransliteration(name) && isFree(covered, p + 1, e) && !isCommonWord(name)) {
        const descriptorStart = descriptorStartBefore(text, role.start);
        push({ start: descriptorStart, end: e, nameStart: p + 1, nameEnd: e, name, descriptor: true, descriptorStart, descriptorEnd: p, latinStart: 0, latinEnd: 0 });
      }
      continue;
    }
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
      listAfter(text, known.end, startsAt, covered, push, descriptorStart, roleEnd);
      continue;
    }
    if (covered[p]) continue;
    const name = nameAfter(text, p, covered, colon);
    if (!name) continue;
    const descriptorStart = descriptorStartBefore(text, role.start);
    listAfter(text, p + name.length, startsAt, covered, push, descriptorStart, roleEnd);
    if (BYLINE_ROLE_SET.has(text.slice(role.start, roleEnd))) bylineCompanions(text, p + name.length, covered, push, descriptorStart, roleEnd);
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
    // Most runs are English prose (`the trade war`): a name needs two capitalised parts (see
    // below), and trimming the run only loses some, so such runs are passed over before it.
    if (!twoCapitalised(text, words, first, last)) continue;
    // Trim words that cannot be part of a name (`Jasper Morris MW`).
    while (last > first && isNonPersonWord(words[last - 1].key)) last--;
    while (last > first && isNonPersonWord(words[first].key)) first++;
    if (last - first < 2 || last - first > 4) continue;
    let anyCovered = false;
    for (let k = first; k < last && !anyCovered; k++) anyCovered = !!covered[words[k].start];
    if (anyCovered) continue;
    const start = words[first].start;
    const end = words[last - 1].end;
    // Both readings below need two capitalised parts.
    if (!twoCapitalised(text, words, first, last)) continue;
    const latinText = text.slice(start, end);
    // A name in capitals counts only as a credit: `MANDEL NGAN/AFP`, `图片来源 MANDEL NGAN`, `By JOHN SMITH`.
    const capitals = isCapitalsName(latinText) && (/^\s*[/／]/.test(text.slice(end, end + 3)) || /(?:图片来源|摄影|来源|Photo by|PHOTO BY|By|BY|by)[\s:：]*$/.test(text.slice(Math.max(0, start - 12), start)));
    if (!capitals && !isPersonLatin(latinText)) continue;
    let b = start;
    while (b > 0 && /[ \t]/.test(text[b - 1])) b--;
    const before = text[b - 1] ?? '';
    // Inside an English sentence capitalised words are not evidence of a person, unless a credit says so.
    const creditedBy = /(?:Photo by|PHOTO BY|By|BY|by)$/.test(text.slice(Math.max(0, b - 8), b));
    if (/[A-Za-z,]/.test(before) && !creditedBy) continue;
    let a = end;
    while (a < text.length && /[ \t]/.test(text[a])) a++;
    const after = text.slice(a, a + 4);
    // A name alone on a line near the top or the end of an article is a byline; elsewhere it is more often a heading.
    const nearEdge = start < 400 || text.length - end < 400;
    const lineAlone = nearEdge && (before === '' || before === '\n') && /^[ \t]*(?:\n|$)/.test(text.slice(end, end + 3));
    const introduced = before === '的' || before === '：' || before === ':' || endsWithRole(text, b) || /(?:作者|来自|撰稿|撰文|By|by)$/.test(text.slice(Math.max(0, b - 2), b)) || lineAlone;
    const speaking = SPEECH.startingAt(after, 0) !== undefined || after.startsWith('的话');
    const credited = before === '/' || after.startsWith('/') || capitals || creditedBy;
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
  // A dotted transliteration: 艾德丽安·沃森, whole (亨利·列斐伏尔, not 亨利·列斐).
  const dotted = dottedNameAt(text, p);
  if (dotted) {
    // The segmenter may only run the name on: when its dotted characters are not free, it is not asked.
    if (!free(dotted.length)) return undefined;
    const whole = wholeDottedName(text, p, dotted);
    return whole && free(whole.length) ? whole : undefined;
  }
  if (COMPOUND.startingAt(text, p)) {
    for (const length of [4, 3]) {
      const name = text.slice(p, p + length);
      if (free(length) && endsName(text, p + length, byline) && isHanName(name)) return name;
    }
  }
  if (isKind(text, p, SURNAME)) {
    for (const length of [3, 2]) {
      const name = text.slice(p, p + length);
      if (free(length) && endsName(text, p + length, byline) && isHanName(name)) return name;
    }
  }
  let run = 0;
  while (run < 7 && p + run < text.length && isKind(text, p + run, TRANSLITERATED)) run++;
  for (let length = Math.min(run, 6); length >= 2; length--) {
    const name = text.slice(p, p + length);
    if (free(length) && isTransliteration(name) && endsName(text, p + length, byline)) return name;
  }
  // Whatever word follows: the segmenter says where the name ends (`受访时指出`, `综合报导`). Such
  // a name has two characters at least, so it is not asked when the first two are not free.
  if (!free(2)) return undefined;
  const segmented = segmentedNameAt(text, p);
  return segmented && free(segmented.length) ? segmented : undefined;
}

/** The name that starts at `p` as the segmenter reads the few characters there, checked as a name. */
function segmentedNameAt(text: string, p: number): string | undefined {
  // Most role words are followed by no name at all: the segmenter is asked only when the first
  // characters could open one.
  // Past the text's end counts as 的, a character no name holds.
  if (!(isKind(text, p, SURNAME | TRANSLITERATED) || COMPOUND.startingAt(text, p)) || p + 1 >= text.length || isKind(text, p + 1, NOT_IN_NAME) || NOT_NAMES.has(text.slice(p, p + 2))) return undefined;
  let end = p;
  while (end < text.length && end - p < 10 && isHanCode(text.charCodeAt(end))) end++;
  if (end - p < 2) return undefined;
  // The segmenter only says how long the name is: it is asked only when a name of some length it
  // may say could pass the checks below that read the text alone.
  let possible = false;
  for (let length = 2; length <= 4 && p + length <= end && !possible; length++) possible = maySegmentAsName(text.slice(p, p + length));
  if (!possible) return undefined;
  const length = nameLengthAtStart(text.slice(p, end));
  if (length === undefined || length < 2 || length > 4) return undefined;
  const name = text.slice(p, p + length);
  const surnamed = (COMPOUND.startingAt(name, 0) !== undefined ? length >= 3 : SURNAMES.has(name[0]) && length <= 3) && isHanName(name);
  if (surnamed || (isTransliteration(name) && !isCommonWord(name))) return name;
  // A surname the list lacks (侍建宇), when the segmenter reads a person's name there.
  const first = segmentWindow(text.slice(p, end))?.[0];
  return length === 3 && first?.tag === 'nr' && !PLACE_ENDINGS.has(name[2]) && isHanName(name) ? name : undefined;
}

/** Whether `name`, as long as the segmenter read it, may pass `segmentedNameAt`'s checks that read the text alone. */
function maySegmentAsName(name: string): boolean {
  const surnamed = COMPOUND.startingAt(name, 0) !== undefined ? name.length >= 3 : SURNAMES.has(name[0]) && name.length <= 3;
  return ((surnamed || (name.length === 3 && !PLACE_ENDINGS.has(name[2]))) && looksLikeHanName(name)) || isTransliteration(name);
}

/** The name that ends at `e`, right before a Latin gloss. */
function nameBefore(text: string, e: number, covered: Uint8Array): string | undefined {
  const free = (length: number) => {
    for (let k = e - length; k < e; k++) if (k < 0 || covered[k]) return false;
    return true;
  };
  // A dotted transliteration: the dotted parts as they are, the first part as far back as transliteration characters go.
  let s = e;
  while (s > 0 && e - s < 24 && (/[\u3400-\u9fff·\-]/.test(text[s - 1]) || (text[s - 1] === '\\' && text[s] === '-'))) s--;
  const run = text.slice(s, e);
  if (run.includes('·')) {
    const parts = run.split('·');
    if (parts.slice(1).every((part) => part.length >= 1 && part.length <= 12 && !/[\-]$/.test(part))) {
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

/** The dotted name that starts at `p`; `firstPartEnd`, when given, is where its first part is known to end (at a dot). */
function dottedNameAt(text: string, p: number, firstPartEnd?: number): string | undefined {
  let k = p;
  let parts = 0;
  for (;;) {
    if (parts === MAX_DOTTED_PARTS) return undefined;
    const partStart = k;
    if (parts === 0 && firstPartEnd !== undefined) k = firstPartEnd;
    // A hyphen joins the parts of a double name (`哈蒙德-钱伯斯`), in Markdown often escaped (`哈蒙德\\-钱伯斯`).
    while (k < text.length && k - partStart < 10 && (isKind(text, k, TRANSLITERATED) || (k > partStart && (text[k] === '-' || (text[k] === '\\' && text[k + 1] === '-'))))) k++;
    if (k === partStart) return undefined;
    parts++;
    if (text[k] === '·' && isKind(text, k + 1, TRANSLITERATED)) {
      k++;
      continue;
    }
    break;
  }
  const name = text.slice(p, k);
  return parts >= 2 || /[^\-]-[^\-]/.test(name) ? name : undefined;
}

/**
 * A dotted name whose last part runs on into Han characters the transliteration table lacks
 * (`亨利·列斐|伏尔和`, `卡洛·金茨|堡认为`): the segmenter reads where that part ends. It is taken
 * only when the segmenter reads at most three more characters as (part of) a name, none of them
 * one that never stands in a name, and a word follows (`认为`, `和`). Undefined otherwise.
 */
function wholeDottedName(text: string, start: number, name: string): string | undefined {
  const end = start + name.length;
  if (endsName(text, end, false)) return name;
  const lastPart = start + name.lastIndexOf('·') + 1;
  let windowEnd = end;
  while (windowEnd < text.length && windowEnd - end < MAX_PART_EXTENSION + 4 && isHanCode(text.charCodeAt(windowEnd))) windowEnd++;
  const tokens = segmentWindow(text.slice(lastPart, windowEnd));
  if (!tokens) return undefined;
  let partEnd = lastPart;
  let k = 0;
  for (; k < tokens.length && (partEnd < end || NAME_TAG.test(tokens[k].tag)); k++) {
    if (!NAME_TAG.test(tokens[k].tag)) return undefined;
    partEnd += tokens[k].word.length;
  }
  // The segmenter ends a word right where the table's characters end (阿利耶夫|家族): the name is whole.
  const splitAtEnd = tokenBoundaryAt(tokens, lastPart, end);
  // Name-like to the window's end with more Han text after it: where the part ends is not known.
  const unbounded = k === tokens.length && windowEnd < text.length && isHanCode(text.charCodeAt(windowEnd));
  if (partEnd <= end || partEnd - end > MAX_PART_EXTENSION || unbounded) return splitAtEnd ? name : undefined;
  for (let c = end; c < partEnd; c++) if (!extendsPart(text, c)) return splitAtEnd ? name : undefined;
  return text.slice(start, partEnd);
}

/** Whether `text[at]` may run a dotted name's last part on: a Han character that may stand in a name and ends no word after one. */
function extendsPart(text: string, at: number): boolean {
  return isHanCode(text.charCodeAt(at)) && !isKind(text, at, NOT_IN_NAME) && !PLACE_ENDINGS.has(text[at]) && !NOT_IN_NAME_EXTENSIONS.has(text[at]);
}

/** Whether one of `tokens`, read from `from` on, ends exactly at `offset`. */
function tokenBoundaryAt(tokens: readonly Token[], from: number, offset: number): boolean {
  let at = from;
  for (const token of tokens) {
    at += token.word.length;
    if (at >= offset) return at === offset;
  }
  return false;
}

/**
 * Where a dotted name's first part starts, when the character before the one the table stopped at
 * is Han: the segmenter's name there (`、米歇|尔·福柯` is 米歇尔), when it reads one; else where the
 * table's characters start. `s` is where they start, `dot` the first dot.
 */
function wholeFirstPart(text: string, s: number, dot: number): number {
  if (s === 0 || !isHanCode(text.charCodeAt(s - 1)) || isKind(text, s - 1, NOT_IN_NAME) || endsWithRole(text, s)) return s;
  let from = s;
  while (from > 0 && s - from < MAX_PART_EXTENSION && isHanCode(text.charCodeAt(from - 1)) && !isKind(text, from - 1, NOT_IN_NAME)) from--;
  const tokens = segmentWindow(text.slice(from, dot));
  if (!tokens) return s;
  for (let at = from, k = 0; k < tokens.length && at <= s; at += tokens[k].word.length, k++) {
    if (at + tokens[k].word.length > s) return at < s && PERSON_TAG.test(tokens[k].tag) ? at : s;
  }
  return s;
}

/** Characters that end a word after a name (堪称, 饰演, 家族, …式, 编, 写) rather than continue it. */
const NOT_IN_NAME_EXTENSIONS = new Set(wordTable('notInNameExtensions').join(''));

/** How many characters the segmenter may add to a dotted name's first or last part. */
const MAX_PART_EXTENSION = 3;

/** jieba's tags for a person's name (not `x`, a word it does not know). */
const PERSON_TAG = /^(?:nr|nrt|nrfg)$/;

/** Whether a Latin gloss right after `end` names something other than a person (`(Jim Crow laws)`). */
function glossedAsNoPerson(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && k - end < 2 && text[k] === ' ') k++;
  if (text[k] !== '(') return false;
  GLOSS.lastIndex = k;
  const gloss = GLOSS.exec(text);
  return gloss !== null && /^[A-Za-z][A-Za-z .'’-]*$/.test(gloss[1]) && !isPersonLatin(gloss[1]);
}

const JAPANESE_SURNAMES = new WordList(wordTable('compoundSurnames'));
const JAPANESE_GIVEN_NAME_ENDINGS = new Set(wordTable('japaneseGivenNameEndings'));

/**
 * Whether `name[k]`, a character no Chinese name holds, ends a Japanese given name after a
 * Japanese surname (佐藤拓也): there 也 is part of the name, not "also".
 */
function japaneseGivenNameEnd(name: string, k: number): boolean {
  if (k !== name.length - 1 || !JAPANESE_GIVEN_NAME_ENDINGS.has(name[k])) return false;
  const surname = JAPANESE_SURNAMES.startingAt(name, 0);
  // A given name holds more than the ending: 佐藤拓也, not 山田也.
  return surname !== undefined && k > surname.length;
}

/** The checks of `isHanName` that read the text alone: false when no segmenter's reading can make `name` one. */
function looksLikeHanName(name: string): boolean {
  if (!/^[\u3400-\u9fff]+$/.test(name)) return false;
  // 曾 is a surname but far more often "once" before a verb (学者曾猜测).
  if (name[0] === '曾' && '经任是在多猜表说与和对被把向于参提到去来有获担'.includes(name[1])) return false;
  if (NOT_NAMES.has(name)) return false;
  for (let k = 1; k < name.length; k++) if (NOT_IN_NAMES.has(name[k]) && !japaneseGivenNameEnd(name, k)) return false;
  // `于周二`, `时今天` are a preposition and a time, not a surname and a given name.
  return TIME_WORDS.startingAt(name, 1) === undefined;
}

function isHanName(name: string): boolean {
  if (!looksLikeHanName(name)) return false;
  // A place's or an organisation's last character (美军, 中方) ends a given name too (袁家军): the
  // dictionary's reading of the three characters as one person's name decides.
  if (PLACE_ENDINGS.has(name[name.length - 1]) && !(name.length === 3 && segmentWindow(name)?.length === 1 && segmentWindow(name)?.[0].tag === 'nr')) return false;
  // A word the dictionary knows as something else (`萧条`, `简略地`) is no name, nor begins one.
  if (isCommonWord(name)) return false;
  const tokens = segmentWindow(name);
  const first = tokens?.[0];
  if (first && first.word.length >= 2 && first.word.length < name.length && !NAME_TAG.test(first.tag)) return false;
  // A surname, then a function word rather than a given name (`童甚至`, `佐藤特别`).
  const surnameToken = first?.word.length === 1 || (first !== undefined && COMPOUND.startingAt(name, 0) === first.word);
  return !(tokens?.length === 2 && surnameToken && FUNCTION_TAG.test(tokens[1].tag));
}

const FUNCTION_TAG = /^(?:d|c|p|r|f|t|m|q|y|e|o|u[a-z]*)$/;

const NAME_TAG = /^(?:nr|nrt|nrfg|x|nz)$/;

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
  const parts = whiteSpaceParts(value, 5);
  if (!parts || parts.length < 2) return false;
  let named = 0;
  for (const part of parts) {
    const key = (part.includes('.') ? part.replace(/[.]/g, '') : part).toLowerCase();
    if (LATIN_PARTICLES.has(key)) continue;
    if (!PERSON_WORD.test(part) || isNonPersonWord(key)) return false;
    if (part.length > 2) named++;
  }
  return named >= 2;
}

/**
 * `value.split(/\s+/).filter(Boolean)`, or undefined once there are more than `most` parts: a
 * whole English paragraph is not split to be turned away.
 */
function whiteSpaceParts(value: string, most: number): string[] | undefined {
  const parts: string[] = [];
  let k = 0;
  for (;;) {
    while (k < value.length && isWhiteSpace(value.charCodeAt(k))) k++;
    if (k === value.length) return parts;
    const start = k;
    while (k < value.length && !isWhiteSpace(value.charCodeAt(k))) k++;
    if (parts.push(value.slice(start, k)) > most) return undefined;
  }
}

/** Whether a UTF-16 unit is white space, as `\s` has it. */
function isWhiteSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * Whether two of `words[first, last)` (a run separated by spaces only) start with a capital A–Z:
 * a Latin word holds no white space, so they are the parts of the run's text, and
 * `isPersonLatin` needs two parts that read as names, `isCapitalsName` two in capitals.
 */
function twoCapitalised(text: string, words: readonly LatinWord[], first: number, last: number): boolean {
  let capitalised = 0;
  for (let k = first; k < last; k++) {
    const code = text.charCodeAt(words[k].start);
    if (code >= 0x41 && code <= 0x5a && ++capitalised === 2) return true;
  }
  return false;
}

/** Two or three words in capitals, each a plausible name part (`MANDEL NGAN`). */
function isCapitalsName(value: string): boolean {
  const parts = whiteSpaceParts(value, 3);
  return parts !== undefined && parts.length >= 2 && parts.every((part) => /^[A-Z][A-Z'’-]{1,15}$/.test(part) && !isNonPersonWord(part.toLowerCase()));
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
    while (s > 0 && i - s < 5 && isKind(text, s - 1, TRANSLITERATED) && !endsWithRole(text, s)) s--;
    if (s === i || covered[s]) continue;
    // A longer run of such characters is a word, not the start of a name.
    if (s > 0 && isKind(text, s - 1, TRANSLITERATED) && !endsWithRole(text, s)) continue;
    // Where the name ends does not depend on where its first part starts: the segmenter may only
    // move that start back (wholeFirstPart). So the end is read first, and the segmenter is asked
    // about the first part only for a name that ends where a name can end.
    let name = dottedNameAt(text, s);
    if (!name || !name.includes('·')) continue;
    // Below, the last part is cut back to where a name can end, or the segmenter runs it on: when
    // the name can end at none of those places, it is not asked.
    if (!dottedNameMayEnd(text, s + name.lastIndexOf('·') + 1, s + name.length)) continue;
    // The last part may have run into a following word made of the same characters (麦卡锡可能),
    // or stopped short of characters the table lacks (列斐|伏尔).
    const whole = wholeDottedName(text, s, name);
    if (whole) name = whole;
    else while (!endsName(text, s + name.length, false) && name.length - name.lastIndexOf('·') > 2) name = name.slice(0, -1);
    const end = s + name.length;
    // A dotted name glossed with something other than a person's name is none (吉姆·克劳法 (Jim Crow laws)).
    if (!endsName(text, end, false) || glossedAsNoPerson(text, end) || !isFree(covered, s, end)) continue;
    s = wholeFirstPart(text, s, i);
    // A quoted dotted name is a ship or a title (“柯蒂斯·威尔伯”号), not a person.
    if (!isFree(covered, s, end) || (/[“"「『]/.test(text[s - 1] ?? '') && /[”"」』]/.test(text[end] ?? ''))) continue;
    name = text.slice(s, end);
    const role = endsWithRole(text, s);
    const descriptorStart = role ? descriptorStartBefore(text, s) : s;
    push({ start: descriptorStart, end, nameStart: s, nameEnd: end, name, descriptor: role, descriptorStart, descriptorEnd: s, latinStart: 0, latinEnd: 0 });
    i = end;
  }
}

/**
 * Whether a dotted name whose last part runs from `lastPart` to `end` may end where a name can
 * end (`endsName`): within that part, which keeps one character at least, or after at most
 * MAX_PART_EXTENSION characters that may run it on (`extendsPart`), as wholeDottedName reads it.
 */
function dottedNameMayEnd(text: string, lastPart: number, end: number): boolean {
  for (let q = lastPart + 1; q <= end; q++) if (endsName(text, q, false)) return true;
  for (let q = end; q < end + MAX_PART_EXTENSION && extendsPart(text, q); q++) if (endsName(text, q + 1, false)) return true;
  return false;
}

/** Whether no character of `[from, to)` is covered. */
function isFree(covered: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (covered[k]) return false;
  return true;
}

/** A name before an honorific: `史迪威将军`, `郭文贵先生`, right after a clause boundary or a conjunction. */
function honoredNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: WordPlaces): void {
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

function bylineNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, rolePlaces: WordPlaces): void {
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
function bylines(text: string, rolePlaces: WordPlaces): RegExpExecArray[] {
  const starts = new Set<number>();
  // Each place's line is found once, for its first place: the other places on it reuse it (a
  // search back from each would rescan a long line once per place, n² for 记者记者…), and lines
  // without a place are never read (a forward sweep read the whole article on every edit).
  const places: number[] = [];
  for (const list of rolePlaces) for (const at of list) places.push(at);
  places.sort((a, b) => a - b);
  let lineStart = 0;
  let lineEnd = -1;
  for (const at of places) {
    if (at <= lineEnd) continue;
    lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineBreak = text.indexOf('\n', at);
    lineEnd = lineBreak < 0 ? text.length : lineBreak;
    if (lineStart > 0) starts.add(Math.max(0, text.lastIndexOf('\n', lineStart - 2)));
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
function speakingNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: WordPlaces, verbs: readonly string[] = STRONG_SPEECH): void {
  for (const [index, verb] of verbs.entries()) {
    for (const v of places[index]) {
      // A word that ends in the verb (白宫演说) is checked first: whatever name stands before it, it is not spoken.
      if (v < 2 || covered[v - 1] || SPEECH_WORDS.has(text.slice(v - 1, v + verb.length))) continue;
      const name = nameEndingAt(text, v, covered, true) ?? nameAfterOrganisation(text, v, covered);
      if (!name) continue;
      const start = v - name.length;
      push({ start, end: v, nameStart: start, nameEnd: v, name, descriptorStart: start, descriptorEnd: start, latinStart: 0, latinEnd: 0 });
    }
  }
}

/** Words that end in a verb of saying but are not a name speaking (白宫演说). */
const SPEECH_WORDS = new Set(['演说', '游说', '小说', '据说', '听说', '传说', '学说', '解说', '劝说', '虽说', '再说', '又说', '来说', '难说', '声称', '宣称', '号称', '简称', '堪称', '通称', '统称', '俗称', '名称', '又称', '并称', '人称', '对称', '著称', '供称', '辩称', '指称', '坚称', '谎称', '直称']);
const STRONG_SPEECH = ['说', '表示', '认为', '指出', '称', '强调', '直言', '坦言', '透露'];
const CLAUSE_START = /[。！？；;，,、：:\n）)》」』”"\]】\s「『“《【（(>]/;
/** Verbs a name at a clause's start does (`吴政隆陪同调研`), and titles written after a name (`栗战书委员长主持`). */
const ACTING_WORDS = [...wordTable('clauseVerbs'), ...wordTable('titlesAfter')];
/** `【梁京评论】`, `【王永平/不平则鸣】`: a columnist's name opens a bracketed column title. */
const COLUMN_OPENERS = ['【'];
const COLUMN_WORDS = new WordList(wordTable('columnWords'));

function columnNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: WordPlaces): void {
  for (const at of places[0]) {
    const p = at + 1;
    for (let length = 4; length >= 2; length--) {
      const e = p + length;
      const closes = text[e] === '/' || text[e] === '／' || (COLUMN_WORDS.startingAt(text, e) !== undefined && text.indexOf('】', e) - e <= 4 && text.indexOf('】', e) > e);
      if (!closes) continue;
      const name = boundedNameAt(text, p, e, covered);
      if (!name) continue;
      push({ start: at, end: e, nameStart: p, nameEnd: e, name, descriptorStart: p, descriptorEnd: p, latinStart: 0, latinEnd: 0 });
      break;
    }
  }
}

/** Parts of speech of what may stand before a speaking name as its organisation: `美联储鲍威尔表示`. */
const ORGANISATION_TAG = /^(?:nt|j|ns)$/;
const ORGANISATION_ENDINGS = new Set([...PLACE_ENDINGS, '储', '行', '国', '台', '社']);
for (const char of ORGANISATION_ENDINGS) UNIT_KINDS[char.charCodeAt(0)] |= ORGANISATION_ENDING;

/** A name ending at `e` right after an organisation, as the segmenter reads the window before `e`. */
function nameAfterOrganisation(text: string, e: number, covered: Uint8Array): string | undefined {
  // Asked of the segmenter only when an organisation's last character stands 2–4 characters back.
  let organisationEnd = false;
  for (let length = 2; length <= 4 && !organisationEnd; length++) {
    organisationEnd = isKind(text, e - length - 1, ORGANISATION_ENDING) && isKind(text, e - length, SURNAME | TRANSLITERATED) && !isKind(text, e - 1, NOT_IN_NAME);
  }
  if (!organisationEnd) return undefined;
  let s = e;
  while (s > 0 && e - s < 10 && isHanCode(text.charCodeAt(s - 1))) s--;
  if (e - s < 4 || covered[e - 1]) return undefined;
  const tokens = segmentWindow(text.slice(s, e));
  if (!tokens || tokens.length < 2) return undefined;
  const last = tokens[tokens.length - 1];
  const before = tokens[tokens.length - 2];
  if (!ORGANISATION_TAG.test(before.tag) || before.word.length < 2 || !NAME_TAG.test(last.tag)) return undefined;
  const name = last.word;
  const nameStart = e - name.length;
  return boundedNameAt(text, nameStart, e, covered, true);
}

/** A Han name (surname first) or a transliteration ending at `e`, starting right after a clause boundary. */
function nameEndingAt(text: string, e: number, covered: Uint8Array, hanOnly = false): string | undefined {
  // No Han character is a clause's boundary: the pattern is tried on the others only.
  const startsClause = (s: number) => s === 0 || (!isHanCode(text.charCodeAt(s - 1)) && CLAUSE_START.test(text[s - 1])) || (!hanOnly && '和与及同的对向'.includes(text[s - 1]));
  const free = (s: number) => {
    for (let k = s; k < e; k++) if (covered[k]) return false;
    return true;
  };
  for (const length of [4, 3, 2]) {
    const s = e - length;
    if (s < 0 || !startsClause(s) || !free(s)) continue;
    const name = text.slice(s, e);
    const surnamed = COMPOUND.startingAt(name, 0) !== undefined ? length >= 3 : SURNAMES.has(name[0]) && length <= 3;
    if (surnamed && !HONORIFICS.includes(name.slice(1)) && isHanName(name)) return name;
    if (!hanOnly && length >= 2 && isTransliteration(name)) return name;
  }
  return undefined;
}

const LIST = /(?:[\u3400-\u9fff]{2,4}[ \t]*、[ \t]*){2,}[\u3400-\u9fff]{2,4}$/;

/** What a list's match (`LIST`) is made of: Han characters, spaces, tabs and 、. */
function isListUnit(code: number): boolean {
  return isHanCode(code) || code === 0x20 || code === 0x09 || code === 0x3001;
}

/** Whether a 、 stands in `text[from, to)`. */
function hasListComma(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x3001) return true;
  return false;
}

/** Lists of names ending in 等: `王振常、刘春、梅学谦、朱惠芳、吴德熙等5位`. Every item must read as a name. */
function listedNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void): void {
  for (let at = text.indexOf('等'); at >= 0; at = text.indexOf('等', at + 1)) {
    if (at < 8 || text.charCodeAt(at - 1) === 0x7b49 || !hasListComma(text, at - 8, at)) continue;
    // Only the stretch right before each 等 is read, which keeps the pattern from scanning whole
    // articles, and only from where the list's characters begin: the pattern, which must end at
    // 等, would be tried at every earlier offset in vain.
    let from = at;
    while (from > Math.max(0, at - 80) && isListUnit(text.charCodeAt(from - 1))) from--;
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
    for (const { start, end } of items) {
      const known = startsAt.get(start);
      if (!(known && known.end === end)) names.push({ start, end, name: text.slice(start, end) });
    }
    // One item that is no name turns the whole list away: every item is read from the text first,
    // and the segmenter is asked about none of them when one fails there.
    if (!names.every(({ start, end, name }) => isFree(covered, start, end) && SURNAMES.has(name[0]) && name.length <= 3 && looksLikeHanName(name))) continue;
    if (!names.every(({ name }) => isHanName(name))) continue;
    for (const { start, end, name } of names) push({ start, end, nameStart: start, nameEnd: end, name, descriptorStart: start, descriptorEnd: start, latinStart: 0, latinEnd: 0 });
  }
}

const COLONS = ['：', ':'];
const DESCRIPTION_COMMAS = ['，', ','];
/** What may stand right before a name that opens a description: a line break or a sentence's end (`\n；;：:。`). */
function opensSentence(code: number): boolean {
  return code === 0x0a || code === 0xff1b || code === 0x3b || code === 0xff1a || code === 0x3a || code === 0x3002;
}

/** What ends a description: a semicolon, a full stop or a line break (`；;。\n`). */
function endsDescription(code: number): boolean {
  return code === 0xff1b || code === 0x3b || code === 0x3002 || code === 0x0a;
}

function isHanCode(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}
/** What may stand right before a byline's or a digest's name: a line start, a bracket, a list number. */
const ATTRIBUTION_START = /[\n》】【|｜]|^$/;

/**
 * Whether a digest's name may start at `s`: at the text's or a line's start, after a bracket
 * (`ATTRIBUTION_START`), or after a list number: a digit (０–９ too), or an ASCII digit and a list
 * mark (`1、`), as `/^[0-9０-９][、.．，,]?$/` reads the two characters before `s` once a leading
 * character other than an ASCII digit is dropped.
 */
function opensAttribution(text: string, s: number): boolean {
  if (s === 0) return true;
  const before = text.charCodeAt(s - 1);
  if (before === 0x0a || before === 0x300b || before === 0x3011 || before === 0x3010 || before === 0x7c || before === 0xff5c) return true;
  if (s === 1) return isAsciiDigit(before);
  if (isAsciiDigit(text.charCodeAt(s - 2))) return before === 0x3001 || before === 0x2e || before === 0xff0e || before === 0xff0c || before === 0x2c;
  return isAsciiDigit(before) || (before >= 0xff10 && before <= 0xff19);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A name starting at `p` and ending at `end` or before: a dotted transliteration, or a Han name checked by the segmenter. */
function boundedNameAt(text: string, p: number, end: number, covered: Uint8Array, unlistedSurnames = false): string | undefined {
  for (let k = p; k < end; k++) if (covered[k]) return undefined;
  // Checked before the segmenter is asked: most windows open with no name's first character.
  if (!unlistedSurnames && !isKind(text, p, SURNAME | TRANSLITERATED) && !COMPOUND.startingAt(text, p)) return undefined;
  const dotted = dottedNameAt(text, p);
  if (dotted && p + dotted.length <= end) return dotted;
  const length = end - p;
  if (length < 2 || length > 4) return undefined;
  const name = text.slice(p, end);
  if (!/^[\u3400-\u9fff]+$/.test(name)) return undefined;
  const surnamed = (COMPOUND.startingAt(name, 0) !== undefined ? length >= 3 : SURNAMES.has(name[0]) && length <= 3) && isHanName(name);
  if (surnamed) return name;
  // A foreign or unusual name: transliteration characters, or what the segmenter reads as a name.
  if (isTransliteration(name) && !isCommonWord(name)) return name;
  if (!unlistedSurnames) return undefined;
  const tokens = segmentWindow(name);
  return tokens?.length === 1 && (tokens[0].tag === 'nr' || tokens[0].tag === 'nrt' || tokens[0].tag === 'nrfg') && !NOT_NAMES.has(name) ? name : undefined;
}

/** A Han name right after a byline marker, ended by punctuation, a space or the line's end. */
function creditedNameAt(text: string, p: number, covered: Uint8Array): string | undefined {
  let end = p;
  while (end < text.length && end - p < 12 && (HAN.test(text[end]) || text[end] === '·')) end++;
  const stop = text[end] ?? '';
  if (end === p || HAN.test(stop)) return undefined;
  if (stop !== '' && !/[\s，。、；;,)）】』」”"|｜/／0-9]/.test(stop)) return undefined;
  return boundedNameAt(text, p, end, covered, true);
}

const SIGNATURE_WORDS = ['署名'];

/** The word lists whose places `findIntroductions` reads. */
const PLACE_LISTS = [GLOSS_OPENERS, HONORIFICS, STRONG_SPEECH, ACTING_WORDS, COLUMN_OPENERS, BYLINE_ROLES, COLONS, SIGNATURE_WORDS, REPORT_WORDS];
/** Those lists and the role words (the last list), found in one pass over the text and kept across edits. */
const INTRODUCTION_WORDS = new PlaceSearch([...PLACE_LISTS, ROLE_WORDS]);

/** `署名李华`: a signature word needs no colon. */
function signedNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: WordPlaces): void {
  for (const [index, word] of SIGNATURE_WORDS.entries()) {
    for (const at of places[index]) {
      const p = at + word.length;
      if (text[p] === '：' || text[p] === ':' || covered[p]) continue;
      const name = creditedNameAt(text, p, covered) ?? segmentedNameAt(text, p);
      if (!name) continue;
      push({ start: at, end: p + name.length, nameStart: p, nameEnd: p + name.length, name, descriptor: true, descriptorStart: at, descriptorEnd: p, latinStart: 0, latinEnd: 0 });
    }
  }
}

/** Bylines and credits with a colon: `文：孙嘉业`, `主持：A`, `责编：A`, and `署名A`. */
function creditNames(text: string, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, colons: WordPlaces): void {
  for (const places of colons) {
    for (const colon of places) {
      const marker = CREDIT_MARKERS.endingAt(text, colon);
      if (!marker) continue;
      const markerStart = colon - marker.length;
      // The marker starts a line or follows a bracket, a separator or another marker (`文、图：`);
      // 文 inside a word (`中文：`) is no byline.
      if (!ATTRIBUTION_START.test(text[markerStart - 1] ?? '') && !/[\s(（/／《》]/.test(text[markerStart - 1] ?? '') && !(text[markerStart - 1] === '、' && CREDIT_MARKERS.endingAt(text, markerStart - 1))) continue;
      let p = colon + 1;
      while (text[p] === ' ' || text[p] === '\u3000') p++;
      if (startsAt.has(p) || covered[p]) continue;
      const name = creditedNameAt(text, p, covered);
      if (!name) continue;
      push({ start: markerStart, end: p + name.length, nameStart: p, nameEnd: p + name.length, name, descriptor: true, descriptorStart: markerStart, descriptorEnd: colon + 1, latinStart: 0, latinEnd: 0 });
    }
  }
}

/**
 * A reporter before a report word: `（中央社记者张淑伶综合报导）`, `自由亚洲电台记者丁小华盛顿报导`,
 * `／王某报导`. What lies between the name and the report word may only be a place.
 */
const OUTLET_CODE_BEFORE = /(?:^|[\n【〔（(])[A-Z][A-Z0-9]{1,11}[ \t]$/;

/** The report word of a photographer's credit. */
const PHOTO_WORD = '摄';

/** Where the spaces before `at` start (`at` itself when there are none). */
function spacesBefore(text: string, at: number): number {
  let k = at;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\u3000')) k--;
  return k;
}

/**
 * A photographer's credit without 记者: the name opens a bracket, a line or a spaced part of a
 * credit (`（张三摄）`, `（新华社发 张三 摄）`), and 摄 closes it.
 */
function isPhotoCredit(text: string, nameStart: number, at: number, word: string): boolean {
  if (word !== PHOTO_WORD) return false;
  const opener = text[nameStart - 1];
  const closer = text[at + word.length];
  return (opener === undefined || '(（【[ \u3000\n'.includes(opener)) && (closer === undefined || ')）】]\n'.includes(closer));
}

function reporterNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, places: WordPlaces): void {
  for (const [index, word] of REPORT_WORDS.entries()) {
    for (const at of places[index]) {
      // A shorter report word inside a longer one (`报导` in `综合报导`) was read with the longer one.
      if (REPORT_WORDS.some((other) => other.length > word.length && other.endsWith(word) && text.startsWith(other, at - other.length + word.length))) continue;
      // A photographer's credit may set its name apart: `（张三 摄）`.
      const nameEnd = word === PHOTO_WORD ? spacesBefore(text, at) : at;
      let p = nameEnd;
      while (p > 0 && nameEnd - p < 12 && HAN.test(text[p - 1]) && !text.startsWith('记者', p - 2)) p--;
      const opener = text[p - 1] ?? '';
      const afterReporter = text.startsWith('记者', p - 2);
      // An outlet's Latin code opens a bracketed byline too: `【KTSF 万若全报导】`.
      const afterOutletCode = (opener === ' ' || opener === '\t') && OUTLET_CODE_BEFORE.test(text.slice(Math.max(0, p - 14), p));
      if (!afterReporter && !afterOutletCode && !/[/／]/.test(opener) && !isPhotoCredit(text, p, at, word)) continue;
      // The name has two characters at least (boundedNameAt): when they are not free, the segmenter is not asked.
      if (nameEnd - p < 2 || !isFree(covered, p, p + 2)) continue;
      const tokens = segmentWindow(text.slice(p, nameEnd));
      if (!tokens || tokens.length === 0) continue;
      // The name is the first word (or a surname and a given name); the rest must be places.
      let length = nameLengthAtStart(text.slice(p, nameEnd)) ?? 0;
      if (length === 0) continue;
      let consumed = 0;
      let rest = true;
      for (const token of tokens) {
        if (consumed >= length) rest &&= token.tag === 'ns';
        consumed += token.word.length;
      }
      if (!rest) length = nameEnd - p;
      const name = boundedNameAt(text, p, p + length, covered, true);
      if (!name) continue;
      const descriptorStart = afterReporter ? descriptorStartBefore(text, p - 2) : p;
      push({ start: descriptorStart, end: at + word.length, nameStart: p, nameEnd: p + name.length, name, descriptor: afterReporter, descriptorStart, descriptorEnd: p, latinStart: 0, latinEnd: 0 });
    }
  }
}

/** Headline and digest attributions: `《华尔街日报》达利欧：中美…`, a name at a line's start before a colon. */
function attributedNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, colons: WordPlaces): void {
  for (const places of colons) {
    for (const colon of places) {
      // Something is said after the colon, on the same line.
      // Read by character codes: this runs at every colon of the article.
      const said = text.charCodeAt(colon + 1);
      if (!isHanCode(said) && said !== 0x201c && said !== 0x300c && said !== 0x22 && said !== 0x300a) continue;
      let s = colon;
      while (s > 0 && colon - s < 6 && (isHanCode(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 0xb7)) s--;
      if (!opensAttribution(text, s)) continue;
      if (CREDIT_MARKERS.endingAt(text, colon) || endsWithRole(text, colon)) continue;
      const name = boundedNameAt(text, s, colon, covered);
      if (!name) continue;
      push({ start: s, end: colon + 1, nameStart: s, nameEnd: colon, name, descriptorStart: s, descriptorEnd: s, latinStart: 0, latinEnd: 0 });
    }
  }
}

interface Description {
  /** Where the name would start. */
  start: number;
  /** Where the description ends. */
  end: number;
  /** The comma after the name, from `start`. */
  commaOffset: number;
  /** Which of `DESCRIPTION_COMMAS`. */
  mark: number;
}

/**
 * The commas on the lines `text[from, to)` that may follow a name opening its sentence, with a
 * description after them that ends in a role word: what `describedNames` reads, found from the
 * text alone, so that it is kept across edits as a line scan.
 */
function descriptions(text: string, from: number, to: number): Description[] {
  const found: Description[] = [];
  // Commas are looked for in the lines only: a search of the whole text would run on to the next one.
  const lines = from === 0 && to === text.length ? text : text.slice(from, to);
  DESCRIPTION_COMMAS.forEach((mark, index) => {
    for (let at = lines.indexOf(mark); at >= 0; at = lines.indexOf(mark, at + 1)) {
      const comma = from + at;
      // Most commas follow ordinary prose: a name must open its line or sentence, checked by character
      // codes before anything else, since this runs at every comma of a line.
      let s = comma;
      while (s > 0 && comma - s < 5 && isHanCode(text.charCodeAt(s - 1))) s--;
      if (s === comma || (s > 0 && !opensSentence(text.charCodeAt(s - 1)))) continue;
      // The description runs to the next semicolon, full stop or line end, and ends in a role word.
      let e = comma + 1;
      while (e < text.length && e - comma < 40 && !endsDescription(text.charCodeAt(e))) e++;
      if (e < text.length && !endsDescription(text.charCodeAt(e))) continue;
      let end = e;
      while (end > comma + 1 && /[，,\s]/.test(text[end - 1])) end--;
      // Searched back to this comma only: an unbounded lastIndexOf from an ASCII comma scanned the whole article.
      let clause = end - 1;
      while (clause > comma && text[clause] !== '，') clause--;
      if (!endsWithRole(text, end) && !(clause > comma && endsWithRole(text, clause)) && !endsWithRole(text, firstRoleEnd(text, comma + 1, end))) continue;
      found.push({ start: s, end, commaOffset: comma - s, mark: index });
    }
  });
  // Line scans are kept in text order.
  return found.sort((a, b) => a.start - b.start);
}

/** A name first, its description after: `王维正，美国艾德菲大学文理学院院长，政治学教授；文贯中，…`. */
function describedNames(text: string, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, found: readonly Description[]): void {
  // Full-width commas first, then ASCII ones, as the search found them before it was a line scan.
  DESCRIPTION_COMMAS.forEach((_, mark) => {
    for (const description of found) {
      if (description.mark !== mark) continue;
      const { start: s, end } = description;
      const comma = s + description.commaOffset;
      const name = boundedNameAt(text, s, comma, covered);
      if (!name) continue;
      push({ start: s, end, nameStart: s, nameEnd: comma, name, descriptor: true, descriptorStart: comma + 1, descriptorEnd: end, latinStart: 0, latinEnd: 0 });
    }
  });
}

/** Where the first role word in `text[from, to)` ends (`to` when there is none): a description glued to what follows. */
function firstRoleEnd(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const role = ROLES.startingAt(text, k);
    if (role && k + role.length - from >= 4) return k + role.length;
  }
  return to;
}

/** The other names of a list after a role's first name: `部长王毅、王文涛和刘昆出席`; every item must read as a name. */
const BYLINE_ROLE_SET = new Set(['记者', '特约记者', '通讯员', '实习记者', '见习记者', '摄影记者']);
const REPORT_WORD_LIST = new WordList(REPORT_WORDS);

/**
 * The other reporters of a byline, after the first: set apart by spaces (`本报记者 张三 李四`) or
 * run together up to the report word (`记者张三李四报道`). Each is a surname and a given name
 * ended by a space, the line's end, punctuation or the report word.
 */
function bylineCompanions(text: string, from: number, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, descriptorStart: number, descriptorEnd: number): void {
  let p = from;
  for (let count = 0; count < 4; count++) {
    while (p < text.length && p - from < 8 && (text[p] === ' ' || text[p] === '\u3000')) p++;
    if (!isKind(text, p, SURNAME) && !COMPOUND.startingAt(text, p)) return;
    let end = p;
    while (end < text.length && end - p < 4 && isHanCode(text.charCodeAt(end)) && !REPORT_WORD_LIST.startingAt(text, end)) end++;
    const ends = end >= text.length || !isHanCode(text.charCodeAt(end)) || REPORT_WORD_LIST.startingAt(text, end) !== undefined;
    if (!ends) return;
    const name = boundedNameAt(text, p, end, covered);
    if (!name || name.length !== end - p) return;
    push({ start: descriptorStart, end, nameStart: p, nameEnd: end, name, descriptor: true, descriptorStart, descriptorEnd, latinStart: 0, latinEnd: 0 });
    p = end;
  }
}

function listAfter(text: string, from: number, startsAt: Map<number, FormMatch>, covered: Uint8Array, push: (candidate: IntroductionCandidate) => void, descriptorStart: number, descriptorEnd: number): void {
  let p = from;
  const items: Array<{ start: number; name?: string; known?: FormMatch }> = [];
  for (let count = 0; count < 12; count++) {
    const separator = text[p] === '、' ? 1 : (text[p] === '和' || text[p] === '及' || text[p] === '与') && count > 0 ? 0 : -1;
    if (separator < 0 && !(text[p] === '和' || text[p] === '及' || text[p] === '与')) break;
    const q = p + 1;
    const known = startsAt.get(q);
    if (known) {
      items.push({ start: q, known });
      p = known.end;
      continue;
    }
    let end = q;
    while (end < text.length && end - q < 4 && HAN.test(text[end]) && text[end] !== '、' && !(end > q + 1 && (text[end] === '和' || text[end] === '及'))) end++;
    // An item must open with a name's first character (boundedNameAt): the segmenter is not asked otherwise.
    if (!isKind(text, q, SURNAME | TRANSLITERATED) && !COMPOUND.startingAt(text, q)) break;
    // The last item ends where the segmenter says, before the list's verb (`刘昆出席会议`).
    const lastLength = text[end] === '、' || text[end] === '和' || text[end] === '及' || !HAN.test(text[end] ?? '') ? end - q : nameLengthAtStart(text.slice(q, q + 8));
    if (!lastLength) break;
    const name = boundedNameAt(text, q, q + lastLength, covered);
    // An item followed by a role word starts a new introduction (`文莱苏丹哈桑纳尔`): it is a country.
    if (!name || ROLES.startingAt(text, q + name.length)) break;
    items.push({ start: q, name });
    p = q + name.length;
  }
  for (const item of items) {
    if (!item.name) continue;
    // The introduction is the list from its role on, so a hover shows the list the name came from.
    push({ start: descriptorStart, end: item.start + item.name.length, nameStart: item.start, nameEnd: item.start + item.name.length, name: item.name, descriptor: true, descriptorStart, descriptorEnd, latinStart: 0, latinEnd: 0 });
  }
}
