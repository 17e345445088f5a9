/**
 * Finds date expressions in normalised article text (2023年11月15日, 11月15日, 16日, 周三,
 * 本周六, 昨天, 上月, 去年11月, 一年前, 今年以来) and resolves them to day ranges against
 * the article's date. One precompiled regex scans the whole text.
 */

import { firstAtOrAfter } from '../text/sortedSearch';

/** A day number: days since 1970-01-01 (UTC), so arithmetic needs no time zones. */
export type Day = number;

export interface DateExpression {
  start: number;
  end: number;
  /** Resolved range, inclusive; undefined when it needs an article date that is missing. */
  from?: Day;
  to?: Day;
  /** Relative to the article's date (周三, 昨天, 上月, 16日), as opposed to a written-out date. */
  relative: boolean;
  /** Ends in 以来 (今年以来): the range runs up to the article's date. */
  since: boolean;
  /** English gloss for cue strings, e.g. `Wednesday 2023-11-15`. */
  gloss: string;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const DATE_RE = new RegExp(
  [
    // 2023年11月15日 / 2023年11月 / 2023年
    `(?<y>(?:19|20)\\d{2})\\s*年(?:\\s*(?<ym>${NUM})\\s*月份?(?:\\s*(?<yd>${NUM})\\s*[日号])?|(?<yh>上半年|下半年|底|末|初))?`,
    // 2023-11-15, 2023/11/15, 2023.11.15
    '(?<iy>(?:19|20)\\d{2})[-/.](?<im>\\d{1,2})[-/.](?<id>\\d{1,2})(?!\\d)',
    // 年底前, 去年底, 年初: the end or start of a year
    '(?<ey>去|今|明)?年(?<edge>底|末|初)(?<before>前)?',
    // 去年11月15日 / 今年以来 / 明年
    `(?<ry>前年|去年|今年|明年|同年)(?:的)?(?:\\s*(?<rm>${NUM})\\s*月份?(?:\\s*(?<rd>${NUM})\\s*[日号])?|(?<rh>上半年|下半年))?`,
    // 11月15日 / 11月
    // (The lookbehinds come after the first character: one at the start of a branch would make
    // the whole pattern try every position of the text.)
    `(?<m>[\\d一二三四五六七八九十](?<![\\d年].)(?:(?<=\\d)\\d?|(?<!\\d)[一二三四五六七八九十]?))\\s*月份?(?:\\s*(?<d>${NUM})\\s*[日号])?(?![\\d]|亮|球|饼|光)`,
    // 16日 (a bare day of the month)
    '(?<bd>\\d(?<![\\d月./-].)\\d?)\\s*日(?![报本元圆])',
    // 周三, 本周六, 上星期五, 下礼拜一
    '(?<wp>本|这|这个|上|上个|下|下个)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天])',
    // 上月30日, 下个月5号: a day of a month named relative to the article's
    `(?<rmo>上个?月|本月|这个月|下个?月)\\s*(?<rmd>${NUM})\\s*[日号]`,
    // 昨天, 今天, 上月, 上周
    '(?<rel>前天|昨天|昨日|今天|今日|明天|明日|后天|上个?月|本月|这个月|下个?月|上个?星期|上周|本周|这周|下个?星期|下周)',
    // 一年前, 3个月前, 两周前
    '(?<n>\\d{1,2}|[一两二三四五六七八九十半]{1,3})\\s*(?<u>年|个月|周|星期|天|日)(?:之)?前',
  ].join('|'),
  'g',
);

/**
 * The characters a date expression can be made of: every character DATE_RE names (it consumes
 * no wildcard or negated class), digits, separators and whitespace. A match lies within a run
 * of them, and contains one of DATE_ANCHORS' characters.
 */
const DATE_CHARACTERS = new Uint8Array(0x10000);
for (const character of DATE_RE.source) if (character.charCodeAt(0) >= 0x80) DATE_CHARACTERS[character.charCodeAt(0)] = 1;
for (const character of '0123456789-/.\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff') DATE_CHARACTERS[character.charCodeAt(0)] = 1;
for (let code = 0x2000; code <= 0x200a; code++) DATE_CHARACTERS[code] = 1;
/** 1 for the characters one of which every match holds (a table: a loop over it passes over text faster than a regex class). */
export const DATE_ANCHORS = new Uint8Array(0x10000);
for (const character of '年月日号周期拜天前-/.') DATE_ANCHORS[character.charCodeAt(0)] = 1;

interface DateMatch {
  match: RegExpExecArray;
  /** Where the run the pattern ran over (`match.input`) starts in the text. */
  offset: number;
}

/**
 * DATE_RE's matches among the anchors in [from, to), as one scan of the whole text would find
 * them. The pattern runs only over the runs of date characters around an anchor, with one
 * character of context on each side for its lookarounds: the anchors are found by a table lookup, and the
 * rest of an article is never looked at.
 */
function scanDateMatches(text: string, from: number, to: number, found: DateMatch[], anchors: readonly number[] | undefined): void {
  if (anchors) {
    // The anchors found already, in the pass that found the meeting words.
    let runEnd = from;
    for (let index = firstAtOrAfter(anchors, from); index < anchors.length && anchors[index] < to; index++) {
      // An anchor inside the last run is in its matches already.
      if (anchors[index] >= runEnd) runEnd = scanRunAround(text, anchors[index], found);
    }
    return;
  }
  for (let anchor = from; anchor < to; anchor++) {
    if (DATE_ANCHORS[text.charCodeAt(anchor)] === 0) continue;
    // The run's other anchors are in it already.
    anchor = scanRunAround(text, anchor, found) - 1;
  }
}

/** DATE_RE's matches in the run of date characters around the anchor at `anchor`; returns where the run ends. */
function scanRunAround(text: string, anchor: number, found: DateMatch[]): number {
  const n = text.length;
  let runStart = anchor;
  while (runStart > 0 && DATE_CHARACTERS[text.charCodeAt(runStart - 1)]) runStart--;
  let runEnd = anchor + 1;
  while (runEnd < n && DATE_CHARACTERS[text.charCodeAt(runEnd)]) runEnd++;
  // Every branch of DATE_RE takes two characters or more: a lone anchor (U.S., 以前往) dates nothing.
  if (runEnd - runStart < 2) return runEnd;
  const offset = Math.max(0, runStart - 1);
  const run = text.slice(offset, Math.min(n, runEnd + 1));
  DATE_RE.lastIndex = 0;
  for (let match = DATE_RE.exec(run); match; match = DATE_RE.exec(run)) found.push({ match, offset });
  return runEnd;
}

/** How many characters `a` and `b` share at their start, found by halving (each comparison is native). */
function commonPrefixLength(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(low, middle) === b.slice(low, middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** How many characters `a` and `b` share at their end, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(a.length - middle, a.length - low) === b.slice(b.length - middle, b.length - low)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The last text scanned and its matches: after a keystroke only the runs around the edit are scanned again. */
let previousScan: { text: string; found: readonly DateMatch[] } | undefined;

/**
 * DATE_RE's matches in the text. A run whose window (the run and its context characters) lies
 * wholly in the part an edit left unchanged reads the same characters as before, so its matches
 * are kept (moved after the edit); only the anchors between the last such run before the edit and
 * the first after it are scanned again.
 */
function dateMatches(text: string, anchors: readonly number[] | undefined): DateMatch[] {
  const previous = previousScan;
  if (previous?.text === text) return [...previous.found];
  const found: DateMatch[] = [];
  if (!previous) scanDateMatches(text, 0, text.length, found, anchors);
  else {
    const old = previous.text;
    const prefix = commonPrefixLength(old, text);
    const suffix = commonSuffixLength(old, text, Math.min(old.length, text.length) - prefix);
    const shift = text.length - old.length;
    let resumeAt = 0;
    let firstAfter = previous.found.length;
    for (let index = 0; index < previous.found.length; index++) {
      const entry = previous.found[index];
      const windowEnd = entry.offset + entry.match.input.length;
      if (windowEnd < prefix) {
        found.push(entry);
        // The window's last character ends the run: a later anchor's run cannot reach back past it.
        resumeAt = windowEnd - 1;
      } else if (entry.offset > old.length - suffix) {
        firstAfter = index;
        break;
      }
    }
    const stopAt = firstAfter < previous.found.length ? previous.found[firstAfter].offset + shift : text.length;
    scanDateMatches(text, resumeAt, stopAt, found, anchors);
    for (let index = firstAfter; index < previous.found.length; index++) {
      const entry = previous.found[index];
      found.push({ match: entry.match, offset: entry.offset + shift });
    }
  }
  previousScan = { text, found: [...found] };
  return found;
}

/** Day number of an ISO date (YYYY-MM-DD), or undefined. */
export function dayOf(iso: string | undefined): Day | undefined {
  if (!iso) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return undefined;
  return Date.UTC(+match[1], +match[2] - 1, +match[3]) / 86400000;
}

/** Days already written out: an archive names the same few thousand days over and over, and a `Date` costs. */
const isoCache = new Map<Day, string>();
const ymdCache = new Map<Day, readonly [number, number, number]>();
/** Past this many days a cache starts over, so that no input grows it without bound. */
const MAX_CACHED_DAYS = 20_000;

export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86400000).toISOString().slice(0, 10);
    if (isoCache.size >= MAX_CACHED_DAYS) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

function ymd(day: Day): readonly [number, number, number] {
  let found = ymdCache.get(day);
  if (found === undefined) {
    const date = new Date(day * 86400000);
    found = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (ymdCache.size >= MAX_CACHED_DAYS) ymdCache.clear();
    ymdCache.set(day, found);
  }
  return found;
}

function dayFrom(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / 86400000;
}

function monthRange(year: number, month: number): [Day, Day] {
  return [dayFrom(year, month, 1), dayFrom(year, month + 1, 1) - 1];
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(day: Day): number {
  return (new Date(day * 86400000).getUTCDay() + 6) % 7;
}

/** The English weekday of an ISO date (`Wednesday` for 2023-11-15), or '' for an unreadable date. */
export function weekdayName(isoDate: string): string {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? '' : WEEKDAYS[weekdayOf(time / 86400000)];
}

function number(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return +text;
  if (text === '半') return 0.5;
  // 十, 十一, 二十, 二十三
  const tens = text.indexOf('十');
  if (tens < 0) return text.length === 1 ? CN_DIGITS[text] : undefined;
  const high = tens === 0 ? 1 : CN_DIGITS[text.slice(0, tens)];
  const low = tens === text.length - 1 ? 0 : CN_DIGITS[text.slice(tens + 1)];
  return high === undefined || low === undefined ? undefined : high * 10 + low;
}

const validMonth = (m: number | undefined): m is number => m !== undefined && m >= 1 && m <= 12;
const validDay = (d: number | undefined): d is number => d !== undefined && d >= 1 && d <= 31;

/**
 * A year with an optional month and day as written (`2023年11月15日`, `去年11月`, `今年`): the day,
 * the month or the whole year; undefined when a month is written but is no month.
 */
function yearRange(year: number, writtenMonth: string | undefined, writtenDate: string | undefined): [Day, Day] | undefined {
  const month = number(writtenMonth);
  const date = number(writtenDate);
  if (writtenMonth !== undefined && !validMonth(month)) return undefined;
  if (validMonth(month) && validDay(date)) return [dayFrom(year, month, date), dayFrom(year, month, date)];
  if (validMonth(month)) return monthRange(year, month);
  return [dayFrom(year, 1, 1), dayFrom(year, 12, 31)];
}

/** How far after a year its sentence's bare months still take it, and what ends the sentence. */
const SENTENCE_YEAR_REACH = 200;
const SENTENCE_BREAK = /[。!?！？\n;；]/;

/** Days of margin around the year that 三年前 or 44年前 names. */
const YEARS_AGO_MARGIN = 60;

/** 2009年下半年, 明年上半年, 2019年底: a part of a year. */
function partOfYear(year: number, part: string): [Day, Day] {
  if (part === '上半年') return [dayFrom(year, 1, 1), dayFrom(year, 6, 30)];
  if (part === '下半年') return [dayFrom(year, 7, 1), dayFrom(year, 12, 31)];
  // News uses 年底 loosely for the last two months, 年初 for the first two (as the 年底 branch below).
  return part === '初' ? [dayFrom(year, 1, 1), dayFrom(year, 2, 28)] : [dayFrom(year, 11, 1), dayFrom(year, 12, 31)];
}

/** Of the candidate days, the one nearest the article's date. */
function nearest(candidates: Day[], article: Day): Day {
  return candidates.reduce((best, day) => (Math.abs(day - article) < Math.abs(best - article) ? day : best));
}

/**
 * Every date expression in `normalized`. `direction` tells, for an offset, whether its clause
 * looks ahead (将) or back (已): it decides which 周三 a bare weekday means. `anchors`, when
 * given, are where DATE_ANCHORS' characters stand in the text, found by a pass made anyway.
 */
export function findDates(normalized: string, articleDate: string | undefined, direction: (offset: number) => 'future' | 'past' | undefined, anchors?: readonly number[]): DateExpression[] {
  const article = dayOf(articleDate);
  const found: DateExpression[] = [];
  // The year the sentence has named so far: a month or 同年 after it is in that year (1972年…2月访华, 今年首次通话是在1月17日).
  let named: { year: number; end: number } | undefined;
  const sentenceYear = (at: number): number | undefined =>
    named && at - named.end <= SENTENCE_YEAR_REACH && !SENTENCE_BREAK.test(normalized.slice(named.end, at)) ? named.year : undefined;
  for (const { match, offset } of dateMatches(normalized, anchors)) {
    const g = match.groups!;
    const start = offset + match.index;
    let end = start + match[0].length;
    let range: [Day, Day] | undefined;
    let relative = true;
    let gloss = '';
    if (g.y) {
      relative = false;
      range = g.yh ? partOfYear(+g.y, g.yh) : yearRange(+g.y, g.ym, g.yd);
      if (!range) continue;
      named = { year: +g.y, end };
    } else if (g.iy) {
      relative = false;
      const month = +g.im;
      const date = +g.id;
      if (!validMonth(month) || !validDay(date)) continue;
      range = [dayFrom(+g.iy, month, date), dayFrom(+g.iy, month, date)];
    } else if (g.ry) {
      // 同年 follows an earlier year in the sentence; without it, it is too vague to resolve.
      const year = g.ry === '同年' ? sentenceYear(start) : article === undefined ? undefined : ymd(article)[0] + ({ 前年: -2, 去年: -1, 今年: 0, 明年: 1 }[g.ry] ?? 0);
      if (year === undefined) continue;
      range = g.rh ? partOfYear(year, g.rh) : yearRange(year, g.rm, g.rd);
      if (!range) continue;
      gloss = `${g.ry} → ${describe(range)}`;
      named = { year, end };
    } else if (g.m) {
      const month = number(g.m);
      const date = number(g.d);
      if (!validMonth(month) || (g.d !== undefined && !validDay(date))) continue;
      // A Chinese-numeral month without a day (三月) is too easily part of a word.
      if (!/\d/.test(g.m) && g.d === undefined && !/月份/.test(match[0])) continue;
      relative = false;
      const inYear = sentenceYear(start);
      if (article === undefined && inYear === undefined) continue;
      const articleYear = article === undefined ? 0 : ymd(article)[0];
      const years = inYear !== undefined ? [inYear] : [articleYear - 1, articleYear, articleYear + 1];
      const ranges = years.map((year): [Day, Day] => (validDay(date) ? [dayFrom(year, month, date), dayFrom(year, month, date)] : monthRange(year, month)));
      if (article === undefined || ranges.length === 1) range = ranges[0];
      else {
        // A month in a clause that looks ahead (将于9月访美) is not one gone by, nor one still to come in a clause that looks back.
        const way = direction(start);
        const allowed = ranges.filter((r) => (way === 'future' ? r[1] >= article : way === 'past' ? r[0] <= article : true));
        range = (allowed.length > 0 ? allowed : ranges).reduce((best, r) => (distance(r, article) < distance(best, article) ? r : best));
      }
      if (inYear !== undefined) gloss = `${match[0]} (${inYear}) → ${describe(range)}`;
    } else if (g.bd) {
      const date = +g.bd;
      if (!validDay(date) || article === undefined) continue;
      const [year, month] = ymd(article);
      const day = nearest([dayFrom(year, month - 1, date), dayFrom(year, month, date), dayFrom(year, month + 1, date)].filter((d) => ymd(d)[2] === date), article);
      range = [day, day];
      gloss = `${match[0]} → ${isoOf(day)}`;
    } else if (g.wd) {
      if (article === undefined) continue;
      const weekday = g.wd === '日' || g.wd === '天' ? 6 : '一二三四五六'.indexOf(g.wd);
      const monday = article - weekdayOf(article);
      let day: Day;
      if (g.wp === '本' || g.wp === '这' || g.wp === '这个') day = monday + weekday;
      else if (g.wp === '上' || g.wp === '上个') day = monday - 7 + weekday;
      else if (g.wp === '下' || g.wp === '下个') day = monday + 7 + weekday;
      else {
        // A bare weekday in news is the nearest one, unless the clause says which way to look.
        const ahead = (weekday - weekdayOf(article) + 7) % 7;
        const way = direction(start);
        if (ahead === 0) day = article;
        else if (way === 'future') day = article + ahead;
        else if (way === 'past') day = article + ahead - 7;
        else day = ahead <= 3 ? article + ahead : article + ahead - 7;
      }
      range = [day, day];
      gloss = `${match[0]} → ${WEEKDAYS[weekday]} ${isoOf(day)}`;
    } else if (g.edge) {
      if (article === undefined) continue;
      const year = ymd(article)[0] + ({ 去: -1, 明: 1 }[g.ey ?? ''] ?? 0);
      // News uses 年底 loosely for the last two months, 年初 for the first two.
      range = g.edge === '初' ? [dayFrom(year, 1, 1), dayFrom(year, 2, 28)] : [dayFrom(year, 11, 1), dayFrom(year, 12, 31)];
      if (g.before) range = [Math.min(article, range[1]), range[1]];
      gloss = `${match[0]} → ${describe(range)}`;
    } else if (g.rmo) {
      if (article === undefined) continue;
      const [year, month] = ymd(article);
      const shift = /^上/.test(g.rmo) ? -1 : /^下/.test(g.rmo) ? 1 : 0;
      const date = number(g.rmd);
      const day = dayFrom(year, month + shift, date ?? 0);
      if (!validDay(date) || ymd(day)[2] !== date) continue;
      range = [day, day];
      gloss = `${match[0]} → ${isoOf(day)}`;
    } else if (g.rel) {
      if (article === undefined) continue;
      const monday = article - weekdayOf(article);
      const [year, month] = ymd(article);
      const rel = g.rel;
      if (/前天/.test(rel)) range = [article - 2, article - 2];
      else if (/昨/.test(rel)) range = [article - 1, article - 1];
      else if (/今/.test(rel)) range = [article, article];
      else if (/明/.test(rel)) range = [article + 1, article + 1];
      else if (/后天/.test(rel)) range = [article + 2, article + 2];
      else if (/^上个?月/.test(rel)) range = monthRange(year, month - 1);
      else if (/本月|这个月/.test(rel)) range = monthRange(year, month);
      else if (/^下个?月/.test(rel)) range = monthRange(year, month + 1);
      else if (/^上/.test(rel)) range = [monday - 7, monday - 1];
      else if (/本周|这周/.test(rel)) range = [monday, monday + 6];
      else range = [monday + 7, monday + 13];
      gloss = `${rel} → ${describe(range)}`;
    } else if (g.n) {
      if (article === undefined) continue;
      const n = number(g.n);
      if (n === undefined || n <= 0) continue;
      // "A year ago" in news is loose: allow a margin that grows with the unit.
      if (g.u === '年' && n >= 2) {
        // 44年前 names a year, not a day: the whole year, with a margin for the year's edges.
        const year = ymd(article)[0] - n;
        range = [dayFrom(year, 1, 1) - YEARS_AGO_MARGIN, dayFrom(year, 12, 31) + YEARS_AGO_MARGIN];
        gloss = `${match[0]} → ${year}`;
      } else if (g.u === '年') {
        const centre = article - Math.round(n * 365.25);
        range = [centre - 45, centre + 45];
      } else if (g.u === '个月') {
        const centre = article - Math.round(n * 30.4);
        range = [centre - 12, centre + 12];
      } else if (g.u === '周' || g.u === '星期') {
        const centre = article - n * 7;
        range = [centre - 3, centre + 3];
      } else range = [article - n, article - n];
      gloss ||= `${match[0]} → about ${isoOf(Math.round((range[0] + range[1]) / 2))}`;
    }
    if (!range) continue;
    // 今年以来 / 去年11月以来: from that date up to the article's date.
    let since = false;
    const after = normalized.slice(end, end + 3);
    const sinceMatch = /^(?:的)?(?:以来|来)/.exec(after);
    if (sinceMatch) {
      since = true;
      end += sinceMatch[0].length;
      if (article !== undefined) range = [range[0], Math.max(range[0], article)];
    }
    if (!gloss) gloss = `${match[0]} → ${describe(range)}`;
    found.push({ start, end, from: range[0], to: range[1], relative, since, gloss });
  }
  return found;
}

function distance(range: [Day, Day], day: Day): number {
  return day < range[0] ? range[0] - day : day > range[1] ? day - range[1] : 0;
}

function describe([from, to]: [Day, Day]): string {
  if (from === to) return isoOf(from);
  const [y1, m1, d1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  if (d1 === 1 && y1 === y2 && m1 === m2 && ymd(to + 1)[2] === 1) return `${MONTHS[m1 - 1]} ${y1}`;
  if (d1 === 1 && m1 === 1 && m2 === 12 && d2 === 31 && y1 === y2) return `${y1}`;
  return `${isoOf(from)} – ${isoOf(to)}`;
}

/**
 * The one rule for showing when a meeting was: the day where it was held (`date`, the JSON's
 * `date`) and, wherever Beijing's day differs, that day too, since Chinese-language articles often
 * date a meeting by Beijing time (北京时间16日上午 for a summit held on the evening of the 15th in
 * Washington). A relative date resolved in an article (an inlay hint) is therefore always one of
 * the days shown. The outline, hovers, code lenses and workspace symbols all show dates through this.
 */
export function meetingDates(meeting: { date: string; beijingDate: string }): string {
  return meeting.beijingDate !== meeting.date ? `${meeting.date} (Beijing ${meeting.beijingDate})` : meeting.date;
}

/**
 * The same rule in the few characters a code lens has room for: both days when they differ, the
 * second written only as far as it differs (`2023-11-15/16`, `2021-11-30/12-01`).
 */
export function meetingDatesCompact(meeting: { date: string; beijingDate: string }): string {
  if (meeting.beijingDate === meeting.date) return meeting.date;
  const sameMonth = meeting.beijingDate.slice(0, 7) === meeting.date.slice(0, 7);
  const sameYear = meeting.beijingDate.slice(0, 4) === meeting.date.slice(0, 4);
  return `${meeting.date}/${meeting.beijingDate.slice(sameMonth ? 8 : sameYear ? 5 : 0)}`;
}
