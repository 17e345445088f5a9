/**
 * Evidence that a mention is a meeting of the catalogue, and which meetings it allows. It comes
 * from knowledge only: the meetings' principals named near the mention (by name, by pair word,
 * by office held at the meeting's date, by a visit to the other side), or the two leaders without
 * names (两国元首). Ministers, officials and other countries' leaders make a meeting someone else's.
 */
import type { Figure } from '../figures/types';
import type { Context, Evidence, FigureSpan, PartyHit, Principals, RawMention } from './context';
import { clauseBounds, sentenceBounds, spansWithin } from './spans';
import { idsOf } from './terms';
import type { Meeting } from './types';
import type { MeetingWords } from './words';

/** The parties a stretch of text names. */
export interface Parties {
  figureIds: Set<string>;
  pairs: string[][];
  roles: string[][];
  visits: Set<string>;
  /** 两国元首: both principals of any meeting. */
  leaders: boolean;
  /** Someone else's meeting: an other-party word, or a figure who is no principal and holds an office. */
  other: boolean;
  /** `meetingsNamed`'s answers, kept with the parties they are for. */
  named?: { 1?: Meeting[]; 2?: Meeting[] };
}

interface CataloguePrincipals {
  principals: Map<Meeting, Principals>;
  ids: Set<string>;
  /** Each principal's meetings. */
  meetingsOf: Map<string, Meeting[]>;
}

const principalsCache = new WeakMap<readonly Meeting[], CataloguePrincipals>();

/** Each meeting's principals with their roles at its date, built once per catalogue. */
export function principalsOf(meetings: readonly Meeting[], figure: (id: string) => Figure | undefined): CataloguePrincipals {
  const cached = principalsCache.get(meetings);
  if (cached) return cached;
  const principals = new Map<Meeting, Principals>();
  const ids = new Set<string>();
  const meetingsOf = new Map<string, Meeting[]>();
  for (const meeting of meetings) {
    // The first two participants are the principals; the rest are aides.
    const principalIds = meeting.participants.slice(0, 2);
    const found = principalIds.map(figure);
    const roleAtDate = (person: Figure | undefined) =>
      (person?.roles ?? []).filter((role) => (!role.from || role.from <= meeting.date) && (!role.to || role.to >= meeting.date)).map((role) => role.zh.toLowerCase());
    principals.set(meeting, { ids: principalIds, roles: found.map(roleAtDate), countries: found.map((person) => person?.country?.toUpperCase()) });
    for (const id of new Set(principalIds)) {
      ids.add(id);
      meetingsOf.set(id, [...(meetingsOf.get(id) ?? []), meeting]);
    }
  }
  const built = { principals, ids, meetingsOf };
  principalsCache.set(meetings, built);
  return built;
}

const otherPartyCache = new WeakMap<Figure, boolean>();

/** A figure who holds or held an office of another party (a minister, another country's president). */
function holdsOtherOffice(person: Figure, words: MeetingWords): boolean {
  let known = otherPartyCache.get(person);
  if (known === undefined) {
    known = person.roles.some((role) => words.otherPartyRoles.some((word) => role.zh.includes(word)));
    otherPartyCache.set(person, known);
  }
  return known;
}

/** The parties named in `[from, to)`. */
export function partiesIn(context: Context, from: number, to: number): Parties {
  const key = from * 0x4000000 + to;
  let found = context.partiesMemo.get(key);
  if (!found) context.partiesMemo.set(key, (found = partiesInRange(context, from, to)));
  return found;
}

function partiesInRange(context: Context, from: number, to: number): Parties {
  return partiesOf(context, spansWithin(context.figures, from, to).filter((f) => f.end <= to), spansWithin(context.parties, from, to).filter((p) => p.end <= to));
}

export function partiesOf(context: Context, figures: readonly FigureSpan[], parties: readonly PartyHit[]): Parties {
  const found: Parties = { figureIds: new Set(), pairs: [], roles: [], visits: new Set(), leaders: false, other: false };
  for (const { figureId } of figures) {
    if (found.figureIds.has(figureId)) continue;
    found.figureIds.add(figureId);
    if (!context.principalIds.has(figureId)) {
      const person = context.figure(figureId);
      if (person && holdsOtherOffice(person, context.words)) found.other = true;
    }
  }
  for (const { word } of parties) {
    if (word.kind === 'pair') found.pairs.push(word.participants);
    else if (word.kind === 'role') found.roles.push(word.roles);
    else if (word.kind === 'visit') found.visits.add(word.country);
    else if (word.kind === 'leaders') found.leaders = true;
    else found.other = true;
  }
  return found;
}

/** How many of a meeting's principals the parties name (0, 1 or 2). */
export function coverage(parties: Parties, principals: Principals): number {
  if (parties.leaders) return principals.ids.length;
  let covered = 0;
  principals.ids.forEach((id, index) => {
    if (
      parties.figureIds.has(id) ||
      parties.pairs.some((pair) => pair.includes(id)) ||
      parties.roles.some((roles) => roles.some((role) => principals.roles[index].some((held) => held.includes(role)))) ||
      (principals.countries[index] !== undefined && parties.visits.has(principals.countries[index]!))
    ) covered++;
  });
  return covered;
}

/** The meetings the parties name at least `least` principals of (all of them, if it has fewer), in date order. */
export function meetingsNamed(context: Context, parties: Parties, least: 1 | 2): Meeting[] {
  if (!namesAnyone(parties)) return [];
  if (parties.leaders) return context.byDate;
  const cached = parties.named?.[least];
  if (cached) return cached;
  const found = findMeetingsNamed(context, parties, least);
  (parties.named ??= {})[least] = found;
  return found;
}

function findMeetingsNamed(context: Context, parties: Parties, least: 1 | 2): Meeting[] {
  const enough = (meeting: Meeting, covered: number) => covered >= Math.min(least, context.principals.get(meeting)!.ids.length);
  if (parties.roles.length > 0 || parties.visits.size > 0) return context.byDate.filter((meeting) => enough(meeting, coverage(parties, context.principals.get(meeting)!)));
  // Names only: look the meetings up by principal rather than going over the catalogue.
  const named = [...parties.figureIds];
  for (const pair of parties.pairs) for (const id of pair) if (!named.includes(id)) named.push(id);
  const found = new Set<Meeting>();
  // A meeting two named principals share is in both their lists: the longest list need not be read.
  if (least === 2) {
    if (named.length < 2) return [];
    named.sort((a, b) => (context.meetingsOf.get(a)?.length ?? 0) - (context.meetingsOf.get(b)?.length ?? 0));
  }
  for (const id of least === 2 ? named.slice(0, -1) : named) {
    for (const meeting of context.meetingsOf.get(id) ?? []) {
      if (found.has(meeting)) continue;
      const ids = context.principals.get(meeting)!.ids;
      const covered = least === 1 ? 1 : ids.filter((other) => named.includes(other)).length;
      if (enough(meeting, covered)) found.add(meeting);
    }
  }
  return found.size === 0 ? [] : context.byDate.length <= found.size * 4 ? context.byDate.filter((meeting) => found.has(meeting)) : [...found].sort((a, b) => a.date.localeCompare(b.date));
}

function namesAnyone(parties: Parties): boolean {
  return parties.leaders || parties.figureIds.size > 0 || parties.pairs.length > 0 || parties.roles.length > 0 || parties.visits.size > 0;
}

/** The clause around a mention, up to its neighbouring mentions, so that 拜习会 in 王毅会晤，或为拜习会做准备 vouches only for itself. */
export function ownClause(context: Context, mention: RawMention): [number, number] {
  const [clauseStart, clauseEnd] = clauseBounds(context.lower, mention.start, mention.end);
  const index = context.rawIndex.get(mention) ?? -1;
  const previousEnd = index > 0 ? context.raw[index - 1].end : 0;
  const nextStart = index + 1 < context.raw.length ? context.raw[index + 1].start : context.lower.length;
  return [Math.max(clauseStart, previousEnd), Math.min(clauseEnd, nextStart)];
}

const evidenceCache = new WeakMap<RawMention, Evidence>();

export function evidenceFor(context: Context, mention: RawMention): Evidence {
  const cached = evidenceCache.get(mention);
  if (cached) return cached;
  const evidence = weighEvidence(context, mention);
  evidenceCache.set(mention, evidence);
  return evidence;
}

function weighEvidence(context: Context, mention: RawMention): Evidence {
  const evidence = weighParties(context, mention);
  // An alias standing alone (上海公报, 旧金山愿景) names its meetings whoever the article names.
  if (mention.alias && evidence.level !== 'none') {
    const ids = idsOf(mention.alias, 'alias');
    return { level: evidence.level, candidates: context.byDate.filter((meeting) => ids.has(meeting.id)) };
  }
  return evidence;
}

function weighParties(context: Context, mention: RawMention): Evidence {
  const none: Evidence = { level: 'none', candidates: [] };
  // A conversation told in the first person: the speaker and the principal named in the quote.
  if (mention.speaker) {
    const [clauseStart, clauseEnd] = ownClause(context, mention);
    const quoted = spansWithin(context.figures, clauseStart, clauseEnd).filter((figure) => figure.end <= clauseEnd);
    const named = meetingsNamed(context, partiesOf(context, [mention.speaker, ...quoted], []), 2);
    if (named.length > 0) return { level: 'strong', candidates: named };
  }
  // A pair word or the two leaders in the mention itself (拜习会, 两国元首会晤) vouch for it.
  // The two leaders without names count only outside a sentence about ministers (为两国元首会晤做准备).
  const [sentenceStart, sentenceEnd] = sentenceBounds(context.lower, mention.start, mention.end);
  const sentence = partiesIn(context, sentenceStart, sentenceEnd);
  if (context.words.selfEvident.test(context.lower.slice(mention.start, mention.end))) {
    const own = partiesIn(context, mention.start, mention.end);
    const named = own.pairs.length > 0 || !sentence.other ? meetingsNamed(context, own, 2) : [];
    if (named.length > 0) return { level: 'strong', candidates: named };
  }
  const clause = partiesIn(context, ...ownClause(context, mention));
  const clauseNamed = meetingsNamed(context, clause, 2);
  // A minister's talks or another leader's meeting, told in the same clause.
  if (clause.other && clauseNamed.length === 0) return none;
  const sentenceNamed = meetingsNamed(context, sentence, 2);
  if (sentenceNamed.length > 0) return { level: 'strong', candidates: sentenceNamed };
  if (context.articleMeetings.length === 0 || sentence.other) return none;
  // The article names two principals somewhere: a meeting of one named here, or else of those two. An office or a
  // visit alone (美国总统, 前往中国) names one side of every meeting, so only names count here.
  const partly = meetingsNamed(context, { ...sentence, roles: [], visits: new Set(), named: undefined }, 1);
  return { level: 'weak', candidates: partly.length > 0 ? partly : context.articleMeetings };
}
