/**
 * Raw mentions: the meeting words the words around them do not rule out (会面 in 会面临, 峰会
 * after 二十国集团领导人, 也会谈到, 会见记者), and catalogue aliases standing alone (旧金山愿景).
 */
import type { RawMention } from './context';
import { MAX_TERM_LENGTH, spansWithin, type Span } from './spans';
import { hasRole, type TermHit } from './terms';
import type { MeetingWords } from './words';

/** How much text before a meeting word the multilateral and modal checks read. */
const LOOK_BEHIND = 12;

export function findMentions(normalized: string, words: MeetingWords, meetingWordSpans: readonly Span[], termHits: readonly TermHit[]): RawMention[] {
  const mentions: RawMention[] = [];
  for (const { start, end } of meetingWordSpans) {
    const word = normalized.slice(start, end);
    if (insideLongerWord(normalized, words, word, start)) continue;
    const before = normalized.slice(Math.max(0, start - LOOK_BEHIND), start).toLowerCase();
    if (/^(?:峰会|高峰会|领导人|元首)/.test(word) && words.multilateralBefore.test(before)) continue;
    if (word === '会谈' && words.modalBefore会谈.test(before)) continue;
    // A meeting denied did not happen (无与习近平通话的计划).
    if (words.negationBefore.test(before)) continue;
    if (word === '会见' && words.pressAfter会见.test(normalized.slice(end, end + 2))) continue;
    mentions.push({ start, end });
  }
  // Aliases that name a meeting or its outcome without a meeting word (旧金山愿景).
  const wordMentions = mentions.slice();
  for (const hit of termHits) {
    if (!hasRole(hit, 'alias')) continue;
    if (spansWithin(wordMentions, hit.start - MAX_TERM_LENGTH, hit.end).some((m) => m.start < hit.end && hit.start < m.end)) continue;
    mentions.push({ start: hit.start, end: hit.end, alias: hit });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** Whether the meeting word at `start` is part of a longer word that means something else (会面临). */
function insideLongerWord(normalized: string, words: MeetingWords, word: string, start: number): boolean {
  const longer = words.notIn.get(word);
  return !!longer && longer.some(({ word: other, offset }) => start >= offset && normalized.startsWith(other, start - offset));
}
