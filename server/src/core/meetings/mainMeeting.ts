/**
 * The article's main meeting: the one its title and lead are about. Mentions with no cue of
 * their own follow it.
 */
import { LEAD_NEAR_DAYS, NEAR_ARTICLE_DAYS, TITLE_NEAR_DAYS, type Context } from './context';
import { cuesFor } from './cues';
import { evidenceFor, meetingsNamed, partiesIn } from './evidence';
import { kindFits, nearestMeeting, possibleAt, resolveByCues } from './resolve';
import { SENTENCE_END, sentenceBounds } from './spans';
import type { Meeting, MeetingKind } from './types';

/** A lead this short (without spaces) is read on for a few more sentences: it is often a caption or a dateline. */
const SHORT_LEAD = 100;
const MAX_LEAD_SENTENCES = 5;

/** Where the title and lead end: the title plus the first sentence of the body after it. */
export function leadEnd(normalized: string, titleStart: number, title: string | undefined): number {
  // Article text opens with the title line; fall back to that line when the title is not found verbatim.
  let at = titleStart >= 0 && title ? titleStart + title.length : Math.max(0, normalized.indexOf('\n'));
  const bodyStart = at;
  for (let sentence = 0; sentence < MAX_LEAD_SENTENCES && (sentence < 2 || normalized.slice(bodyStart, at).replace(/\s+/g, '').length < SHORT_LEAD); sentence++) {
    while (at < normalized.length && (/\s/.test(normalized[at]) || SENTENCE_END.has(normalized[at]))) at++;
    at = sentenceBounds(normalized, at, at)[1];
  }
  return Math.min(normalized.length, at);
}

/**
 * The catalogue meeting the title or lead is about: one its cues name, or else the one
 * nearest the article's date, when the title or lead speaks of a meeting.
 */
export function mainMeeting(context: Context, leadEnd: number): Meeting | undefined {
  const votes = new Map<Meeting, number>();
  let speaksOf: Meeting[] | undefined;
  let kind: MeetingKind | undefined;
  let tense: 'future' | 'past' | undefined;
  for (const mention of context.raw) {
    if (mention.start >= leadEnd) break;
    const evidence = evidenceFor(context, mention);
    if (evidence.level !== 'strong') continue;
    const cues = cuesFor(context, mention);
    const resolved = resolveByCues(context, cues, possibleAt(context, evidence.candidates), undefined);
    if (resolved) {
      for (const meeting of resolved.meetings) votes.set(meeting, (votes.get(meeting) ?? 0) + 1);
    } else {
      speaksOf ??= cues.notCall ? evidence.candidates.filter((meeting) => meeting.kind !== 'call') : evidence.candidates;
      kind ??= cues.kind;
      tense ??= cues.tense;
    }
  }
  // The lead may recall an earlier meeting (a photo caption); the article is about the one nearest its date.
  if (votes.size > 0) {
    const voted = [...votes.keys()];
    return nearestMeeting(context, voted, undefined, Infinity) ?? [...votes].sort((a, b) => b[1] - a[1])[0][0];
  }
  if (speaksOf) {
    const fitting = speaksOf.filter((meeting) => kindFits(kind, meeting));
    return nearestMeeting(context, fitting, tense, NEAR_ARTICLE_DAYS) ?? nearestMeeting(context, speaksOf, tense, LEAD_NEAR_DAYS);
  }
  // A title naming two leaders (習近平拜登再度交鋒) is about their meeting if one is close.
  const named = meetingsNamed(context, partiesIn(context, 0, leadEnd), 2);
  return nearestMeeting(context, named, undefined, TITLE_NEAR_DAYS);
}
