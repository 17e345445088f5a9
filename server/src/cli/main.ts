/**
 * The `summit-lens` command line: the language server's own workspace layer (file choice,
 * knowledge files, indexer) over a folder, so the CLI and the editor index the same files and
 * report the same problems. `main` runs in process (the tests call it); cli/run.ts is the entry.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createSummitLens, roleAt, type OutlineEntry, type SummitLens } from '../core/index';
import { VERSION } from '../shared/version';
import { CorpusFiles } from '../workspace/corpusFiles';
import { Indexer } from '../workspace/indexer';
import { startIndexingProcess } from '../workspace/processStart';
import { readWorkspaceKnowledge } from '../workspace/knowledgeFiles';
import { compareCommand } from './compare';
import { problemMessage, setLocale } from '../core/language/messages';

const USAGE = `Usage: summit-lens index <folder|files...> [--json]
       summit-lens check <folder|files...>
       summit-lens compare <meeting-id> <folder> [--json|--markdown]
       summit-lens --version | --help

  index      read every article (.md .txt .html .shtml .rst) and report titles, dates,
             outlets, outlines, figures, meetings and problems
  check      list every problem (unreadable files, broken front matter, missing titles or
             dates, broken .summit-lens/*.yaml) as path:line:column; exit 1 on any error
  compare    how the outlets in a folder covered one meeting, side by side (compare --help)
  --json     print the whole index as JSON instead of a readable summary
  --locale   the language of labels: en, zh-cn or zh-tw (default: from LANG)
  --version  print the version
  --help     show this help

  In a folder, a file is an article when its content reads as one (front matter with a title
  or date, a <!--stamp--> line, an underlined title, a Chinese news page), as in the editor.
  A file named on the command line is read as an article whatever its content.`;

/** Where the CLI writes; the tests pass their own. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_OUTPUT: CliOutput = { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) };

interface ReportProblem {
  message: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } } | null;
}

/**
 * Takes `--locale <tag>` (or `--locale=<tag>`) out of the arguments and sets the message locale:
 * English unless that flag or LC_ALL / LC_MESSAGES / LANG names Chinese.
 */
function takeLocale(argv: string[]): string[] {
  let tag: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') tag = argv[++i] ?? '';
    else if (argv[i].startsWith('--locale=')) tag = argv[i].slice('--locale='.length);
    else rest.push(argv[i]);
  }
  setLocale(tag ?? (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG));
  return rest;
}

export async function main(commandLine: string[], output: CliOutput = PROCESS_OUTPUT): Promise<number> {
  const argv = takeLocale(commandLine);
  if (argv[0] === 'compare') return compareCommand(argv.slice(1), output);
  const args = argv.filter((arg) => !arg.startsWith('-'));
  const flags = new Set(argv.filter((arg) => arg.startsWith('-')));
  if (flags.has('--help') || flags.has('-h')) {
    output.out(USAGE);
    return 0;
  }
  if (flags.has('--version') || flags.has('-v')) {
    output.out(VERSION);
    return 0;
  }
  const unknown = [...flags].filter((flag) => flag !== '--json');
  const command = args[0];
  if ((command !== 'index' && command !== 'check') || args.length < 2 || unknown.length > 0) {
    output.err(unknown.length ? `Unknown option ${unknown.join(', ')}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const targets = args.slice(1).map((target) => path.resolve(target));
  const missing = args.slice(1).filter((_, i) => !existsSync(targets[i]));
  if (missing.length > 0) {
    output.err(`No such file or folder: ${missing.join(', ')}`);
    return 2;
  }

  // V8's budgets are set, and jieba's dictionary is built in its own thread while the files are listed and the knowledge is read.
  startIndexingProcess();
  // Folders are read as the editor reads workspace folders; files named one by one are articles.
  const files = new CorpusFiles();
  const folders = targets.filter((target) => statSync(target).isDirectory());
  files.setFolders(folders);
  for (const target of targets) if (!folders.includes(target)) files.addNamedFile(target);
  const base = targets.length === 1 && folders.length === 1 ? folders[0] : process.cwd();
  const displayPath = (file: string) => path.relative(base, file).split(path.sep).join('/') || path.basename(file);

  const knowledge = readWorkspaceKnowledge(folders.length > 0 ? folders : [process.cwd()]);
  const lens = createSummitLens({ knowledge: knowledge.source, displayPath: (uri) => displayPath(fileURLToPath(uri)) });
  const indexer = new Indexer(lens, files, { log: () => undefined, warn: () => undefined });
  let indexedFiles: number;
  try {
    indexedFiles = (await indexer.indexAll()).files;
  } finally {
    await indexer.dispose();
  }

  const report = buildReport(lens, indexer.unreadable, displayPath);
  const knowledgeProblems = knowledgeReport(lens, knowledge, displayPath);
  if (command === 'check') return printProblems(report, knowledgeProblems, output);
  if (flags.has('--json')) output.out(JSON.stringify({ ...report, knowledgeFiles: knowledgeProblems }, null, 1));
  else printSummary(report, knowledgeProblems, indexedFiles, lens, output);
  return 0;
}

/** The workspace's knowledge files with their problems (broken entries, unreadable files). */
function knowledgeReport(lens: SummitLens, knowledge: ReturnType<typeof readWorkspaceKnowledge>, displayPath: (file: string) => string) {
  const problems = lens.knowledgeProblems();
  return knowledge.files.map((file) => {
    const list = path.basename(file) === 'figures.yaml' ? problems.workspaceFigures : problems.workspaceMeetings;
    const found: ReportProblem[] = list.map((problem) => {
      const line = problem.line ?? 0;
      return { message: problem.message, severity: 'error', range: { start: { line, character: 0 }, end: { line, character: 0 } } };
    });
    for (const failure of knowledge.problems) if (failure.file === file) found.push({ message: failure.message, severity: 'error', range: null });
    return { path: displayPath(file), problems: found };
  });
}

interface JsonOutline {
  name: string;
  detail: string;
  kind: string;
  range: unknown;
  children: JsonOutline[];
}

function outlineJson(entry: OutlineEntry): JsonOutline {
  return { name: entry.name, detail: entry.detail, kind: entry.kind, range: entry.range, children: entry.children.map(outlineJson) };
}

function buildReport(lens: SummitLens, unreadable: ReadonlyMap<string, string>, displayPath: (file: string) => string) {
  const pathOf = (uri: string) => displayPath(fileURLToPath(uri));
  const uris = lens.uris().filter((uri) => uri.startsWith('file:'));
  const entries = [
    ...uris.map((uri) => ({ path: pathOf(uri), uri })),
    ...[...unreadable.keys()].map((file) => ({ path: displayPath(file), uri: pathToFileURL(file).href, unreadable: unreadable.get(file) })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const articles = entries.map((entry) => {
    const analysis = 'unreadable' in entry ? undefined : lens.analysis(entry.uri);
    if (!analysis) {
      const problems: ReportProblem[] = [{ message: `Could not read the file: ${'unreadable' in entry ? entry.unreadable : 'unknown'}`, severity: 'error', range: null }];
      return { path: entry.path, title: null, date: null, outlet: null, url: null, format: null, outline: [], problems, figures: [], meetings: [] };
    }
    return {
      path: entry.path,
      title: analysis.title ?? null,
      date: analysis.date ?? null,
      outlet: analysis.outlet ?? null,
      url: analysis.url ?? null,
      format: analysis.format as string | null,
      outline: analysis.outline.map(outlineJson),
      problems: analysis.problems.map((problem): ReportProblem => ({ message: problem.message, severity: problem.severity, range: problem.range })),
      figures: analysis.figures.map((mention) => {
        const figure = lens.figure(mention.figureId);
        return { id: mention.figureId, name: figure?.en ?? mention.text, nameZh: figure?.zh ?? mention.text, text: mention.text, range: mention.range };
      }),
      meetings: analysis.meetings.map((mention) => ({ id: mention.meetingId, date: lens.meeting(mention.meetingId)?.date ?? null, beijingDate: lens.meeting(mention.meetingId)?.beijingDate ?? null, text: mention.text, range: mention.range, cue: mention.cue })),
    };
  });

  const figureIds = new Set<string>();
  for (const article of articles) for (const mention of article.figures) figureIds.add(mention.id);
  const figures = [...figureIds].sort().map((id) => {
    const figure = lens.figure(id);
    const definition = lens.firstIntroduction(id);
    return {
      id,
      name: figure?.en ?? id,
      nameZh: figure?.zh ?? id,
      aliases: figure ? [...new Set([...figure.names, ...figure.short, ...figure.latin])] : [],
      role: figure ? (roleAt(figure)?.en ?? null) : null,
      definition: definition ? { path: pathOf(definition.uri), range: definition.nameRange, text: definition.text } : null,
      mentions: lens.figureMentions(id).length,
    };
  });
  const meetings = lens.meetings().map((meeting) => ({
    id: meeting.id,
    date: meeting.date,
    beijingDate: meeting.beijingDate,
    participants: meeting.participants,
    kind: meeting.kind,
    place: meeting.place.en,
    mentions: lens.meetingMentions(meeting.id).length,
    articles: lens.articlesMentioningMeeting(meeting.id).map(pathOf),
  }));
  return { articles, figures, meetings };
}

type Report = ReturnType<typeof buildReport>;
type KnowledgeReport = ReturnType<typeof knowledgeReport>;

/** Text from articles and data, safe for a terminal: control characters (an escape sequence, say) are shown, not obeyed. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printSummary(report: Report, knowledge: KnowledgeReport, indexedFiles: number, lens: SummitLens, output: CliOutput): void {
  const lines: string[] = [];
  for (const article of report.articles) {
    const sections = countSections(article.outline);
    lines.push(printable(article.path));
    lines.push(`  ${printable(article.title ?? '(no title)')}`);
    lines.push(`  ${[article.date ?? 'undated', article.outlet, article.format].filter(Boolean).map((part) => printable(String(part))).join(' · ')} · ${sections} section${sections === 1 ? '' : 's'} · ${new Set(article.figures.map((figure) => figure.id)).size} figures · ${article.meetings.length} meeting mentions`);
    const meetingIds = [...new Set(article.meetings.map((meeting) => meeting.id))];
    if (meetingIds.length) lines.push(`  meetings: ${meetingIds.map((id) => `${lens.meeting(id)?.title.zh ?? id} (${id})`).join(', ')}`);
    const figureNames = [...new Set(article.figures.map((figure) => `${figure.nameZh}`))];
    if (figureNames.length) lines.push(`  figures: ${printable(figureNames.slice(0, 12).join('、'))}${figureNames.length > 12 ? ` … +${figureNames.length - 12}` : ''}`);
    for (const problem of article.problems) lines.push(`  ! ${printable(problemMessage(problem.message))}`);
  }
  for (const file of knowledge) for (const problem of file.problems) lines.push(`${printable(file.path)}: ! ${printable(problemMessage(problem.message))}`);
  const dated = report.articles.filter((article) => article.date).length;
  const skipped = indexedFiles - report.articles.length;
  lines.push(
    '',
    `${report.articles.length} articles (${dated} dated), ${report.figures.length} figures, ${report.meetings.filter((meeting) => meeting.mentions > 0).length} meetings mentioned.${skipped > 0 ? ` ${skipped} file${skipped === 1 ? '' : 's'} did not read as articles.` : ''}`,
  );
  for (const meeting of report.meetings.filter((entry) => entry.mentions > 0)) lines.push(`  ${meeting.id}: ${counted(meeting.mentions, 'mention')} in ${counted(meeting.articles.length, 'article')}`);
  output.out(lines.join('\n'));
}

/** Problems as `path:line:column: severity: message`, the form editors and CI logs link. */
function printProblems(report: Report, knowledge: KnowledgeReport, output: CliOutput): number {
  let errors = 0;
  let total = 0;
  const lines: string[] = [];
  for (const file of [...knowledge, ...report.articles]) {
    for (const problem of file.problems) {
      if (problem.severity === 'error') errors++;
      total++;
      const at = problem.range ? `${problem.range.start.line + 1}:${problem.range.start.character + 1}` : '1:1';
      lines.push(`${printable(file.path)}:${at}: ${problem.severity}: ${printable(problemMessage(problem.message))}`);
    }
  }
  lines.push(`${report.articles.length} files checked, ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}).`);
  output.out(lines.join('\n'));
  return errors > 0 ? 1 : 0;
}

function countSections(outline: JsonOutline[]): number {
  let count = 0;
  const visit = (entries: JsonOutline[]) => {
    for (const entry of entries) {
      if (entry.kind === 'section') count++;
      visit(entry.children);
    }
  };
  visit(outline);
  return count;
}

/** `1 mention`, `3 mentions`. */
function counted(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}
