/**
 * The meeting model shared by the catalogue, recognition and the index.
 */
export type MeetingKind = 'in-person' | 'video' | 'call';

export interface Meeting {
  id: string;
  /** Local date where the meeting took place (ISO). */
  date: string;
  /** Date in Beijing time (ISO); differs from `date` for US-evening calls. */
  beijingDate: string;
  kind: MeetingKind;
  /** Where an in-person meeting was held (ISO country code), if known: a visit is one held in the country visited. */
  country?: string;
  title: { zh: string; en: string };
  place: { zh: string; en: string };
  /** Every name outlets use for the place, both scripts (巴厘岛 / 峇里島 / 巴釐島). */
  placeNames: string[];
  occasion?: { zh: string; en: string };
  occasionNames: string[];
  /** Figure ids. */
  participants: string[];
  /** Names of the meeting itself (拜习会 is generic; e.g. 旧金山会晤, 巴厘岛会晤). */
  aliases: string[];
  summary: { zh?: string; en: string };
  /** Where the dates were checked (a URL or a citation); kept for the reader, not matched. */
  source?: string;
  origin: 'builtin' | 'workspace';
}

/** One mention of a meeting in an article's visible text, linked to the catalogue meeting it means. */
export interface MeetingMention {
  meetingId: string;
  /** Text offsets into Article.text. */
  start: number;
  end: number;
  text: string;
  /** How the link was decided, for hovers: e.g. `周三 → Wednesday 2023-11-15`. */
  cue: string;
}

/** A relative date or bare day resolved against the article's date, for inlay hints. */
export interface DateCue {
  start: number;
  end: number;
  text: string;
  /** Resolved ISO date. */
  date: string;
  meetingId?: string;
}

export interface MeetingRecognition {
  mentions: MeetingMention[];
  dateCues: DateCue[];
}
