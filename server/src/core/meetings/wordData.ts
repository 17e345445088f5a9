/**
 * Reads the meeting linker's word tables (server/data/meeting-words.yaml). The build parses the
 * built-in file with this function and fails on any problem, so the linker never sees a bad table.
 */
import { isMap, parseDocument } from 'yaml';
import type { CatalogueProblem } from '../figures/types';
import type { MeetingKind } from './types';

export interface PairWords {
  words: string[];
  /** Figure ids of the two leaders the words stand for. */
  participants: string[];
}

export interface RoleWords {
  words: string[];
  /** Parts of figures' role names (`roles[].zh`) the words stand for. */
  roles: string[];
}

export interface MeetingWordData {
  meetingNouns: string[];
  modes: Partial<Record<MeetingKind, string[]>>;
  callNouns: string[];
  modeNouns: string[];
  /** Visit words by the country visited. */
  visits: Record<string, string[]>;
  pairs: PairWords[];
  leaderPairs: string[];
  leaderHeads: string[];
  roleWords: RoleWords[];
  otherParties: string[];
  otherPartyRoles: string[];
  multilateral: string[];
  notIn: string[];
  negations: string[];
  notNegations: string[];
  modalsBefore会谈: string[];
  pressAfter会见: string[];
  future: string[];
  past: string[];
  kindWords: Partial<Record<MeetingKind, string[]>>;
  loose: string[];
  notCalls: string[];
  intervalWords: string[];
  /** A conversation told without a meeting word (我和习近平讲了): the words before the leader … */
  conversationPartners: string[];
  /** … titles that may follow the leader's name … */
  conversationTitles: string[];
  /** … and the verbs of talking after them. */
  conversationVerbs: string[];
}

const LISTS = ['meetingNouns', 'callNouns', 'modeNouns', 'leaderPairs', 'leaderHeads', 'otherParties', 'otherPartyRoles', 'multilateral', 'notIn', 'negations', 'notNegations', 'modalsBefore会谈', 'pressAfter会见', 'future', 'past', 'loose', 'notCalls', 'intervalWords', 'conversationPartners', 'conversationTitles', 'conversationVerbs'] as const;
const KIND_MAPS = ['modes', 'kindWords'] as const;
const KINDS: readonly MeetingKind[] = ['in-person', 'video', 'call'];

export function parseMeetingWords(yamlText: string): { words: MeetingWordData; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const empty = (): MeetingWordData => ({
    meetingNouns: [], modes: {}, callNouns: [], modeNouns: [], visits: {}, pairs: [], leaderPairs: [], leaderHeads: [], roleWords: [], otherParties: [],
    otherPartyRoles: [], multilateral: [], notIn: [], negations: [], notNegations: [], modalsBefore会谈: [], pressAfter会见: [], future: [], past: [], kindWords: {}, loose: [], notCalls: [], intervalWords: [],
    conversationPartners: [], conversationTitles: [], conversationVerbs: [],
  });
  const words = empty();
  let plain: unknown;
  try {
    const document = parseDocument(yamlText, { prettyErrors: false });
    for (const error of document.errors) problems.push({ message: error.message.split('\n')[0] });
    if (!isMap(document.contents)) return { words, problems: [...problems, { message: 'The meeting word tables must be a mapping.' }] };
    plain = document.toJSON();
  } catch (error) {
    return { words, problems: [{ message: `Could not read the meeting word tables: ${String(error)}` }] };
  }
  const data = plain as Record<string, unknown>;
  const strings = (value: unknown, where: string): string[] => {
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || !entry.trim())) {
      problems.push({ message: `\`${where}\` must be a list of words.` });
      return [];
    }
    return value.map((entry: string) => entry.trim().toLowerCase());
  };
  const mapping = (value: unknown, where: string): Record<string, unknown> => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ message: `\`${where}\` must be a mapping.` });
      return {};
    }
    return value as Record<string, unknown>;
  };
  for (const key of LISTS) words[key] = strings(data[key], key);
  for (const key of KIND_MAPS) {
    for (const [kind, list] of Object.entries(mapping(data[key], key))) {
      if (!KINDS.includes(kind as MeetingKind)) problems.push({ message: `\`${key}.${kind}\` is not a meeting kind (${KINDS.join(', ')}).` });
      else words[key][kind as MeetingKind] = strings(list, `${key}.${kind}`);
    }
  }
  for (const [country, list] of Object.entries(mapping(data.visits, 'visits'))) words.visits[country] = strings(list, `visits.${country}`);
  const entries = (key: 'pairs' | 'roleWords', field: 'participants' | 'roles') => {
    const list = data[key];
    if (!Array.isArray(list)) {
      problems.push({ message: `\`${key}\` must be a list.` });
      return [];
    }
    return list.map((entry, index) => {
      const item = mapping(entry, `${key}[${index}]`);
      return { words: strings(item.words, `${key}[${index}].words`), [field]: strings(item[field], `${key}[${index}].${field}`) };
    });
  };
  words.pairs = entries('pairs', 'participants') as unknown as PairWords[];
  words.roleWords = entries('roleWords', 'roles') as unknown as RoleWords[];
  return { words, problems };
}
