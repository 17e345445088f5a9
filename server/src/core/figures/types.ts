/**
 * The figure model shared by the catalogue, recognition and the index.
 */
export interface Role {
  zh: string;
  en: string;
  /** ISO dates; an open end means "still, as far as the catalogue knows". */
  from?: string;
  to?: string;
  /** Where the role and its dates were checked. */
  source?: string;
}

export type FigureOrigin = 'builtin' | 'workspace' | 'learned';

export interface Figure {
  id: string;
  en: string;
  zh: string;
  /** Written forms that count anywhere, both scripts, all transliterations. */
  names: string[];
  /** Short forms that count only outside the `notIn` words. */
  short: string[];
  notIn: string[];
  latin: string[];
  compounds: string[];
  titles: string[];
  roles: Role[];
  country?: string;
  /** Where the entry's facts were checked. */
  source?: string;
  origin: FigureOrigin;
}

export interface CatalogueProblem {
  message: string;
  /** Zero-based line in the data file, when known. */
  line?: number;
}

/** One mention of a figure in an article's visible text. */
export interface FigureMention {
  figureId: string;
  /** Text offsets (into Article.text). */
  start: number;
  end: number;
  /** As written in the article. */
  text: string;
}

/** The sentence part where an article introduces a person, e.g. `美国智库布鲁金斯学会高级研究员、中国通何瑞恩（Ryan Hass）`. */
export interface Introduction {
  figureId: string;
  /** The whole introduction, text offsets. */
  start: number;
  end: number;
  /** The name inside it, text offsets. */
  nameStart: number;
  nameEnd: number;
  /** The descriptor as written (`美国智库布鲁金斯学会高级研究员、中国通`), if any. */
  descriptor?: string;
  latin?: string;
}

export interface FigureRecognition {
  mentions: FigureMention[];
  introductions: Introduction[];
  /** People this article introduces whom the catalogue lacks. */
  learned: Figure[];
}
