/**
 * Resolution: from a mention's evidence and cues to the meetings it means, with the reason as
 * a cue string for the hover ("Resolved by"). A mention is left unlinked rather than guessed.
 */
import {
  COUNT_BACK_DAYS, CUE_NEAREST_DAYS, DATE_SLACK_DAYS, LATEST_BACK_DAYS, NEAR_ARTICLE_DAYS,
  type Context, type Cues, type Evidence, type RawMention, type Resolution,
} from './context';
import { cuesFor } from './cues';
import { dayOf, type DateExpression } from './dates';
import { meetingsNamed, partiesOf } from './evidence';
import { spansWithin } from './spans';
import { idsOf, type TermHit, type TermRole } from './terms';
import type { Meeting, MeetingKind } from './types';

/** Each meeting's local and Beijing day numbers, read once. */
const days = new WeakMap<Meeting, [number, number]>();
function daysOf(meeting: Meeting): [number, number] {
  let found = days.get(meeting);
  if (!found) days.set(meeting, (found = [dayOf(meeting.date)!, dayOf(meeting.beijingDate)!]));
  return found;
}
const localDay = (meeting: Meeting) => daysOf(meeting)[0];
const beijingDay = (meeting: Meeting) => daysOf(meeting)[1];

/** Meetings are announced at most this long before they take place; one later than this is not what an article means. */
const ANNOUNCED_AHEAD_DAYS = 400;
/** A planned visit that took place later than planned (明年4月访华, held in May) came at most this long after the month named. */
const POSTPONED_VISIT_DAYS = 120;

/** The candidates an article of its date can speak of: none held long after it was written. */
export function possibleAt(context: Context, candidates: Meeting[]): Meeting[] {
  const { article } = context;
  if (article === undefined) return candidates;
  const possible = candidates.filter((meeting) => Math.min(localDay(meeting), beijingDay(meeting)) <= article + ANNOUNCED_AHEAD_DAYS);
  return possible.length === candidates.length ? candidates : possible;
}

const namedPairsCache = new WeakMap<Context, Set<Meeting>>();

/** The meetings both of whose principals the article names by name or pair word (offices and visits name every era). */
function meetingsOfNamedPairs(context: Context): Set<Meeting> {
  let found = namedPairsCache.get(context);
  if (!found) {
    const parties = partiesOf(context, context.figures, context.parties.filter((party) => party.word.kind === 'pair'));
    namedPairsCache.set(context, (found = new Set(meetingsNamed(context, parties, 2))));
  }
  return found;
}

/** The country a mention says was visited (访华: CN, 对美国进行国事访问: US), if it is a visit. */
function visitedCountry(context: Context, mention: RawMention): string | undefined {
  for (const party of spansWithin(context.parties, mention.start, mention.end)) if (party.word.kind === 'visit' && party.end <= mention.end) return party.word.country;
  return undefined;
}

/** Outlets call the video call of March 2022 a 通话 too, so a call cue accepts video unless `strict`. */
export function kindFits(kind: MeetingKind | undefined, meeting: Meeting, strict = false): boolean {
  if (!kind) return true;
  if (kind === 'call') return meeting.kind === 'call' || (!strict && meeting.kind === 'video');
  return meeting.kind === kind;
}

export function tenseFits(context: Context, meeting: Meeting, tense: 'future' | 'past' | undefined): boolean {
  const { article } = context;
  if (article === undefined || !tense) return true;
  return tense === 'future' ? Math.max(localDay(meeting), beijingDay(meeting)) >= article - DATE_SLACK_DAYS : Math.min(localDay(meeting), beijingDay(meeting)) <= article + DATE_SLACK_DAYS;
}

/** The candidate nearest the article's date, within `window` days and fitting the tense. */
export function nearestMeeting(context: Context, candidates: readonly Meeting[], tense: 'future' | 'past' | undefined, window: number): Meeting | undefined {
  const { article } = context;
  if (article === undefined) return undefined;
  let best: Meeting | undefined;
  let bestGap = Infinity;
  for (const meeting of candidates) {
    if (!tenseFits(context, meeting, tense)) continue;
    const distance = Math.min(Math.abs(localDay(meeting) - article), Math.abs(beijingDay(meeting) - article));
    if (distance <= window && distance < bestGap) {
      best = meeting;
      bestGap = distance;
    }
  }
  return best;
}

function onDate(meeting: Meeting, date: DateExpression): boolean {
  return [localDay(meeting), beijingDay(meeting)].some((day) => day >= date.from! - DATE_SLACK_DAYS && day <= date.to! + DATE_SLACK_DAYS);
}

/**
 * Links a mention from its own cues, or returns undefined when it has none; `[]` means the cues
 * point elsewhere. A written date decides before a catalogue term: a term that fits none of
 * the dated meetings (二十国集团峰会 beside 2018年12月) is taken as naming the occasion loosely.
 */
export function resolveByCues(context: Context, cues: Cues, candidates: readonly Meeting[], main: Meeting | undefined, visit = false): Resolution | undefined {
  if (!cues.date && !cues.place && !cues.occasion && !cues.alias) return undefined;
  if (cues.date && cues.moreDates.length > 0) return resolveSeveralDates(context, cues, candidates);
  let chosen = candidates.slice();
  const reasons: string[] = [];
  const cueSpans: { start: number; end: number }[] = [];
  const narrowByTerm = (hit: TermHit | undefined, role: TermRole, loose: boolean) => {
    if (!hit) return;
    const ids = idsOf(hit, role);
    const named = chosen.filter((meeting) => ids.has(meeting.id));
    if (named.length === 0 && loose) return;
    chosen = named;
    reasons.push(`${role} ${hit.text}`);
    cueSpans.push(hit);
  };
  narrowByTerm(cues.alias, 'alias', !!cues.date);
  if (cues.date) {
    const date = cues.date;
    const beforeDate = chosen;
    chosen = chosen.filter((meeting) => onDate(meeting, date));
    // A visit planned for a month ahead (明年4月访华) that was postponed is the next one that took place.
    const postponed = chosen.length === 0 && visit ? postponedVisit(context, beforeDate, date) : undefined;
    if (postponed) chosen = [postponed];
    // A date around the article's own (今年) holds what the tense allows: 今年曾3次通电话 are the calls so far.
    const { article } = context;
    if (cues.tense && article !== undefined && date.from! <= article && date.to! >= article) {
      const tense = cues.tense;
      const fitting = chosen.filter((meeting) => tenseFits(context, meeting, tense));
      if (fitting.length > 0) chosen = fitting;
    }
    reasons.push(postponed ? `${date.gloss}, the visit held next` : date.gloss);
    cueSpans.push(date);
  }
  narrowByTerm(cues.place, 'place', !!cues.date);
  narrowByTerm(cues.occasion, 'occasion', !!cues.date);
  if (chosen.length === 0) return { meetings: [], cue: reasons.join(', ') };
  if (cues.kind) {
    const fitting = chosen.filter((meeting) => kindFits(cues.kind, meeting));
    if (fitting.length > 0) chosen = fitting;
  }
  if (chosen.length === 1 || (cues.count && cues.count === chosen.length)) return { meetings: chosen, cue: reasons.join(', '), cueSpans, dateCue: cues.date };
  if (main && chosen.includes(main)) return { meetings: [main], cue: [...reasons, "article's main meeting"].join(', '), cueSpans, dateCue: cues.date };
  // Among several fitting meetings the nearest in time wins; tense words are too loose to rule any out.
  const pick = nearestMeeting(context, chosen, undefined, CUE_NEAREST_DAYS);
  if (!pick) return { meetings: [], cue: reasons.join(', ') };
  return { meetings: [pick], cue: [...reasons, 'nearest to the article date'].join(', '), cueSpans, dateCue: cues.date };
}

/** The first in-person meeting held after a visit planned for `date`, when the plan lay ahead of the article. */
function postponedVisit(context: Context, candidates: readonly Meeting[], date: DateExpression): Meeting | undefined {
  const { article } = context;
  if (article === undefined || date.to! < article) return undefined;
  let first: Meeting | undefined;
  for (const meeting of candidates) {
    const day = localDay(meeting);
    if (meeting.kind !== 'in-person' || day < date.from! || day < article || day > date.to! + POSTPONED_VISIT_DAYS) continue;
    if (!first || day < localDay(first)) first = meeting;
  }
  return first;
}

/** 今年1月和6月各通过一次电话: one meeting of the kind for each date. */
function resolveSeveralDates(context: Context, cues: Cues, candidates: readonly Meeting[]): Resolution {
  const meetings: Meeting[] = [];
  const reasons: string[] = [];
  for (const date of [cues.date!, ...cues.moreDates].sort((a, b) => a.start - b.start)) {
    const dated = candidates.filter((meeting) => onDate(meeting, date) && kindFits(cues.kind, meeting));
    const pick = dated.length === 1 ? dated[0] : nearestMeeting(context, dated, undefined, CUE_NEAREST_DAYS);
    if (pick && !meetings.includes(pick)) {
      meetings.push(pick);
      reasons.push(date.gloss);
    }
  }
  return { meetings, cue: reasons.join(', ') };
}

/**
 * The n-th meeting of the pair the article's era is about, counted by the kind named (第三次通话)
 * or else in person: 第三次习拜会 in 2024 is Lima, after Bali and San Francisco.
 */
function nthMeeting(context: Context, candidates: readonly Meeting[], cues: Cues): Meeting | undefined {
  const kind = cues.kind ?? 'in-person';
  const nearest = nearestMeeting(context, candidates.filter((meeting) => kindFits(kind, meeting, true)), undefined, Infinity);
  if (!nearest || !cues.ordinal) return undefined;
  const principals = context.principals.get(nearest)!.ids.slice().sort().join(' ');
  const samePair = candidates.filter((meeting) => context.principals.get(meeting)!.ids.slice().sort().join(' ') === principals && kindFits(kind, meeting, true));
  const nth = samePair[cues.ordinal - 1];
  // The catalogue may hold only the landmark meetings of a pair: a count that reaches past the article is not this one.
  if (!nth || (context.article !== undefined && Math.min(localDay(nth), beijingDay(nth)) > context.article + NEAR_ARTICLE_DAYS)) return undefined;
  return nth;
}

/** The meeting about `days` before `meeting`, of a fitting kind (时隔半年再度通话 → the call half a year earlier). */
export function meetingBefore(context: Context, meeting: Meeting, days: number, candidates: readonly Meeting[], kind: MeetingKind | undefined): Meeting | undefined {
  const target = beijingDay(meeting) - days;
  const slack = Math.max(15, days * 0.25);
  let best: Meeting | undefined;
  for (const other of candidates) {
    if (other === meeting || beijingDay(other) >= beijingDay(meeting) || !kindFits(kind, other)) continue;
    const distance = Math.abs(beijingDay(other) - target);
    if (distance <= slack && (!best || distance < Math.abs(beijingDay(best) - target))) best = other;
  }
  return best;
}

export interface LinkedMention extends Resolution {
  /** 时隔半年再度通话: the earlier meeting the interval reaches back to, and where the interval is written. */
  earlier?: { meeting: Meeting; start: number; end: number; cue: string };
}

export function resolve(context: Context, mention: RawMention, evidence: Evidence, main: Meeting | undefined): LinkedMention | undefined {
  const cues = cuesFor(context, mention);
  let candidates = possibleAt(context, cues.notCall ? evidence.candidates.filter((meeting) => meeting.kind !== 'call') : evidence.candidates);
  // An alias several meetings share (庄园会晤) means the one of the pair the article names.
  const alias = mention.alias ?? cues.alias;
  if (alias) {
    const ids = idsOf(alias, 'alias');
    const aliased = candidates.filter((meeting) => ids.has(meeting.id));
    const pairs = aliased.length > 1 ? meetingsOfNamedPairs(context) : undefined;
    const unnamed = pairs ? aliased.filter((meeting) => !pairs.has(meeting)) : [];
    if (unnamed.length > 0 && unnamed.length < aliased.length) candidates = candidates.filter((meeting) => !unnamed.includes(meeting));
  }
  // A visit is a meeting held in the country visited (将于今年访华 in 2017 is Beijing, not Hamburg).
  const visited = visitedCountry(context, mention);
  if (visited) {
    const there = candidates.filter((meeting) => !meeting.country || meeting.country === visited);
    if (there.length > 0) candidates = there;
  }
  const resolution = resolveWithCues(context, mention, cues, { ...evidence, candidates }, main, visited !== undefined);
  if (!resolution || resolution.meetings.length !== 1 || !cues.interval) return resolution;
  const { interval } = cues;
  const earlier = meetingBefore(context, resolution.meetings[0], interval.days, evidence.candidates, cues.kind);
  return earlier ? { ...resolution, earlier: { meeting: earlier, start: interval.start, end: interval.end, cue: `${interval.text} → the ${cues.kind ?? 'meeting'} about ${interval.days} days before` } } : resolution;
}

function resolveWithCues(context: Context, mention: RawMention, cues: Cues, evidence: Evidence, main: Meeting | undefined, visit: boolean): Resolution | undefined {
  const { candidates } = evidence;
  const mainHere = main && candidates.includes(main) ? main : undefined;
  // Loose words (会见, 见面, 电话) with only article-level evidence follow the main meeting, never a cue.
  const written = context.normalized.slice(mention.start, mention.end);
  const loose = evidence.level === 'weak' && (context.words.loose.has(written) || /^通.*电话$/.test(written));
  const byCues = loose ? undefined : resolveByCues(context, cues, candidates, mainHere, visit);
  if (byCues) return byCues;
  const { article } = context;
  // Several calls at once (两次通电话): the most recent ones of that kind.
  if (cues.count && cues.count >= 2 && article !== undefined && evidence.level === 'strong') {
    const earlier = candidates.filter((meeting) => beijingDay(meeting) < article && beijingDay(meeting) >= article - COUNT_BACK_DAYS && kindFits(cues.kind, meeting, true));
    if (earlier.length >= cues.count) return { meetings: earlier.slice(-cues.count), cue: `${cues.count} most recent ${cues.kind ?? 'meeting'}s before the article` };
    return undefined;
  }
  if (cues.ordinal && cues.ordinal > 1 && evidence.level === 'strong') {
    const nth = nthMeeting(context, candidates, cues);
    if (nth) return { meetings: [nth], cue: `meeting number ${cues.ordinal} of the pair` };
  }
  if (mainHere && kindFits(cues.kind, mainHere) && tenseFits(context, mainHere, cues.tense)) return { meetings: [mainHere], cue: "article's main meeting" };
  if (evidence.level !== 'strong') return undefined;
  const fitting = candidates.filter((meeting) => kindFits(cues.kind, meeting, true));
  const near = nearestMeeting(context, fitting, cues.tense, NEAR_ARTICLE_DAYS) ?? nearestMeeting(context, candidates.filter((meeting) => kindFits(cues.kind, meeting)), cues.tense, NEAR_ARTICLE_DAYS);
  if (near) return { meetings: [near], cue: `nearest ${cues.kind ?? 'meeting'} to the article date` };
  // A past call with no date (之前拜习通话): the latest one before the article.
  if (cues.tense !== 'future' && (cues.kind || cues.tense === 'past') && article !== undefined) {
    const earlier = fitting.filter((meeting) => beijingDay(meeting) < article && beijingDay(meeting) >= article - LATEST_BACK_DAYS);
    if (earlier.length > 0) return { meetings: [earlier[earlier.length - 1]], cue: `latest ${cues.kind ?? 'meeting'} before the article` };
  }
  return undefined;
}
