// Facts about examples/corpus from the project's own CLI (the same analysis
// the language server runs), so the e2e suites check the editors against it.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths.mjs';

export const CORPUS = path.join(REPO_ROOT, 'examples', 'corpus');
const execFileP = promisify(execFile);

let indexPromise;
/** `summit-lens index examples/corpus --json` (dist/cli.js), once per process. */
export function corpusIndex() {
  indexPromise ??= execFileP(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'index', CORPUS, '--json'], {
    maxBuffer: 64 << 20,
  }).then(({ stdout }) => JSON.parse(stdout));
  return indexPromise;
}

/**
 * The LSP position (line, UTF-16 character) of the `occurrence`-th
 * occurrence of `term` in corpus file `file`.
 */
export async function positionOf(file, term, occurrence = 0) {
  const lines = (await readFile(path.join(CORPUS, file), 'utf8')).split(/\r?\n/);
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    for (let i = lines[line].indexOf(term); i >= 0; i = lines[line].indexOf(term, i + term.length)) {
      if (seen++ === occurrence) return { line, character: i }; // JS string indices are UTF-16
    }
  }
  throw new Error(`"${term}" does not occur ${occurrence + 1} time(s) in ${file}`);
}

/**
 * The meeting mentioned at the first occurrence of `term` in `file`, per the
 * CLI index: `{ id, position, articles }` (articles: the files mentioning it,
 * sorted). Throws when that occurrence is not a meeting mention.
 */
export async function meetingAt(file, term) {
  const index = await corpusIndex();
  const position = await positionOf(file, term);
  const { line, character } = position;
  const article = index.articles.find((a) => a.path === file);
  if (!article) throw new Error(`${file} is not in the CLI index`);
  const inside = (r) =>
    (r.start.line < line || (r.start.line === line && r.start.character <= character)) &&
    (r.end.line > line || (r.end.line === line && r.end.character > character));
  const mention = (article.meetings ?? []).find((m) => inside(m.range));
  if (!mention) {
    throw new Error(`"${term}" at ${file}:${line + 1}:${character + 1} is not a meeting mention per \`summit-lens index --json\``);
  }
  const meeting = index.meetings.find((m) => m.id === mention.id);
  return { id: mention.id, position, articles: [...meeting.articles].sort() };
}

let lensPromise;
/** The core the language server runs (dist/core.js), with every corpus article read into it, once per process. */
function corpusLens() {
  lensPromise ??= (async () => {
    const core = createRequire(import.meta.url)(path.join(REPO_ROOT, 'dist', 'core.js'));
    const lens = core.createSummitLens();
    for (const name of (await readdir(CORPUS)).sort()) lens.update(uriOf(name), await readFile(path.join(CORPUS, name), 'utf8'));
    return lens;
  })();
  return lensPromise;
}

const uriOf = (file) => `file://${path.join(CORPUS, file)}`;

/** The titles of the meeting code lenses of corpus file `file`, as the language server words them. */
export async function codeLensTitles(file) {
  return (await corpusLens()).codeLenses(uriOf(file)).map((lens) => lens.title);
}

/** The date hints of corpus file `file` in source order: `{ line, character, label }`. */
export async function dateHints(file) {
  return (await corpusLens()).inlayHints(uriOf(file)).map((hint) => ({ ...hint.position, label: hint.label }));
}
