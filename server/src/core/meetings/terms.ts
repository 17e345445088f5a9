/**
 * Catalogue terms: the place names, occasion names and aliases of every meeting in the
 * catalogue, found in an article by one sticky alternation tried only where a term may start.
 */
import { normalizeForMatching } from '../text/normalize';
import { PairFilter } from '../text/pairFilter';
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
  /** Sticky: tried only where a term may start (see findTerms). */
  regex: RegExp;
  /** The first character of every term, and the first two of every longer one. */
  starts: Uint8Array;
  openings: PairFilter;
  /** The first characters of one-character terms, which the pair filter cannot vouch for. */
  singles: Uint8Array;
  terms: Map<string, Term[]>;
  /** The alias terms: the only ones that make a mention without a meeting word. */
  aliases: string[];
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
  const escaped = [...terms.keys()].sort((a, b) => b.length - a.length).map((key) => {
    const body = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Latin names must be whole words; Chinese ones have no word boundaries to respect.
    return /^[a-z0-9 ]+$/.test(key) ? `(?<![a-z])${body}(?![a-z])` : body;
  });
  // Matched against lower-cased text, so no case-insensitive flag (which slows a long alternation).
  const regex = new RegExp(escaped.length ? escaped.join('|') : '(?!)', 'y');
  const starts = new Uint8Array(0x10000);
  const singles = new Uint8Array(0x10000);
  const openings = new PairFilter();
  for (const key of terms.keys()) {
    starts[key.charCodeAt(0)] = 1;
    if (key.length === 1) singles[key.charCodeAt(0)] = 1;
    else openings.add(key.charCodeAt(0), key.charCodeAt(1));
  }
  const aliases = [...terms].filter(([, list]) => list.some((term) => term.role === 'alias')).map(([key]) => key);
  const matcher = { regex, starts, openings, singles, terms, aliases };
  matchers.set(meetings, matcher);
  return matcher;
}

/**
 * The catalogue terms in `lower[from, to)`, leftmost first and never overlapping, as a global
 * scan with the alternation would find them. The alternation (a long one, with lookbehinds) is
 * tried only where a term's first two characters stand: a table lookup passes over everything else.
 */
export function findTerms(lower: string, matcher: CatalogueMatcher, from = 0, to = lower.length): TermHit[] {
  const hits: TermHit[] = [];
  const { regex, starts, openings, singles } = matcher;
  for (let i = from; i < to; i++) {
    const first = lower.charCodeAt(i);
    if (starts[first] === 0 || (singles[first] === 0 && !openings.mayHave(first, lower.charCodeAt(i + 1)))) continue;
    regex.lastIndex = i;
    const match = regex.exec(lower);
    if (!match) continue;
    const terms = matcher.terms.get(match[0]);
    if (terms) hits.push({ start: i, end: i + match[0].length, text: match[0], terms });
    i += match[0].length - 1;
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
