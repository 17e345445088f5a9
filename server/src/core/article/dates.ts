/**
 * Reads dates as corpus files write them and turns them into ISO `YYYY-MM-DD`.
 */

function isPlausible(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of a month (1–12) of the Gregorian calendar, counted without making a Date. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isPlausible(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A front-matter date: `2023-10-29T03:36:11.000Z`, `"2021-06-13"`, `2021-06-13 23:57:15`, `2021/6/13`. The written calendar day is kept. */
export function dateFromFrontMatter(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return dateFromEpochMs(value > 1e11 ? value : value * 1000);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(value);
  return match ? isoDate(+match[1], +match[2], +match[3]) : undefined;
}

/** The `<!--1698550571000-->` stamp; the calendar day in UTC, as Jekyll front matter writes it. */
export function dateFromEpochMs(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const date = new Date(ms);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A `YYYYMMDD` run such as the `20231117` prefix of a title or `(20221115)` in a programme title. */
export function compactDate(text: string): { date: string; index: number; length: number } | undefined {
  const pattern = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;
  for (let match; (match = pattern.exec(text)); ) {
    const date = isoDate(+match[1], +match[2], +match[3]);
    if (date) return { date, index: match.index, length: match[0].length };
  }
  return undefined;
}

/** A date written in prose: `2023年11月17日`, `2023-11-19`, `11/1/2023` (US order). */
export function proseDate(text: string): { date: string; index: number; length: number } | undefined {
  const pattern = /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g;
  for (let match; (match = pattern.exec(text)); ) {
    const date =
      match[1] !== undefined
        ? isoDate(+match[1], +match[2], +match[3])
        : match[4] !== undefined
          ? isoDate(+match[4], +match[5], +match[6])
          : isoDate(+match[9], +match[7], +match[8]);
    if (date) return { date, index: match.index, length: match[0].length };
  }
  return undefined;
}

const ANCHORED_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})([-/.])(\d{1,2})\5(\d{1,2})(?!\d)|(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/y;

/** A full date written exactly at `index`: `2023年11月17日`, `2023-11-19`, `2023/11/19`, `11/1/2023` (US order). */
export function dateAt(text: string, index: number): { date: string; length: number } | undefined {
  ANCHORED_DATE.lastIndex = index;
  const match = ANCHORED_DATE.exec(text);
  if (!match) return undefined;
  const date =
    match[1] !== undefined ? isoDate(+match[1], +match[2], +match[3]) : match[4] !== undefined ? isoDate(+match[4], +match[6], +match[7]) : isoDate(+match[10], +match[8], +match[9]);
  return date ? { date, length: match[0].length } : undefined;
}

const ANY_FULL_DATE = /\d{4}\s*年|\d{4}[-/.]\d{1,2}[-/.]\d|\d\/\d{1,2}\/\d{4}/;

/** Labels that say the date after them is the article's: `发布时间：`, `更新于`, `Published:`. */
const DATE_LABEL = /(?:^|[\s|｜·•])[*_]*(?:发布|發布|更新|发表|發表|出版|刊登|刊出|日期|Published|Updated|Posted|Date)(?:时间|時間|日期|于|於|on)?[*_]*[\s:：]*/gi;
const LINE_LEAD = /^[\s*_`>|｜]*/;
const AFTER_STANDALONE_DATE = /^(?:[*_`]*\s*$|[*_`]*\s)/;

/**
 * The date of a byline in an article's lead: one after a label (`发布时间：2023-11-19`), or one
 * that opens a line and is followed by nothing, a time or a space (`2023-11-19 19:14`,
 * `11/1/2023 4:25 AM UTC`). A date inside a sentence (`2017年7月8日，在汉堡…`) is never one.
 */
export function bylineDate(lead: string): { date: string; index: number; length: number } | undefined {
  // Performance: most leads hold no full date at all, and one native search says so.
  if (!ANY_FULL_DATE.test(lead)) return undefined;
  let lineStart = 0;
  // The lead is bounded by the caller, so every line of it is looked at.
  while (lineStart < lead.length) {
    const newline = lead.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? lead.length : newline;
    const line = lead.slice(lineStart, lineEnd);
    DATE_LABEL.lastIndex = 0;
    for (let label; (label = DATE_LABEL.exec(line)); ) {
      const found = dateAt(line, label.index + label[0].length);
      if (found) return { ...found, index: lineStart + label.index + label[0].length };
      if (label[0].length === 0) DATE_LABEL.lastIndex++;
    }
    const start = LINE_LEAD.exec(line)![0].length;
    const standalone = dateAt(line, start);
    if (standalone && AFTER_STANDALONE_DATE.test(line.slice(start + standalone.length))) return { ...standalone, index: lineStart + start };
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** A dateline as written: the name before the date, and the parts of the date it gives. */
export interface Dateline {
  /** Offsets into the text searched: the whole dateline, and the name at its start. */
  index: number;
  length: number;
  nameIndex: number;
  name: string;
  /** Written in brackets (`【…讯】`, `（…电）`) rather than bare at a paragraph's start. */
  bracketed: boolean;
  year?: number;
  month?: number;
  day: number;
}

const DATE_PART = String.raw`\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:专电|專電|电|電|讯|訊)`;
/** In brackets a dateline may also end in a report (`（中央社華盛頓26日綜合外電報導）`). */
const BRACKETED_DATE_PART = String.raw`\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:专电|專電|电|電|讯|訊|[^（）()【】\[\]\d\n]{0,8}?(?:报导|報導|报道|報道))`;
/** `【大纪元2020年06月28日讯】`, `（中央社记者张三台北27日电）`, `新华社北京11月15日电`; names are bounded, so no long backtracking. */
const DATELINE_FORMS = [
  new RegExp(String.raw`[【\[]([^【】\[\]\d\n]{1,16}?)${BRACKETED_DATE_PART}\s*[】\]]`, 'y'),
  new RegExp(String.raw`[（(]([^（）()\d\n]{1,30}?)${BRACKETED_DATE_PART}[）)]`, 'y'),
  new RegExp(String.raw`([^\d\s，。,、：:（(【\[]{2,24}?)${DATE_PART}`, 'y'),
];

const DATELINE_ENDING = /日\s*(?:专电|專電|电|電|讯|訊)|报导|報導|报道|報道/;
/** What may follow a dateline's 日, as in `DATELINE_ENDING`. */
const AFTER_DAY = /\s*(?:专电|專電|电|電|讯|訊)/y;
const REPORTS = [
  ['报', '导道'],
  ['報', '導道'],
] as const;

/**
 * Where the first match of `DATELINE_ENDING` at or after `from` starts, or -1. Searched for with
 * `indexOf` (a native scan) for 报, 報 and 日, then checked where they stand: a third of the
 * regular expression's cost, which tries its alternatives at every character.
 */
function nextDatelineEnding(text: string, from: number): number {
  let first = -1;
  for (const [report, endings] of REPORTS) {
    for (let at = text.indexOf(report, from); at >= 0 && (first < 0 || at < first); at = text.indexOf(report, at + 1)) {
      if (at + 1 < text.length && endings.includes(text[at + 1])) {
        first = at;
        break;
      }
    }
  }
  const limit = first < 0 ? text.length : first;
  for (let at = text.indexOf('日', from); at >= 0 && at < limit; at = text.indexOf('日', at + 1)) {
    AFTER_DAY.lastIndex = at + 1;
    if (AFTER_DAY.test(text)) return at;
  }
  return first;
}

/** The dateline at the start of one of the lead's first lines, if any. */
export function datelineIn(lead: string): Dateline | undefined {
  // Performance: a dateline ends in 电, 讯 or 报导; most leads have none, and lines before the next
  // such ending are passed over at once (a match in a line's window is a match in the lead).
  let ending = nextDatelineEnding(lead, 0);
  let lineStart = 0;
  while (lineStart < lead.length) {
    if (ending < lineStart) ending = nextDatelineEnding(lead, lineStart);
    if (ending < 0) return undefined;
    // The line holding the ending (no line before it can hold one).
    lineStart = Math.max(lineStart, lead.lastIndexOf('\n', ending) + 1);
    const newline = lead.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? lead.length : newline;
    const start = lineStart + LINE_LEAD.exec(lead.slice(lineStart, Math.min(lineEnd, lineStart + 64)))![0].length;
    // A dateline's ending sits within its first 48 characters; other lines are passed over at once.
    const window = start < lineEnd ? lead.slice(start, Math.min(lineEnd, start + 48)) : '';
    for (const [form, pattern] of DATELINE_ENDING.test(window) ? DATELINE_FORMS.entries() : []) {
      pattern.lastIndex = start;
      const match = pattern.exec(lead);
      if (!match || match.index + match[0].length > lineEnd) continue;
      const year = match[2] ? +match[2] : undefined;
      const month = match[3] ? +match[3] : undefined;
      const nameIndex = match.index + (form === 2 ? 0 : 1);
      return { index: match.index, length: match[0].length, nameIndex, name: match[1].trim(), bracketed: form < 2, year, month, day: +match[4] };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

export interface PartialDate {
  year: number;
  month: number;
  day?: number;
}

/**
 * A dateline's date made whole: a year and month it leaves out come from the reference (the
 * date of the source URL, the file name or an upload path); a day after the reference's day
 * belongs to the month before.
 */
export function resolveDateline(dateline: Pick<Dateline, 'year' | 'month' | 'day'>, reference: PartialDate | undefined): string | undefined {
  if (dateline.year !== undefined && dateline.month !== undefined) return isoDate(dateline.year, dateline.month, dateline.day);
  if (!reference) return undefined;
  let year = dateline.year ?? reference.year;
  let month = dateline.month ?? reference.month;
  if (dateline.month === undefined && reference.day !== undefined && dateline.day > reference.day + 1) month--;
  if (dateline.year === undefined && month > reference.month + 1) year--;
  if (month < 1) {
    month = 12;
    year--;
  }
  return isoDate(year, month, dateline.day);
}

/**
 * A date in a file name or a URL's path: `/2020/03/27/`, `2020-03-27-title.md`, `20221115.md`,
 * `/2020/03-27/`. Digits run into letters (`n14105166.htm`) or longer runs are no date.
 */
export function pathDate(text: string): { date: string; index: number; length: number } | undefined {
  // Some Chinese sites write the year in two digits after the script's folder: `/gb/20/6/28/n12345.htm`.
  const short = /\/(?:gb|b5|big5)\/(\d{2})\/(\d{1,2})\/(\d{1,2})\//i.exec(text);
  const shortDate = short && isoDate(2000 + +short[1], +short[2], +short[3]);
  if (short && shortDate) return { date: shortDate, index: short.index, length: short[0].length };
  const pattern = /(?<![0-9A-Za-z])((?:19|20)\d{2})(?:([-/_.])(0?[1-9]|1[0-2])[-/_.](0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?![0-9])/g;
  for (let match; (match = pattern.exec(text)); ) {
    const date = match[3] !== undefined ? isoDate(+match[1], +match[3], +match[4]) : isoDate(+match[1], +match[5], +match[6]);
    if (date) return { date, index: match.index, length: match[0].length };
  }
  return undefined;
}

/** The year and month of a WordPress-style upload path (`/uploads/2021/09/`, `/2021/09/`) in the body. */
export function uploadPathMonth(body: string): { year: number; month: number; index: number; length: number } | undefined {
  const match = /\/(20\d{2})\/(0[1-9]|1[0-2])\//.exec(body);
  return match ? { year: +match[1], month: +match[2], index: match.index, length: match[0].length } : undefined;
}
