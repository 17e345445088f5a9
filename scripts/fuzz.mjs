// Fuzzes the analysis with mutated sample articles: random character and byte changes, cuts and
// truncations, each checked against the invariants an editor relies on. `npm run fuzz` runs a long
// campaign; test/fuzz.test.mjs runs a short one with a fixed seed on every test run.
//
//   node scripts/fuzz.mjs [--iterations N] [--seed S] [--chain L] [folder ...]
//
// Invariants: analysis never throws; every range lies inside the source (line and column);
// re-reading after an edit equals a fresh parse; an editor's update equals a fresh analysis.
import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(path.join(root, 'dist/core.js'));

/** A small, fast, seedable generator (mulberry32), so a failure can be replayed from its seed. */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

/** What a hostile or careless file holds: markup, line-break kinds, dots, brackets, odd code points. */
const PIECES = [
  '<', '>', '</', '/>', '<p>', '</p>', '<div>', '</div>', '<h1>', '</h1>', '<span>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', '&amp;', '&#x4e60;', '&', ';',
  '#', '# ', '## ', '[', ']', '(', ')', '![', '](', '[[', '|', '*', '_', '`', '---', '===', '\n---\n', '+++', ':', '"', "'",
  '\n', '\r', '\r\n', '\t', ' ', '\u3000', '\u00a0', '\u2028', '\ufeff', '\u0000', '\u001b[31m', '\ud800', '\udc00', '\u{1f600}',
  '·', '•', '・', '-', '.', '@', 'a.', '，', '。', '“', '”', '「', '」', '（', '）',
  '拜登', '习近平', '習近平', '会晤', '會晤', '记者', '周三', '昨天', '旧金山', '11月15日', '2023年', '美国总统', '说', '表示', '艾·',
  'title: ', 'date: ', '2023-11-16', '<!--1700000000000-->', 'Biden', 'Xi Jinping', 'http://', 'www.',
];

/** One random change of the text: insert, delete, duplicate or move a stretch, truncate, or flip a UTF-8 byte. */
export function mutate(text, rng) {
  const at = rng.int(text.length + 1);
  const span = Math.min(text.length - at, 1 + rng.int(rng.next() < 0.8 ? 8 : 400));
  switch (rng.int(7)) {
    case 0:
      return text.slice(0, at) + rng.pick(PIECES) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + span);
    case 2:
      return text.slice(0, at) + text.slice(at, at + span).repeat(1 + rng.int(rng.next() < 0.9 ? 3 : 200)) + text.slice(at + span);
    case 3:
      return text.slice(0, at) + rng.pick(PIECES) + text.slice(at + span);
    case 4:
      // A truncated file, as a download or a copy cut short leaves it.
      return text.slice(0, at);
    case 5: {
      const to = rng.int(text.length + 1);
      const piece = text.slice(at, at + span);
      const rest = text.slice(0, at) + text.slice(at + span);
      const where = Math.min(to, rest.length);
      return rest.slice(0, where) + piece + rest.slice(where);
    }
    default: {
      // A changed byte, decoded as the server would decode invalid UTF-8.
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      bytes[rng.int(bytes.length)] = rng.int(256);
      return bytes.toString('utf8');
    }
  }
}

/** Everything a parse yields that a user can see (as test/reparse.test.mjs compares them). */
function parseView({ article, problems }) {
  return JSON.stringify({
    ...article,
    lines: Array.from({ length: article.lines.lineCount }, (_, line) => article.lines.lineStart(line)),
    sourceMap: article.sourceMap.pieces(),
    problems,
  });
}

/** The ranges of an analysis that do not lie inside the source, as messages. */
export function rangesOutside(analysis, source) {
  const lines = new core.LineIndex(source);
  const lineLength = (line) => (line + 1 < lines.lineCount ? lines.lineStart(line + 1) : source.length) - lines.lineStart(line);
  const inside = (position) =>
    Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.line < lines.lineCount && position.character >= 0 && position.character <= lineLength(position.line);
  const before = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const bad = [];
  const visit = (value, where) => {
    if (typeof value !== 'object' || value === null) return;
    if (value.start && value.end && 'line' in value.start) {
      if (!inside(value.start) || !inside(value.end) || !before(value.start, value.end)) bad.push(`${where}: ${JSON.stringify(value)}`);
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, `${where}.${key}`);
  };
  const { learnedFigures: _learned, ...ranged } = analysis;
  visit(ranged, 'analysis');
  return bad;
}

/** Analysis JSON without the URI, for comparing an editor's update with a fresh analysis. */
const analysisView = ({ uri: _uri, ...rest }) => JSON.stringify(rest);

/**
 * Checks one edit (`before` → `after`) against every invariant; returns the failures as messages.
 * `service` holds `before` as an open document; it holds `after` afterwards.
 */
export function checkEdit(service, knowledge, uri, before, previousParse, after) {
  const failures = [];
  let fresh;
  try {
    fresh = core.analyzeArticle(uri, after, knowledge);
  } catch (error) {
    return { failures: [`analysis threw: ${error?.stack ?? error}`] };
  }
  for (const message of rangesOutside(fresh, after)) failures.push(`range outside the source: ${message}`);
  let parse;
  try {
    parse = core.parseArticle(after);
    const spliced = previousParse && core.reparseAfterEdit(previousParse, after);
    if (spliced && parseView(spliced) !== parseView(parse)) failures.push('re-reading after the edit differs from a fresh parse');
  } catch (error) {
    failures.push(`parsing threw: ${error?.stack ?? error}`);
  }
  try {
    const updated = service.update(uri, after);
    if (analysisView(updated) !== analysisView(fresh)) failures.push("the editor's update differs from a fresh analysis");
  } catch (error) {
    failures.push(`update threw: ${error?.stack ?? error}`);
  }
  return { failures, parse };
}

/** The sample articles, or the corpus files below the given folders. */
export function seedsFrom(folders) {
  const files = [];
  const visit = (entry) => {
    if (statSync(entry).isDirectory()) for (const name of readdirSync(entry).sort()) visit(path.join(entry, name));
    else if (core.CORPUS_EXTENSIONS.has(path.extname(entry).toLowerCase())) files.push({ name: entry, text: readFileSync(entry, 'utf8') });
  };
  for (const folder of folders) visit(folder);
  return files;
}

/**
 * Runs `iterations` chains of edits from the seeds. Each chain starts from a seed article and
 * applies `chain` mutations one after another, as a person typing (or a tool rewriting) would.
 * Returns the failures, each with what is needed to replay it.
 */
export function fuzz({ seeds, iterations, seed = 1, chain = 4, cpuBudgetMs = Infinity }) {
  // A budget of this process's CPU time, not of the clock: a busy machine slows the clock, not the work.
  const started = process.cpuUsage();
  const spentMs = () => {
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  const rng = random(seed);
  const knowledge = new core.Knowledge({});
  // One service for all chains (building the catalogue's matcher is the costly part); each chain is its own document.
  const service = new core.SummitLensService();
  const failures = [];
  let checked = 0;
  for (let iteration = 0; iteration < iterations && spentMs() < cpuBudgetMs; iteration++) {
    const { name, text } = rng.pick(seeds);
    const uri = `file:///fuzz/${iteration}.md`;
    let before = text;
    service.update(uri, before);
    let previousParse = core.parseArticle(before);
    for (let step = 0; step < chain; step++) {
      const after = mutate(before, rng);
      const result = checkEdit(service, knowledge, uri, before, previousParse, after);
      checked++;
      if (result.failures.length) {
        failures.push({ seed, iteration, step, name, before, after, problems: result.failures });
        break;
      }
      before = after;
      previousParse = result.parse;
    }
    service.remove(uri);
  }
  return { failures, checked };
}

function main(args) {
  let iterations = 2000;
  let seed = Date.now() % 1_000_000;
  let chain = 6;
  const folders = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--iterations') iterations = Number(args[++i]);
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (args[i] === '--chain') chain = Number(args[++i]);
    else folders.push(args[i]);
  }
  const seeds = seedsFrom(folders.length ? folders : [path.join(root, 'examples/corpus')]);
  console.log(`Fuzzing ${seeds.length} seed files: ${iterations} chains of ${chain} edits, seed ${seed}.`);
  const started = Date.now();
  const { failures, checked } = fuzz({ seeds, iterations, seed, chain });
  console.log(`${checked} edited files checked in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (failures.length === 0) {
    console.log('No failures.');
    return 0;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-fuzz-'));
  for (const [index, failure] of failures.entries()) {
    writeFileSync(path.join(dir, `${index}-before.md`), failure.before);
    writeFileSync(path.join(dir, `${index}-after.md`), failure.after);
    console.log(`\n#${index} (seed ${failure.seed}, chain ${failure.iteration}, edit ${failure.step}, from ${path.basename(failure.name)}):`);
    for (const problem of failure.problems.slice(0, 5)) console.log(`  ${problem.split('\n').slice(0, 6).join('\n  ')}`);
  }
  console.log(`\n${failures.length} failing chains; their texts are in ${dir}.`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
