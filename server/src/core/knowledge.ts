/**
 * The knowledge the recognisers work from: the built-in figure and meeting catalogues,
 * with the workspace's own files merged over them.
 */
// Parsed at build time (scripts/build.mjs), so a server start reads no YAML.
import builtinFiguresParsed from '../../data/figures.yaml';
import builtinMeetingsParsed from '../../data/meetings.yaml';
import builtinFigureForms from 'builtin-figure-forms';
import { mergeFigures, parseFigureCatalogue } from './figures/catalogue';
import { FigureMatcher } from './figures/recognize';
import type { CatalogueProblem, Figure } from './figures/types';
import { parseMeetingCatalogue } from './meetings/catalogue';
import type { Meeting } from './meetings/types';
import { normalizeForMatching } from './text/normalize';

export interface KnowledgeSource {
  /** YAML text of `.summit-lens/figures.yaml`, if the workspace has one. */
  workspaceFigures?: string;
  workspaceMeetings?: string;
}

export interface KnowledgeProblems {
  builtinFigures: CatalogueProblem[];
  builtinMeetings: CatalogueProblem[];
  workspaceFigures: CatalogueProblem[];
  workspaceMeetings: CatalogueProblem[];
}

/** The built-in catalogues are read once per process: every reload of workspace knowledge reuses them. */
let builtin: { builtinFigures: ReturnType<typeof parseFigureCatalogue>; builtinMeetings: ReturnType<typeof parseMeetingCatalogue>; builtinMatcher: FigureMatcher } | undefined;

function builtinKnowledge(): NonNullable<typeof builtin> {
  if (!builtin) {
    const builtinFigures = builtinFiguresParsed;
    // The forms were gathered at build time: a thread makes only the index's trie from them.
    builtin = { builtinFigures, builtinMeetings: builtinMeetingsParsed, builtinMatcher: new FigureMatcher(builtinFigures.figures, builtinFigureForms) };
  }
  return builtin;
}

export class Knowledge {
  readonly figures: Figure[];
  readonly meetings: Meeting[];
  readonly matcher: FigureMatcher;
  readonly problems: KnowledgeProblems;
  private readonly figuresById: Map<string, Figure>;
  private readonly meetingsById: Map<string, Meeting>;

  constructor(source: KnowledgeSource = {}) {
    const { builtinFigures, builtinMeetings } = builtinKnowledge();
    const workspaceFigures = source.workspaceFigures !== undefined ? parseFigureCatalogue(source.workspaceFigures, 'workspace') : { figures: [], problems: [] };
    const workspaceMeetings = source.workspaceMeetings !== undefined ? parseMeetingCatalogue(source.workspaceMeetings, 'workspace') : { meetings: [], problems: [] };
    this.figures = workspaceFigures.figures.length > 0 ? mergeFigures(builtinFigures.figures, workspaceFigures.figures) : builtinFigures.figures;
    const meetingsById = new Map(builtinMeetings.meetings.map((meeting) => [meeting.id, meeting]));
    for (const meeting of workspaceMeetings.meetings) meetingsById.set(meeting.id, meeting);
    this.meetings = [...meetingsById.values()];
    this.meetingsById = meetingsById;
    this.figuresById = new Map(this.figures.map((figure) => [figure.id, figure]));
    this.matcher = this.figures === builtinFigures.figures ? builtinKnowledge().builtinMatcher : new FigureMatcher(this.figures);
    this.problems = {
      builtinFigures: builtinFigures.problems,
      builtinMeetings: builtinMeetings.problems,
      workspaceFigures: workspaceFigures.problems,
      workspaceMeetings: workspaceMeetings.problems,
    };
  }

  figure(id: string): Figure | undefined {
    return this.figuresById.get(id);
  }

  meeting(id: string): Meeting | undefined {
    return this.meetingsById.get(id);
  }

  /** Figures whose Chinese (either script) or English names contain the query. */
  searchFigures(query: string): Figure[] {
    const needle = normalizeForMatching(query.trim()).toLowerCase();
    if (!needle) return this.figures.slice();
    return this.figures.filter((figure) =>
      [figure.en, figure.zh, ...figure.names, ...figure.latin].some((name) => normalizeForMatching(name).toLowerCase().includes(needle)),
    );
  }

  /** Meetings found by id, date, place, occasion or alias. */
  searchMeetings(query: string): Meeting[] {
    const needle = normalizeForMatching(query.trim()).toLowerCase();
    if (!needle) return this.meetings.slice();
    return this.meetings.filter((meeting) =>
      [meeting.id, meeting.date, meeting.beijingDate, meeting.title.zh, meeting.title.en, meeting.place.zh, meeting.place.en, ...meeting.placeNames, ...meeting.occasionNames, ...meeting.aliases, meeting.occasion?.en ?? '', meeting.occasion?.zh ?? '']
        .some((name) => normalizeForMatching(name).toLowerCase().includes(needle)),
    );
  }
}
