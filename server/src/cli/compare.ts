/**
 * `summit-lens compare <meeting-id> <folder>`: how the outlets of a folder covered one meeting,
 * from the same core function as the editor's comparison page, as Markdown (for a story or a
 * paper) or JSON. The folder is read as `index` reads it.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../core/article/parseArticle';
import { createSummitLens } from '../core/index';
import { compareCoverage, coverageMarkdown, DATE_WINDOWS, type DateWindow } from '../core/language/coverage';
import { readArticleFile } from '../io/readArticleFile';
import { CorpusFiles } from '../workspace/corpusFiles';
import { Indexer } from '../workspace/indexer';
import { readWorkspaceKnowledge } from '../workspace/knowledgeFiles';
import type { CliOutput } from './main';

export const COMPARE_USAGE = `Usage: summit-lens compare <meeting-id> <folder> [--json|--markdown] [--outlet=NAME] [--window=before|during|after]

  Compares how the outlets in <folder> covered one meeting: one section per outlet (earliest
  coverage first), each article's title and date, the sentences that mention the meeting, the
  people named in those sentences, and which outlets covered it first.

  <meeting-id>  a meeting of the catalogue, e.g. 2023-11-15-woodside (see: summit-lens index)
  --markdown    print the comparison as Markdown (the default)
  --json        print the comparison as JSON
  --outlet=NAME keep only this outlet (repeatable)
  --window=W    keep only articles before, during or after the meeting's Beijing date (repeatable)`;

export async function compareCommand(argv: string[], output: CliOutput): Promise<number> {
  const args = argv.filter((arg) => !arg.startsWith('-'));
  const flags = argv.filter((arg) => arg.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    output.out(COMPARE_USAGE);
    return 0;
  }
  const outlets: string[] = [];
  const windows: DateWindow[] = [];
  for (const flag of flags) {
    const [name, value] = flag.split(/=(.*)/s);
    if (name === '--outlet' && value) outlets.push(value);
    else if (name === '--window' && (DATE_WINDOWS as readonly string[]).includes(value)) windows.push(value as DateWindow);
    else if (flag !== '--json' && flag !== '--markdown') {
      output.err(`Unknown option ${flag}\n\n${COMPARE_USAGE}`);
      return 2;
    }
  }
  if (args.length !== 2 || (flags.includes('--json') && flags.includes('--markdown'))) {
    output.err(COMPARE_USAGE);
    return 2;
  }
  const [meetingId, target] = args;
  const folder = path.resolve(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    output.err(`No such folder: ${target}`);
    return 2;
  }

  const files = new CorpusFiles();
  files.setFolders([folder]);
  const knowledge = readWorkspaceKnowledge([folder]);
  const displayPath = (file: string) => path.relative(folder, file).split(path.sep).join('/') || path.basename(file);
  const lens = createSummitLens({ knowledge: knowledge.source, displayPath: (uri) => displayPath(fileURLToPath(uri)) });
  if (!lens.meeting(meetingId)) {
    const near = lens.meetings().filter((meeting) => meeting.id.startsWith(meetingId.slice(0, 7))).map((meeting) => meeting.id);
    output.err(`No meeting "${meetingId}" in the catalogue.${near.length ? ` Did you mean: ${near.slice(0, 5).join(', ')}?` : ''}`);
    return 2;
  }
  const indexer = new Indexer(lens, files, { log: () => undefined, warn: () => undefined });
  try {
    await indexer.indexAll();
  } finally {
    await indexer.dispose();
  }
  const article = (uri: string) => {
    const read = readArticleFile(fileURLToPath(uri));
    return read.ok ? parseArticle(read.text, { fileName: uri }).article : undefined;
  };
  const coverage = compareCoverage(lens, { article }, meetingId, { outlets, windows })!;
  const pathOf = (uri: string) => displayPath(fileURLToPath(uri));
  if (flags.includes('--json')) {
    const withPaths = { ...coverage, outlets: coverage.outlets.map((group) => ({ ...group, articles: group.articles.map((entry) => ({ path: pathOf(entry.uri), ...entry })) })) };
    output.out(JSON.stringify(withPaths, null, 1));
  } else {
    output.out(coverageMarkdown(coverage, pathOf));
  }
  return 0;
}
