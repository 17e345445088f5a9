/**
 * The `summit-lens` command line: the same core as the language server, for batch export
 * and checks over a folder of articles.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { SummitLensService, roleAt, type ArticleAnalysis, type OutlineEntry } from '../core/index';
import { listCorpusFiles, readArticleFile } from '../io/readArticleFile';

const USAGE = `Usage: summit-lens index <folder|files...> [--json]
       summit-lens check <folder|files...>

  index     read every article (.md .txt .html .shtml .rst) and report titles, dates,
            outlets, outlines, figures, meetings and problems
  check     list every problem (unreadable files, broken front matter, missing titles or
            dates) as path:line:column; exit 1 if any file has an error
  --json    print the whole index as JSON instead of a readable summary
  --help    show this help`;

interface IndexedFile {
  file: string;
  displayPath: string;
  uri: string;
  analysis?: ArticleAnalysis;
  error?: string;
  note?: string;
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.filter((arg) => !arg.startsWith('--'));
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  if (flags.has('--help') || flags.has('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = [...flags].filter((flag) => flag !== '--json');
  const command = args[0];
  if ((command !== 'index' && command !== 'check') || args.length < 2 || unknown.length > 0) {
    console.error(unknown.length ? `Unknown option ${unknown.join(', ')}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const targets = args.slice(1);
  const missing = targets.filter((target) => !existsSync(target));
  if (missing.length > 0) {
    console.error(`No such file or folder: ${missing.join(', ')}`);
    return 2;
  }
  const base = targets.length === 1 && statSync(targets[0]).isDirectory() ? path.resolve(targets[0]) : process.cwd();
  const files = targets.flatMap((target) => listCorpusFiles(path.resolve(target)));
  const workspaceFolder = targets.length === 1 ? path.resolve(targets[0]) : process.cwd();
  const service = new SummitLensService(readWorkspaceKnowledge(workspaceFolder), (uri) => uri);

  const indexed: IndexedFile[] = [];
  for (const file of files) {
    const displayPath = path.relative(base, file).split(path.sep).join('/') || path.basename(file);
    const uri = pathToFileURL(file).href;
    const read = readArticleFile(file);
    if (!read.ok) {
      indexed.push({ file, displayPath, uri, error: read.message });
      continue;
    }
    indexed.push({ file, displayPath, uri, analysis: service.store(uri, read.text), note: read.note });
  }
  const pathOf = new Map(indexed.map((entry) => [entry.uri, entry.displayPath]));
  const report = buildReport(service, indexed, (uri) => pathOf.get(uri) ?? uri);
  if (command === 'check') return printProblems(report);
  if (flags.has('--json')) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  else printSummary(report, service);
  return 0;
}

function readWorkspaceKnowledge(folder: string): { workspaceFigures?: string; workspaceMeetings?: string } {
  const read = (name: string) => {
    const file = path.join(folder, '.summit-lens', name);
    try {
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  return { workspaceFigures: read('figures.yaml'), workspaceMeetings: read('meetings.yaml') };
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

function buildReport(service: SummitLensService, indexed: IndexedFile[], displayPath: (uri: string) => string) {
  const articles = indexed.map(({ displayPath: articlePath, analysis, error, note }) => {
    if (!analysis) {
      return { path: articlePath, title: null, date: null, outlet: null, url: null, format: null, outline: [], problems: [{ message: `Could not read the file: ${error}`, range: null }], figures: [], meetings: [] };
    }
    const problems = analysis.problems.map((problem) => ({ message: problem.message, severity: problem.severity, range: problem.range }));
    if (note) problems.unshift({ message: `Encoding: ${note}.`, severity: 'information', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    return {
      path: articlePath,
      title: analysis.title ?? null,
      date: analysis.date ?? null,
      outlet: analysis.outlet ?? null,
      url: analysis.url ?? null,
      format: analysis.format,
      outline: analysis.outline.map(outlineJson),
      problems,
      figures: analysis.figures.map((mention) => {
        const figure = service.figure(mention.figureId);
        return { id: mention.figureId, name: figure?.en ?? mention.text, nameZh: figure?.zh ?? mention.text, text: mention.text, range: mention.range };
      }),
      meetings: analysis.meetings.map((mention) => ({ id: mention.meetingId, date: service.knowledge.meeting(mention.meetingId)?.date ?? null, text: mention.text, range: mention.range, cue: mention.cue })),
    };
  });

  const figureIds = new Set<string>();
  for (const { analysis } of indexed) for (const mention of analysis?.figures ?? []) figureIds.add(mention.figureId);
  const figures = [...figureIds].sort().map((id) => {
    const figure = service.figure(id)!;
    const definition = service.index.introductions(id)[0];
    return {
      id,
      name: figure?.en ?? id,
      nameZh: figure?.zh ?? id,
      aliases: figure ? [...new Set([...figure.names, ...figure.short, ...figure.latin])] : [],
      role: figure ? (roleAt(figure)?.en ?? null) : null,
      definition: definition ? { path: displayPath(definition.uri), range: definition.introduction.nameRange, text: definition.introduction.text } : null,
      mentions: service.index.figureMentions(id).length,
    };
  });
  const meetings = service.knowledge.meetings.map((meeting) => ({
    id: meeting.id,
    date: meeting.date,
    kind: meeting.kind,
    place: meeting.place.en,
    mentions: service.index.meetingMentions(meeting.id).length,
    articles: service.index.articlesMentioningMeeting(meeting.id).map(displayPath),
  }));
  return { articles, figures, meetings };
}

function printSummary(report: ReturnType<typeof buildReport>, service: SummitLensService): void {
  const lines: string[] = [];
  for (const article of report.articles) {
    const sections = countSections(article.outline);
    lines.push(`${article.path}`);
    lines.push(`  ${article.title ?? '(no title)'}`);
    lines.push(`  ${[article.date ?? 'undated', article.outlet, article.format].filter(Boolean).join(' · ')} · ${sections} section${sections === 1 ? '' : 's'} · ${new Set(article.figures.map((figure) => figure.id)).size} figures · ${article.meetings.length} meeting mentions`);
    const meetingIds = [...new Set(article.meetings.map((meeting) => meeting.id))];
    if (meetingIds.length) lines.push(`  meetings: ${meetingIds.map((id) => `${service.knowledge.meeting(id)?.title.zh ?? id} (${id})`).join(', ')}`);
    const figureNames = [...new Set(article.figures.map((figure) => `${figure.nameZh}`))];
    if (figureNames.length) lines.push(`  figures: ${figureNames.slice(0, 12).join('、')}${figureNames.length > 12 ? ` … +${figureNames.length - 12}` : ''}`);
    for (const problem of article.problems) lines.push(`  ! ${problem.message}`);
  }
  const dated = report.articles.filter((article) => article.date).length;
  lines.push('', `${report.articles.length} articles (${dated} dated), ${report.figures.length} figures, ${report.meetings.filter((meeting) => meeting.mentions > 0).length} meetings mentioned.`);
  for (const meeting of report.meetings.filter((entry) => entry.mentions > 0)) lines.push(`  ${meeting.id}: ${meeting.mentions} mentions in ${meeting.articles.length} articles`);
  console.log(lines.join('\n'));
}

/** Problems as `path:line:column: severity: message`, the form editors and CI logs link. */
function printProblems(report: ReturnType<typeof buildReport>): number {
  let errors = 0;
  let total = 0;
  for (const article of report.articles) {
    for (const problem of article.problems as Array<{ message: string; severity?: string; range: { start: { line: number; character: number } } | null }>) {
      const severity = problem.severity ?? 'error';
      if (severity === 'error') errors++;
      total++;
      const at = problem.range ? `${problem.range.start.line + 1}:${problem.range.start.character + 1}` : '1:1';
      console.log(`${article.path}:${at}: ${severity}: ${problem.message}`);
    }
  }
  console.log(`${report.articles.length} files checked, ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}).`);
  return errors > 0 ? 1 : 0;
}

function countSections(outline: JsonOutline[]): number {
  let count = 0;
  const visit = (entries: JsonOutline[]) => entries.forEach((entry) => { if (entry.kind === 'section') count++; visit(entry.children); });
  visit(outline);
  return count;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    console.error(`summit-lens: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  },
);
