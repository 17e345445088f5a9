/**
 * What the meeting linker knows about one article while it links: the text, the catalogue in
 * date order, the dates, terms, party words and figures found in it, and the raw mentions.
 * Also the day windows every step measures time with.
 */
import type { Figure } from '../figures/types';
import type { DateExpression, Day } from './dates';
import type { TermHit } from './terms';
import type { Parties } from './evidence';
import type { MeetingWords, PartyWord } from './words';
import type { Meeting, MeetingKind } from './types';

/** A meeting's local and Beijing dates may differ by a day; a date cue is that lenient. */
export const DATE_SLACK_DAYS = 1;
/** A mention with no cue of its own means the meeting of its kind this close to the article's date. */
export const NEAR_ARTICLE_DAYS = 30;
/** A lead that speaks of a meeting without saying which is about one at most this far from the article's date. */
export const LEAD_NEAR_DAYS = 21;
/** A title naming two leaders is about their meeting only if one is this close to the article's date. */
export const TITLE_NEAR_DAYS = 10;
/** Among several meetings a cue fits, the one nearest the article's date wins if it is this close. */
export const CUE_NEAREST_DAYS = 400;
/** A count of calls (两次通话) counts back this far from the article's date. */
export const COUNT_BACK_DAYS = 400;
/** A past mention with no date (之前通话) means the latest meeting of its kind this far back. */
export const LATEST_BACK_DAYS = 200;

export interface RawMention {
  start: number;
  end: number;
  /** From a catalogue alias rather than a meeting word. */
  alias?: TermHit;
  /** A conversation a principal tells in the first person (拜登说：「我和习近平讲了」): who speaks. */
  speaker?: FigureSpan;
  /**
   * Where the words telling the mention's kind may start, when not at its clause's start: in 我亲自和
   * 习近平讲了, 亲自 says "myself", not "in person".
   */
  kindFrom?: number;
}

export interface PartyHit {
  start: number;
  end: number;
  word: PartyWord;
}

/** A figure mention, as the figure recogniser found it. */
export interface FigureSpan {
  figureId: string;
  start: number;
  end: number;
}

/** A meeting's two principals (its first two participants) and what each was at the meeting's date. */
export interface Principals {
  ids: string[];
  /** Each principal's role names at the meeting's date. */
  roles: string[][];
  countries: Array<string | undefined>;
}

export interface Context {
  normalized: string;
  lower: string;
  words: MeetingWords;
  article?: Day;
  byDate: Meeting[];
  principals: Map<Meeting, Principals>;
  /** Figures that are some meeting's principal. */
  principalIds: Set<string>;
  /** Each principal's meetings. */
  meetingsOf: Map<string, Meeting[]>;
  /** The parties named in a range, by `from * 2^26 + to`: a sentence's are asked for once per mention in it. */
  partiesMemo: Map<number, Parties>;
  figure: (id: string) => Figure | undefined;
  dates: DateExpression[];
  termHits: TermHit[];
  parties: PartyHit[];
  figures: FigureSpan[];
  raw: RawMention[];
  /** Each raw mention's position in `raw`, so neighbours are found without a scan. */
  rawIndex: Map<RawMention, number>;
  /** The meetings the whole article names two principals of. */
  articleMeetings: Meeting[];
  /** Where the title starts in the text, or -1. */
  titleStart: number;
}

export interface Evidence {
  level: 'strong' | 'weak' | 'none';
  /** The meetings the evidence allows. */
  candidates: Meeting[];
}

export interface Cues {
  date?: DateExpression;
  /** Further dates joined to `date` (今年1月和6月): each names a meeting of its own. */
  moreDates: DateExpression[];
  place?: TermHit;
  occasion?: TermHit;
  alias?: TermHit;
  kind?: MeetingKind;
  /** 会晤, 峰会: whatever the kind, not a phone call. */
  notCall: boolean;
  tense?: 'future' | 'past';
  count?: number;
  /** 第三次习拜会: the n-th meeting of the pair. */
  ordinal?: number;
  /** 时隔半年再度通话: the gap back to the previous meeting, in days, and where it is written. */
  interval?: { days: number; start: number; end: number; text: string };
}

export interface Resolution {
  meetings: Meeting[];
  cue: string;
  /** Text spans of the cues that decided, to widen the mention over those written next to it. */
  cueSpans?: { start: number; end: number }[];
  dateCue?: DateExpression;
}
