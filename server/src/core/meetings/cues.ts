/**
 * The cues in reach of a mention that say which meeting it is: dates, places, occasions and
 * aliases from the catalogue, the kind of meeting, tense, counts, ordinals and intervals.
 */
import type { Context, Cues, RawMention } from './context';
import type { DateExpression } from './dates';
import { clauseBounds, MAX_TERM_LENGTH, nearestTo, sentenceBounds, spansWithin } from './spans';
import { hasRole } from './terms';
import type { MeetingKind } from './types';
import type { MeetingWords } from './words';

const CN_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半: 0.5 };
const DAYS_PER_UNIT: Record<string, number> = { 年: 365, 个月: 30.4, 个多月: 30.4, 多个月: 30.4, 周: 7, 个星期: 7, 星期: 7, 天: 1 };
/** An interval longer than this (a year or more) names no one meeting. */
const MAX_INTERVAL_DAYS = 300;
/** Words that join two dates naming two meetings (1月和6月). */
const DATE_JOINER = /^(?:和|与|及|以及|、|,|，|或)$/;

/** 一, 十二, 两, 7: a small number as written, or undefined. */
export function smallNumber(written: string): number | undefined {
  if (/^\d+$/.test(written)) return +written;
  if (written.length === 1) return CN_NUMBERS[written];
  const tens = written.indexOf('十');
  if (tens < 0) return undefined;
  const high = tens === 0 ? 1 : CN_NUMBERS[written.slice(0, tens)];
  const low = tens === written.length - 1 ? 0 : CN_NUMBERS[written.slice(tens + 1)];
  return high === undefined || low === undefined ? undefined : high * 10 + low;
}

export function tenseOf(words: MeetingWords, clause: string): 'future' | 'past' | undefined {
  const future = words.future.test(clause);
  const past = words.past.test(clause);
  return future && !past ? 'future' : past && !future ? 'past' : undefined;
}

/** The kind of meeting the word itself tells, else its clause. */
export function kindOf(words: MeetingWords, mentionText: string, clause: string): MeetingKind | undefined {
  for (const [kind, pattern] of words.wordKinds) if (pattern.test(mentionText)) return kind;
  for (const [kind, pattern] of words.kinds) if (pattern.test(clause)) return kind;
  return undefined;
}

/** The cues in reach of a mention: its clause, else its sentence, never past a neighbouring mention. */
export function cuesFor(context: Context, mention: RawMention): Cues {
  const { normalized, raw, words } = context;
  const index = context.rawIndex.get(mention) ?? -1;
  const previousEnd = index > 0 ? raw[index - 1].end : 0;
  const nextStart = index + 1 < raw.length ? raw[index + 1].start : normalized.length;
  const clip = ([from, to]: [number, number]): [number, number] => [Math.max(from, previousEnd), Math.min(to, nextStart)];
  const clause = clip(clauseBounds(normalized, mention.start, mention.end));
  const sentence = clip(sentenceBounds(normalized, mention.start, mention.end));
  const clauseText = normalized.slice(...clause);
  const mentionText = normalized.slice(mention.start, mention.end);
  const kind = kindOf(words, mentionText, mention.kindFrom === undefined ? clauseText : normalized.slice(Math.max(clause[0], mention.kindFrom), clause[1]));
  const cues: Cues = { moreDates: [], kind, notCall: kind !== 'call' && words.notCalls.test(mentionText), tense: tenseOf(words, clauseText) };
  const upToMention = normalized.slice(clause[0], mention.end);
  const count = /(?<!第)([两二三四五六七八九\d])次/.exec(upToMention);
  if (count) cues.count = smallNumber(count[1]);
  // 第三次习拜会, 习拜第三次会晤; not 自春节以来的首次通话, which is the latest, not the first ever.
  const ordinal = /第([一二三四五六七八九十\d]+)次|首次/.exec(normalized.slice(Math.max(clause[0], mention.start - 6), mention.end));
  if (ordinal && !/以来|来/.test(normalized.slice(clause[0], mention.start))) cues.ordinal = ordinal[1] ? smallNumber(ordinal[1]) : 1;
  const interval = words.interval.exec(normalized.slice(Math.max(clause[0], mention.start - 16), mention.start));
  if (interval && /^(?:时隔|事隔|相隔|间隔|阔别)|来|后/.test(interval[0])) {
    const amount = smallNumber(interval[1]);
    const unit = DAYS_PER_UNIT[interval[2]];
    // Years are too coarse to tell one meeting from the next (时隔6年再次访美).
    if (amount !== undefined && unit !== undefined && amount * unit <= MAX_INTERVAL_DAYS) {
      const start = mention.start - interval[0].length;
      cues.interval = { days: Math.round(amount * unit), start, end: mention.start, text: interval[0] };
    }
  }
  // A meeting word inside an alias (旧金山会晤), or an alias inside a meeting word (两位领导人的虚拟会晤), is the cue.
  cues.alias = mention.alias ?? spansWithin(context.termHits, mention.start - MAX_TERM_LENGTH, mention.end).find((hit) => hit.end > mention.start && hasRole(hit, 'alias'));
  for (const [from, to] of [clause, sentence]) {
    const within = <T extends { start: number; end: number }>(list: T[]) =>
      spansWithin(list, from, to).filter((item) => item.end <= to && (item.end <= mention.start || item.start >= mention.end));
    // Past the mention, a date or place in a later clause usually belongs to some other event.
    const inOwnClause = from === clause[0] && to === clause[1];
    const dates = within(context.dates).filter((date) => (date.end <= mention.start || inOwnClause) && usableDate(context, date, mention));
    const hits = within(context.termHits).filter((hit) => hit.end <= mention.start || inOwnClause);
    if (!cues.date) {
      // News writes an event's date before it (1997年10月江泽民访美和1998年6月克林顿回访): a date ahead of the mention is taken only when none is behind it.
      const before = dates.filter((date) => date.end <= mention.start);
      const behind = nearestTo(before, mention);
      // Unless one after it narrows it down (今年首次通话是在1月17日).
      const narrower = behind && dates.find((date) => date.start >= mention.end && date.from! >= behind.from! && date.to! <= behind.to! && date.to! - date.from! < behind.to! - behind.from!);
      cues.date = narrower ?? behind ?? nearestTo(dates, mention);
      if (cues.date) cues.moreDates = joinedDates(normalized, dates, cues.date);
    }
    // A clause with a place but no date reads on to its sentence for the date (2018年12月，两国元首在…共进晚餐),
    // but not for more terms.
    if (!cues.place && !cues.occasion) {
      cues.place = nearestTo(hits.filter((hit) => hasRole(hit, 'place')), mention);
      cues.occasion = nearestTo(hits.filter((hit) => hasRole(hit, 'occasion')), mention);
    }
    cues.alias ??= nearestTo(hits.filter((hit) => hasRole(hit, 'alias')), mention);
    if (cues.date) break;
  }
  return cues;
}

/** The dates joined to `date` by 和, 与, 、 (今年1月和6月): each names a meeting of its own. */
function joinedDates(normalized: string, dates: DateExpression[], date: DateExpression): DateExpression[] {
  const joined: DateExpression[] = [];
  const at = dates.indexOf(date);
  for (let i = at - 1, next = date; i >= 0; next = dates[i], i--) {
    if (!DATE_JOINER.test(normalized.slice(dates[i].end, next.start))) break;
    joined.push(dates[i]);
  }
  for (let i = at + 1, previous = date; i < dates.length; previous = dates[i], i++) {
    if (!DATE_JOINER.test(normalized.slice(previous.end, dates[i].start))) break;
    joined.push(dates[i]);
  }
  return joined;
}

/** Whether a date in reach can date this mention at all. */
function usableDate(context: Context, date: DateExpression, mention: RawMention): boolean {
  const { normalized } = context;
  if (date.from === undefined) return false;
  // A date that opens a 自…以来 phrase dates some other event (自今年2月气球事件以来, 今年1月重返白宫后首次会谈).
  if (!date.since && date.end <= mention.start && /以来|后[,，]?(?:的)?(?:首次|第一次|再次|再度)/.test(normalized.slice(date.end, mention.start))) return false;
  // 十月一日起: the start of something else.
  if (/^(?:起|开始)/.test(normalized.slice(date.end, date.end + 2))) return false;
  // A date opening the title is the outlet's stamp (2021.11.23 拜登和习近平电话会谈摘要).
  if (date.start <= context.titleStart + 1 && date.start >= context.titleStart && context.titleStart >= 0) return false;
  // A bare year mostly dates something else (2024年总统大选); it counts only right before the mention, the names of
  // those who met aside (1979年邓小平同志访美, 奥巴马2014年也曾在蓬莱阁与习近平共进晚餐), or right after it (访问美国是在2023年).
  if (date.to! - date.from! >= 364 && !date.since && !/年(?:之)?前$/.test(normalized.slice(date.start, date.end))) {
    if (date.end <= mention.start) {
      return !/[,，;；:：]/.test(normalized.slice(date.end, mention.start)) && mention.start - date.end - namedLength(context, date.end, mention.start) <= BARE_YEAR_REACH;
    }
    return date.start >= mention.end && date.start - mention.end <= BARE_YEAR_AFTER;
  }
  return true;
}

/** How far a bare year may stand before the mention it dates, not counting names, and after it. */
const BARE_YEAR_REACH = 10;
const BARE_YEAR_AFTER = 3;

/** The characters of figure names in `[from, to)`. */
function namedLength(context: Context, from: number, to: number): number {
  let length = 0;
  for (const figure of spansWithin(context.figures, from, to)) if (figure.end <= to) length += figure.end - figure.start;
  return length;
}
