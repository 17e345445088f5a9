/**
 * Catalogue terms: the place names, occasion names and aliases of every meeting in the
 * catalogue, found in an article by a word list tried only where a term may start.
 */
import { normalizeForMatching } from '../text/normalize';
import { LiteralWords } from './spans';
import type { Meeting } from './types';

export type TermRole = 'place' | 'occasion' | 'alias';

export interface Term {
  meetingIds: Set<string>;
  role: TermRole;
}

export interface TermHit {
  start: number;
  end: number;
  text: string;
  terms: Term[];
}

export interface CatalogueMatcher {
  /** Every term, as written in lower-cased matching text. */
  words: LiteralWords;
  terms: Map<string, Term[]>;
  /** The alias terms (the only ones that make a mention without a meeting word), as written in lower-cased matching text. */
  aliasWords: LiteralWords;
}

// Built once per catalogue, not per article.
const matchers = new WeakMap<readonly Meeting[], CatalogueMatcher>();

export function catalogueMatcher(meetings: readonly Meeting[]): CatalogueMatcher {
  const cached = matchers.get(meetings);
  if (cached) return cached;
  const terms = new Map<string, Term[]>();
  const add = (name: string, id: string, role: TermRole) => {
    const key = normalizeForMatching(name).toLowerCase();
    // Terms are found line by line (see findTerms), so a name must be one line.
    if (!key || /[\r\n]/.test(key)) return;
    const list = terms.get(key) ?? [];
    let term = list.find((t) => t.role === role);
    if (!term) list.push((term = { meetingIds: new Set(), role }));
    term.meetingIds.add(id);
    terms.set(key, list);
  };
  for (const meeting of meetings) {
    for (const name of meeting.placeNames) add(name, meeting.id, 'place');
    for (const name of meeting.occasionNames) add(name, meeting.id, 'occasion');
    for (const name of meeting.aliases) add(name, meeting.id, 'alias');
  }
  // Latin names must be whole words; Chinese ones have no word boundaries to respect.
  const wholeWord = (key: string) => /^[a-z0-9 ]+$/.test(key);
  const words = new LiteralWords(terms.keys(), wholeWord);
  const aliases = [...terms].filter(([, list]) => list.some((term) => term.role === 'alias')).map(([key]) => key);
  const matcher = { words, terms, aliasWords: new LiteralWords(aliases, wholeWord) };
  matchers.set(meetings, matcher);
  return matcher;
}

/** The catalogue terms in `lower[from, to)`, leftmost first and never overlapping, the longest one where several start. */
export function findTerms(lower: string, matcher: CatalogueMatcher, from = 0, to = lower.length): TermHit[] {
  const hits: TermHit[] = [];
  const { words } = matcher;
  for (let i = from; i < to; i++) {
    if (!words.mayStartWith(lower.charCodeAt(i))) continue;
    const word = words.longestAt(lower, i);
    if (word === undefined) continue;
    hits.push({ start: i, end: i + word.length, text: word, terms: matcher.terms.get(word)! });
    i += word.length - 1;
  }
  return hits;
}

export function hasRole(hit: TermHit, role: TermRole): boolean {
  return hit.terms.some((term) => term.role === role);
}

/** The meetings a term names in the given role. */
export function idsOf(hit: TermHit, role: TermRole): Set<string> {
  const ids = new Set<string>();
  for (const term of hit.terms) if (term.role === role) for (const id of term.meetingIds) ids.add(id);
  return ids;
}
