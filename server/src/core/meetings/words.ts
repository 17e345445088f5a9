/**
 * The meeting linker's word tables (server/data/meeting-words.yaml, parsed at build time),
 * compiled once into the patterns the linker runs. The grammar of a meeting word lives here;
 * every word it is made of comes from the data.
 */
import builtinMeetingWords from '../../../data/meeting-words.yaml';
import { normalizeForMatching } from '../text/normalize';
import type { MeetingKind } from './types';
import type { MeetingWordData } from './wordData';
import { literalScanner, patternScanner, type WordScanner } from './spans';
import { WordList } from '../text/wordList';

/** What a party word says about who met. */
export type PartyWord =
  | { kind: 'pair'; participants: string[] }
  | { kind: 'leaders' }
  | { kind: 'role'; roles: string[] }
  | { kind: 'visit'; country: string }
  | { kind: 'other' };

export interface MeetingWords {
  /** Meeting words; run over normalised text. */
  mention: WordScanner;
  /** Party words (pair, leaders, roles, visits, other parties); run over lower-cased normalised text. */
  party: WordScanner;
  partyWords: Map<string, PartyWord>;
  /** Pair and leader words that make a mention vouch for itself (拜习会, 两国元首会晤). */
  selfEvident: RegExp;
  /** Matches the end of the text before 峰会 or 领导人 when they belong to a multilateral summit. */
  multilateralBefore: RegExp;
  /** A denial a few characters before a meeting word, in its clause (没跟他通电话). */
  negationBefore: RegExp;
  modalBefore会谈: RegExp;
  pressAfter会见: RegExp;
  /** For a meeting word, the longer words holding it and where it sits in them (会面 in 会面临). */
  notIn: Map<string, Array<{ word: string; offset: number }>>;
  future: RegExp;
  past: RegExp;
  kinds: Array<[MeetingKind, RegExp]>;
  /** The kind a meeting word itself tells (视频会晤, 通电话, 访华). */
  wordKinds: Array<[MeetingKind, RegExp]>;
  loose: Set<string>;
  /** Meeting words that never name a phone call unless they say so. */
  notCalls: RegExp;
  /** An interval before a meeting word (时隔半年再度, 7个月来首), with the number and unit as groups. */
  interval: RegExp;
  otherPartyRoles: string[];
  /** A conversation told without a meeting word (我和习近平讲了): see conversations.ts. */
  conversationPartners: Set<string>;
  conversationTitles: WordList;
  conversationVerbs: WordList;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of words, longest first so that the longest word wins. */
const anyOf = (words: Iterable<string>) => {
  const list = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length).map(escape);
  return list.length > 0 ? `(?:${list.join('|')})` : '(?!)';
};
const COUNT = '[一两二三四五六七八九十\\d]+';
const NUMBER = '\\d{1,2}|[一两二三四五六七八九十半]{1,3}';

/** The first two characters of the words, a one-character word taking the first character of each follower. */
function openings(words: readonly string[], followers: readonly string[]): string[] {
  return words.flatMap((word) => (word.length >= 2 ? [word.slice(0, 2)] : followers.map((follower) => word + follower[0])));
}

export function compileMeetingWords(data: MeetingWordData): MeetingWords {
  const norm = (list: readonly string[]) => list.map((word) => normalizeForMatching(word).toLowerCase());
  const nouns = norm(data.meetingNouns);
  const allModes = norm(Object.values(data.modes).flat());
  const callModes = norm(data.modes.call ?? []);
  const pairWords = norm(data.pairs.flatMap((pair) => pair.words));
  const leaderPairs = norm(data.leaderPairs);
  const visitWords = norm(Object.values(data.visits).flat());
  const mention = patternScanner(
    [
      `${anyOf(pairWords)}(?:二次|首次|第${COUNT}次)?${anyOf(allModes)}?(?:${anyOf(nouns)}|通电话|会)`,
      `${anyOf(leaderPairs)}(?:之间)?(?:的)?${anyOf(allModes)}?(?:${anyOf(nouns)}|通电话)`,
      `${anyOf(norm(data.leaderHeads))}${anyOf(allModes)}?${anyOf(nouns)}`,
      `${anyOf(allModes)}${anyOf([...nouns, ...norm(data.modeNouns)])}`,
      `${anyOf(callModes)}${anyOf(norm(data.callNouns))}`,
      // 通过电话 alone is "by phone"; with a count (通过两次电话) it is a number of calls.
      `通(?:了)?(?:${COUNT}次|个)?电话`,
      `通过${COUNT}次电话`,
      anyOf(visitWords),
      anyOf(nouns),
    ].join('|'),
    // Each branch opens with one of these words; a one-character way of meeting (云) is followed by a noun.
    [
      ...openings([...pairWords, ...leaderPairs, ...norm(data.leaderHeads), ...callModes, ...visitWords, ...nouns], []),
      ...openings(allModes, [...nouns, ...norm(data.modeNouns)]),
      ...'了过电个一两二三四五六七八九十0123456789'.split('').map((second) => `通${second}`),
    ],
  );
  const partyWords = new Map<string, PartyWord>();
  const addParty = (words: readonly string[], word: PartyWord) => {
    for (const written of norm(words)) if (!partyWords.has(written)) partyWords.set(written, word);
  };
  for (const pair of data.pairs) addParty(pair.words, { kind: 'pair', participants: pair.participants });
  addParty(data.leaderPairs, { kind: 'leaders' });
  for (const role of data.roleWords) addParty(role.words, { kind: 'role', roles: role.roles });
  for (const [country, words] of Object.entries(data.visits)) addParty(words, { kind: 'visit', country: country.toUpperCase() });
  addParty(data.otherParties, { kind: 'other' });
  const notIn = new Map<string, Array<{ word: string; offset: number }>>();
  for (const longer of norm(data.notIn)) {
    for (const word of nouns) {
      const offset = longer.indexOf(word);
      if (offset >= 0) notIn.set(word, [...(notIn.get(word) ?? []), { word: longer, offset }]);
    }
  }
  const kindPattern = (list: readonly string[] | undefined) => new RegExp(anyOf(norm(list ?? [])));
  const kinds: Array<[MeetingKind, RegExp]> = (['video', 'call', 'in-person'] as const).map((kind) => [kind, kindPattern(data.kindWords[kind])]);
  const wordKinds: Array<[MeetingKind, RegExp]> = [
    ['video', kindPattern(data.modes.video)],
    ['call', new RegExp(`${anyOf(callModes)}|通话`)],
    ['in-person', new RegExp(`${anyOf(visitWords)}|会面|见面`)],
  ];
  return {
    mention,
    party: literalScanner([...partyWords.keys()].filter((word) => word.length >= 2)),
    partyWords,
    selfEvident: new RegExp(anyOf([...pairWords, ...leaderPairs])),
    multilateralBefore: new RegExp(`${anyOf(norm(data.multilateral))}(?:工商)?(?:领导人|非正式)?(?:第${COUNT}(?:次|届))?$`),
    negationBefore: new RegExp(`(?!${anyOf(norm(data.notNegations))})${anyOf(norm(data.negations))}[^,，。;；:：!！?？\\n]{0,6}$`),
    modalBefore会谈: new RegExp(`${anyOf(norm(data.modalsBefore会谈))}$`),
    pressAfter会见: new RegExp(`^${anyOf(norm(data.pressAfter会见))}`),
    notIn,
    future: kindPattern(data.future),
    past: kindPattern(data.past),
    kinds,
    wordKinds,
    loose: new Set(norm(data.loose)),
    notCalls: kindPattern(data.notCalls),
    interval: new RegExp(`(?:${anyOf(norm(data.intervalWords))})?(${NUMBER})\\s*(年|个月|个多月|多个月|周|个星期|星期|天)(?:多)?(?:来|以来|后|之后)?(?:的)?(?:再度|再次|又|首次|首|第一次)?$`),
    otherPartyRoles: norm(data.otherPartyRoles),
    conversationPartners: new Set(norm(data.conversationPartners)),
    conversationTitles: new WordList(norm(data.conversationTitles)),
    conversationVerbs: new WordList(norm(data.conversationVerbs)),
  };
}

/** The built-in tables, compiled on first use. */
let builtin: MeetingWords | undefined;
export function meetingWords(): MeetingWords {
  return (builtin ??= compileMeetingWords(builtinMeetingWords.words));
}
