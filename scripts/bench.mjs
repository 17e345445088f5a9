// Measures Summit Lens on a large corpus and writes the table to BENCHMARKS.md: the floor (read +
// cheerio.load), the peer (vscode-markdown-languageservice document symbols), cold and warm
// indexing of the real server over stdio, request latencies, and growth with corpus size.
// Usage: npm run bench   (builds first; SUMMIT_BENCH_OUTPUT=file writes the table there instead of
// BENCHMARKS.md). Corpus: /work/shared/corpus/{bulk,dev,seeds} when present, else
// SUMMIT_BENCH_CORPUS, else a generated corpus of 3,000 files from examples/corpus.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { startServer } from '../test/support/lspClient.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const core = require(path.join(root, 'dist/core.js'));
const cheerio = require('cheerio');
const EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.html', '.htm', '.shtml', '.rst']);
const SAMPLES = Number(process.env.SUMMIT_BENCH_SAMPLES ?? 200);
const scratch = mkdtempSync(path.join(tmpdir(), 'summit-bench-'));
const log = (message) => process.stderr.write(`${message}\n`);

function listFiles(dir) {
  const found = [];
  const visit = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) found.push(full);
    }
  };
  visit(dir);
  return found.sort();
}

/** The corpus folders: the shared corpus, or one generated from the samples (each copy made distinct, so hashes differ). */
function corpusFolders() {
  if (process.env.SUMMIT_BENCH_CORPUS) return { folders: process.env.SUMMIT_BENCH_CORPUS.split(path.delimiter), source: process.env.SUMMIT_BENCH_CORPUS };
  const shared = ['bulk', 'dev', 'seeds'].map((name) => path.join('/work/shared/corpus', name)).filter((dir) => existsSync(dir));
  if (shared.length > 0) return { folders: shared, source: shared.join(', ') };
  const generated = path.join(scratch, 'generated');
  mkdirSync(generated);
  const samples = readdirSync(path.join(root, 'examples/corpus')).map((name) => ({ name, text: readFileSync(path.join(root, 'examples/corpus', name), 'utf8') }));
  for (let i = 0; i < 3000; i++) {
    const sample = samples[i % samples.length];
    writeFileSync(path.join(generated, `${String(i).padStart(4, '0')}_${sample.name}`), `${sample.text}\n\n（第 ${i} 份副本）\n`);
  }
  return { folders: [generated], source: 'generated from examples/corpus (3,000 files)' };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

async function timeRequests(label, send) {
  for (let i = 0; i < 5; i++) await send(i);
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await send(i);
    times.push(performance.now() - started);
  }
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Wall time for `count` threads to read and analyse the files between them (from when all are ready). */
async function coreInThreads(files, count) {
  const workers = Array.from({ length: count }, (_, t) => new Worker(new URL('./benchCoreWorker.mjs', import.meta.url), { workerData: { files: files.filter((_, i) => i % count === t) } }));
  await Promise.all(workers.map((worker) => once(worker, 'message')));
  const started = performance.now();
  const done = workers.map((worker) => once(worker, 'message'));
  for (const worker of workers) worker.postMessage('go');
  await Promise.all(done);
  const time = performance.now() - started;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return time;
}

/**
 * The build to compare with (`SUMMIT_BENCH_REFERENCE`: the folder of another checkout of this
 * repository, built with `npm ci && npm run build`), or undefined. Measured in the same run by the
 * same code, "no slower than before" becomes a ratio on one machine at one time, not a comparison
 * with another day's numbers on another machine.
 */
function referenceBuild() {
  const dir = process.env.SUMMIT_BENCH_REFERENCE;
  if (!dir) return undefined;
  const folder = path.resolve(dir);
  let commit = folder;
  try {
    commit = execFileSync('git', ['-C', folder, 'log', '-1', '--format=%h (%cs)'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the folder names it.
  }
  return { folder, commit, core: require(path.join(folder, 'dist/core.js')), serverScript: path.join(folder, 'dist/server.js') };
}

/** Read + analyse every file in this thread with `coreModule`'s engine; the parse is timed again apart. */
function coreInOneThread(coreModule, knowledge, files) {
  const phases = { parse: 0, recognise: 0 };
  let time = 0;
  for (const file of files) {
    const t0 = performance.now();
    const text = readFileSync(file, 'utf8');
    const t1 = performance.now();
    coreModule.analyzeArticle(pathToFileURL(file).href, text, knowledge);
    const t2 = performance.now();
    coreModule.parseArticle(text);
    const t3 = performance.now();
    time += t2 - t0;
    phases.parse += t3 - t2;
    phases.recognise += t2 - t1 - (t3 - t2);
  }
  return { time, phases };
}

async function main() {
  const { folders, source } = corpusFolders();
  const files = folders.flatMap(listFiles);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const mb = bytes / 1048576;
  log(`Corpus: ${files.length} files, ${mb.toFixed(1)} MB (${source})`);

  // The floor: read every file and let cheerio parse it, nothing else.
  let started = performance.now();
  for (const file of files) cheerio.load(readFileSync(file, 'utf8'), { xml: { xmlMode: false } });
  const floor = performance.now() - started;
  log(`floor ${ms(floor)} ms`);

  // The peer: the Markdown language service's document symbols for the same files.
  const peer = await peerDocumentSymbols(files);
  log(`peer ${ms(peer)} ms`);

  // The core in one thread, in this process: parse + recognise, no protocol, no cache.
  const knowledge = new core.Knowledge({});
  const { time: coreSingle, phases } = coreInOneThread(core, knowledge, files);
  log(`core single-thread ${ms(coreSingle)} ms`);

  // The reference build, when named: its core in one thread, then this build's again, then the
  // reference's again; each side keeps its faster run, so a burst of load on the machine weighs
  // on neither side alone.
  const reference = referenceBuild();
  if (reference) {
    const referenceKnowledge = new reference.core.Knowledge({});
    const runs = [coreInOneThread(reference.core, referenceKnowledge, files), coreInOneThread(core, knowledge, files), coreInOneThread(reference.core, referenceKnowledge, files)];
    reference.coreThis = [{ time: coreSingle, phases }, runs[1]].reduce((best, run) => (run.time < best.time ? run : best));
    reference.coreReference = [runs[0], runs[2]].reduce((best, run) => (run.time < best.time ? run : best));
    log(`core single-thread: this build ${ms(reference.coreThis.time)} ms, reference ${ms(reference.coreReference.time)} ms`);
  }

  // How the same work scales over this machine's cores: the corpus split over one and over two threads.
  const threads = { one: await coreInThreads(files, 1), two: await coreInThreads(files, 2) };
  log(`core in threads: one ${ms(threads.one)} ms, two ${ms(threads.two)} ms`);

  const targets = chooseTargets(files, knowledge);
  const coldRun = async (runFolders, env = {}, { probe = false, serverScript } = {}) => {
    const cacheDir = mkdtempSync(path.join(scratch, 'cache-'));
    const server = await startServer({ folders: runFolders, cacheDir, env, serverScript });
    // Responsiveness while the index fills: a hover every 15 ms until indexing ends.
    const during = probe && targets.typical ? await hoversUntilIndexed(server, targets.typical) : undefined;
    const time = await server.indexed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const rss = server.peakRssMb();
    const indexLine = server.logs.find((line) => /indexed \d+ articles/.test(line)) ?? '';
    return { server, time, rss, cacheDir, indexLine, during };
  };

  // Cold in the main thread only, then cold with worker threads (the default).
  const single = await coldRun(folders, { SUMMIT_LENS_WORKERS: '0' }, { probe: true });
  await single.server.stop();
  log(`cold, no workers ${ms(single.time)} ms, ${single.indexLine}`);
  const cold = await coldRun(folders, {}, { probe: true });
  await cold.server.stop();
  log(`cold ${ms(cold.time)} ms, ${cold.indexLine}`);
  const one = await coldRun(folders, { SUMMIT_LENS_WORKERS: '1' });
  await one.server.stop();
  log(`cold, one worker ${ms(one.time)} ms, ${one.indexLine}`);
  const two = await coldRun(folders, { SUMMIT_LENS_WORKERS: '2' });
  await two.server.stop();
  log(`cold, two workers ${ms(two.time)} ms, ${two.indexLine}`);
  // The first cold index on a machine: no jieba image kept by an earlier run (see segmenterImageFile.ts), so the worker builds the dictionary.
  const firstOnMachine = await coldRun(folders, { SUMMIT_LENS_CACHE_DIR: mkdtempSync(path.join(scratch, 'machine-cache-')) });
  await firstOnMachine.server.stop();
  log(`cold, first on this machine ${ms(firstOnMachine.time)} ms, ${firstOnMachine.indexLine}`);

  // The reference build's cold index with its default workers, twice, between this build's default run and one more.
  if (reference) {
    const referenceRuns = [];
    const thisRuns = [cold];
    for (let i = 0; i < 2; i++) {
      const run = await coldRun(folders, {}, { serverScript: reference.serverScript });
      await run.server.stop();
      referenceRuns.push(run);
      if (i === 0) {
        const again = await coldRun(folders);
        await again.server.stop();
        thisRuns.push(again);
      }
    }
    const faster = (runs) => runs.reduce((best, run) => (run.time < best.time ? run : best));
    reference.coldThis = faster(thisRuns);
    reference.coldReference = faster(referenceRuns);
    log(`cold: this build ${ms(reference.coldThis.time)} ms, reference ${ms(reference.coldReference.time)} ms`);
  }

  // Warm: the same workspace again, with the cache the cold run wrote.
  const warmServer = await startServer({ folders, cacheDir: cold.cacheDir });
  const warm = await warmServer.indexed;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const warmLine = warmServer.logs.find((line) => /indexed \d+ articles/.test(line)) ?? '';
  log(`warm ${ms(warm)} ms, ${warmLine}`);

  // Latencies, on the warm server with the whole corpus indexed.
  const latencies = await measureLatencies(warmServer, targets);
  const warmRss = warmServer.peakRssMb();
  await warmServer.stop();
  for (const row of latencies) log(`${row.label}: p50 ${ms(row.p50)} p95 ${ms(row.p95)}`);

  // The reference build's keystrokes in the largest article, on its own warm server.
  if (reference) {
    const referenceServer = await startServer({ folders, cacheDir: reference.coldReference.cacheDir, serverScript: reference.serverScript });
    await referenceServer.indexed;
    reference.edits = await editLatencies(referenceServer, 'largest', targets.largest, { semanticTokens: false });
    await referenceServer.stop();
    for (const row of reference.edits) log(`reference ${row.label}: p50 ${ms(row.p50)} p95 ${ms(row.p95)}`);
  }

  // Growth: 25 % and 50 % of the files, copied into scratch folders, indexed cold.
  const growth = [];
  for (const share of [0.25, 0.5]) {
    const subset = path.join(scratch, `subset-${share * 100}`);
    const picked = files.filter((_, i) => i % Math.round(1 / share) === 0);
    picked.forEach((file, i) => {
      const target = path.join(subset, String(Math.floor(i / 500)), `${i}_${path.basename(file)}`);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    });
    const run = await coldRun([subset]);
    await run.server.stop();
    growth.push({ share, files: picked.length, time: run.time, rss: run.rss });
    log(`growth ${share * 100}%: ${picked.length} files ${ms(run.time)} ms ${run.rss?.toFixed(0)} MB`);
  }
  growth.push({ share: 1, files: files.length, time: cold.time, rss: cold.rss });

  writeReport({ files, mb, source, floor, peer, coreSingle, threads, phases, single, cold, one, two, firstOnMachine, warm, warmRss, latencies, growth, reference });
  rmSync(scratch, { recursive: true, force: true });
}

async function peerDocumentSymbols(files) {
  const md = require('vscode-markdown-languageservice');
  const MarkdownIt = require('markdown-it');
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const markdownIt = MarkdownIt({ html: true });
  const parser = { slugifier: md.githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) };
  const noEvent = () => ({ dispose() {} });
  const workspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: noEvent,
    onDidCreateMarkdownDocument: noEvent,
    onDidDeleteMarkdownDocument: noEvent,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const service = md.createLanguageService({ workspace, parser, logger: { level: 0, log() {} } });
  const token = { isCancellationRequested: false, onCancellationRequested: noEvent };
  const started = performance.now();
  let version = 1;
  for (const file of files) {
    const document = TextDocument.create(pathToFileURL(file).href, 'markdown', version++, readFileSync(file, 'utf8'));
    await service.getDocumentSymbols(document, {}, token);
  }
  return performance.now() - started;
}

/** Hover latencies on the typical article, one request every 15 ms, until the start-up index ends. */
async function hoversUntilIndexed(server, typical) {
  let indexing = true;
  server.indexed.then(() => (indexing = false));
  const times = [];
  const params = { textDocument: { uri: pathToFileURL(typical.file).href }, position: typical.figure };
  while (indexing) {
    const started = performance.now();
    await server.request('textDocument/hover', params);
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  return { samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/** A place in the middle of an article's prose, between two Chinese characters, as an LSP position. */
function prosePosition(text) {
  const { article } = core.parseArticle(text);
  const han = /[\u4e00-\u9fff]/;
  for (let offset = article.sourceMap.toSourceStart(Math.floor(article.text.length / 2)); offset < text.length; offset++) {
    if (han.test(text[offset - 1]) && han.test(text[offset])) return article.lines.positionAt(offset);
  }
  return article.lines.positionAt(article.sourceMap.toSourceStart(Math.floor(article.text.length / 2)));
}

/** A typical article naming a frequent figure and a meeting, and the largest article. */
function chooseTargets(files, knowledge) {
  let typical;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text.length > 30000 || !/拜登|習近平|习近平/.test(text)) continue;
    const analysis = core.analyzeArticle(pathToFileURL(file).href, text, knowledge);
    const figure = analysis.figures.find((mention) => mention.figureId === 'joe-biden' || mention.figureId === 'xi-jinping');
    const meeting = analysis.meetings[0];
    if (figure && meeting) {
      typical = { file, text, figure: figure.range.start, meeting: meeting.range.start };
      break;
    }
  }
  const largest = files.reduce((best, file) => (statSync(file).size > statSync(best).size ? file : best), files[0]);
  return { typical, largest: { file: largest, text: readFileSync(largest, 'utf8') } };
}

async function measureLatencies(server, { typical, largest }) {
  const rows = [];
  const at = (file, position) => ({ textDocument: { uri: pathToFileURL(file).href }, position });
  if (typical) {
    rows.push(await timeRequests('hover (figure)', () => server.request('textDocument/hover', at(typical.file, typical.figure))));
    rows.push(await timeRequests('definition (figure)', () => server.request('textDocument/definition', at(typical.file, typical.figure))));
    rows.push(await timeRequests('references (figure)', () => server.request('textDocument/references', { ...at(typical.file, typical.figure), context: { includeDeclaration: true } })));
    rows.push(await timeRequests('references (meeting)', () => server.request('textDocument/references', { ...at(typical.file, typical.meeting), context: { includeDeclaration: true } })));
  }
  const largestDoc = { textDocument: { uri: pathToFileURL(largest.file).href } };
  rows.push(await timeRequests(`documentSymbol (largest, ${(largest.text.length / 1024).toFixed(0)} K chars)`, () => server.request('textDocument/documentSymbol', largestDoc)));
  rows.push(await timeRequests('workspace symbols (拜登)', () => server.request('workspace/symbol', { query: '拜登' })));
  rows.push(await timeRequests('workspace symbols (empty query)', () => server.request('workspace/symbol', { query: '' })));
  for (const [label, target] of [['typical', typical], ['largest', largest]]) if (target) rows.push(...(await editLatencies(server, label, target)));
  return rows;
}

/** Keystroke latencies on one article (`label`: typical or largest), opened in `server` and closed after. */
async function editLatencies(server, label, target, { semanticTokens = true } = {}) {
  const rows = [];
  const uri = pathToFileURL(target.file).href;
  let version = 1;
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'summit-article', version, text: target.text } });
  const size = `${(target.text.length / 1024).toFixed(0)} K chars`;
  // One character typed (and then removed, so every sample edits the same text), then a request that needs the new analysis:
  // a Chinese character in the middle of the prose, the common case; a line break there, which is markup (the HTML body is
  // walked again from the last checkpoint before it); and a space at the very top, which re-reads the whole layout.
  const prose = prosePosition(target.text);
  const kinds = [
    ['typing prose', prose, '的'],
    ['line break in the prose, body walked again from a checkpoint', prose, '\n'],
    ['space at line 1, full re-read', { line: 0, character: 0 }, ' '],
  ];
  const edit = (position, typed, i) => {
    const end = typed === '\n' ? { line: position.line + 1, character: 0 } : { line: position.line, character: position.character + 1 };
    const change = i % 2 === 0 ? { range: { start: position, end: position }, text: typed } : { range: { start: position, end }, text: '' };
    return server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
  };
  for (const [kind, position, typed] of kinds) {
    rows.push(
      await timeRequests(`edit → re-index → documentSymbol (${label}, ${size}, ${kind})`, async (i) => {
        await edit(position, typed, i);
        return server.request('textDocument/documentSymbol', { textDocument: { uri } });
      }),
    );
  }
  // The editor asks for the colours of the whole article after each keystroke: they are encoded from the new analysis.
  if (label === 'largest' && semanticTokens) {
    rows.push(
      await timeRequests(`edit → re-index → semanticTokens/full (${label}, ${size}, typing prose)`, async (i) => {
        await edit(prose, '的', i);
        return server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      }),
    );
  }
  await server.notify('textDocument/didClose', { textDocument: { uri } });
  return rows;
}

/** This build against the reference build, measured in the same run (each side's faster of two runs where it says so). */
function referenceReport(lines, r) {
  const { reference } = r;
  lines.push(`Against the reference build, ${reference.commit}, in the same run:`);
  lines.push('');
  lines.push('| Measure | This build | Reference | This / reference |');
  lines.push('|---|---:|---:|---:|');
  const compare = (measure, mine, theirs, unit = 'ms') => lines.push(`| ${measure} | ${ms(mine)} ${unit} | ${ms(theirs)} ${unit} | ${(mine / theirs).toFixed(2)}× |`);
  compare('Core in one thread (faster of two runs)', reference.coreThis.time, reference.coreReference.time);
  compare('… of which parse', reference.coreThis.phases.parse, reference.coreReference.phases.parse);
  compare('… of which recognisers', reference.coreThis.phases.recognise, reference.coreReference.phases.recognise);
  compare('Cold index, server, default workers (faster of two runs)', reference.coldThis.time, reference.coldReference.time);
  compare('Peak RSS of that run', reference.coldThis.rss ?? NaN, reference.coldReference.rss ?? NaN, 'MB');
  for (const theirs of reference.edits) {
    const mine = r.latencies.find((row) => row.label === theirs.label);
    if (!mine) continue;
    const label = theirs.label.replace(/^edit → re-index → documentSymbol \((.*)\)$/, 'keystroke, $1');
    compare(`${label}, p50`, mine.p50, theirs.p50);
    compare(`${label}, p95`, mine.p95, theirs.p95);
  }
  lines.push('');
}

function writeReport(r) {
  const targets = { 'hover (figure)': 5, 'definition (figure)': 5, 'references (figure)': 20, 'references (meeting)': 20 };
  const target = (label) => (label.startsWith('documentSymbol') ? 10 : label.startsWith('edit') ? 10 : targets[label]);
  const verdict = (value, limit) => (limit === undefined ? '' : value <= limit ? 'met' : `missed (${(value / limit).toFixed(1)}×)`);
  const lines = [];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  lines.push(`## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(`Load average when the run ended: ${loadavg()[0].toFixed(1)} (other processes share the machine; absolute times are noisy, ratios within one run less so).`);
  lines.push('');
  lines.push(`Corpus: ${r.files.length.toLocaleString('en')} files, ${r.mb.toFixed(1)} MB (${r.source}). Machine: ${availableParallelism()} cores (${cpu}), Node ${process.version}.`);
  lines.push('');
  lines.push('| Measure | Value | Ratio | Target | |');
  lines.push('|---|---:|---:|---|---|');
  const row = (measure, value, ratio = '', limit = '', result = '') => lines.push(`| ${measure} | ${value} | ${ratio} | ${limit} | ${result} |`);
  row('Floor: read + `cheerio.load` every file', `${ms(r.floor)} ms`, '1.00× floor');
  row('Peer: markdown-languageservice document symbols', `${ms(r.peer)} ms`, `${(r.peer / r.floor).toFixed(2)}× floor`);
  row('Core in one thread, in process (read + parse + recognise)', `${ms(r.coreSingle)} ms`, `${(r.coreSingle / r.floor).toFixed(2)}× floor`, '', `parse ${ms(r.phases.parse)} ms, recognisers ${ms(r.phases.recognise)} ms`);
  row('Core in two threads vs one, in process (each reads and analyses its share)', `${ms(r.threads.two)} ms vs ${ms(r.threads.one)} ms`, `${(r.threads.two / r.threads.one).toFixed(2)}× one thread`);
  row('Cold index, server, main thread only (`SUMMIT_LENS_WORKERS=0`)', `${ms(r.single.time)} ms`, `${(r.single.time / r.floor).toFixed(2)}× floor`);
  row('Cold index, server, one worker thread (`SUMMIT_LENS_WORKERS=1`)', `${ms(r.one.time)} ms`, `${(r.one.time / r.floor).toFixed(2)}× floor`, '', `peak RSS ${r.one.rss?.toFixed(0)} MB`);
  row('Cold index, server, two worker threads (`SUMMIT_LENS_WORKERS=2`)', `${ms(r.two.time)} ms`, `${(r.two.time / r.floor).toFixed(2)}× floor`, '', `peak RSS ${r.two.rss?.toFixed(0)} MB`);
  row(`**Cold index**, server, default (${/(\d+) worker/.exec(r.cold.indexLine)?.[1] ?? '?'} workers on ${availableParallelism()} cores)`, `${ms(r.cold.time)} ms`, `${(r.cold.time / r.floor).toFixed(2)}× floor`, '≤ 1.5× floor', verdict(r.cold.time / r.floor, 1.5));
  row('Cold index, default, the first on this machine (no jieba image kept by an earlier run)', `${ms(r.firstOnMachine.time)} ms`, `${(r.firstOnMachine.time / r.floor).toFixed(2)}× floor`, '', `peak RSS ${r.firstOnMachine.rss?.toFixed(0)} MB`);
  row('Cold throughput', `${(r.files.length / (r.cold.time / 1000)).toFixed(0)} files/s, ${(r.mb / (r.cold.time / 1000)).toFixed(1)} MB/s`);
  row('Default vs main thread only', '', `${(r.cold.time / r.single.time).toFixed(2)}× the time`);
  row('**Warm start** from the cache', `${ms(r.warm)} ms`, `${(r.warm / r.cold.time).toFixed(2)}× cold`, '≤ 0.2× cold', verdict(r.warm / r.cold.time, 0.2));
  row('Peak RSS, cold (default)', `${r.cold.rss?.toFixed(0)} MB`, '', '≤ 400 MB', verdict(r.cold.rss ?? Infinity, 400));
  row('Peak RSS, cold (main thread only)', `${r.single.rss?.toFixed(0)} MB`, '', '≤ 400 MB', verdict(r.single.rss ?? Infinity, 400));
  row('Peak RSS, warm start + requests', `${r.warmRss?.toFixed(0)} MB`, '', '≤ 400 MB', verdict(r.warmRss ?? Infinity, 400));
  lines.push('');
  lines.push(`Request latency over LSP/stdio on the warm server (${SAMPLES} samples after 5 warm-ups):`);
  lines.push('');
  lines.push('| Request | p50 | p95 | Target (p95) | |');
  lines.push('|---|---:|---:|---|---|');
  for (const latency of r.latencies) {
    const limit = target(latency.label);
    lines.push(`| ${latency.label} | ${ms(latency.p50)} ms | ${ms(latency.p95)} ms | ${limit === undefined ? '' : `≤ ${limit} ms`} | ${verdict(latency.p95, limit)} |`);
  }
  lines.push('');
  lines.push('Hover on the typical article while the start-up index fills (one request every 15 ms, fresh cache):');
  lines.push('');
  lines.push('| Workers | Samples | p50 | p95 | Worst | Target (p95) | |');
  lines.push('|---|---:|---:|---:|---:|---|---|');
  for (const [label, run] of [[`default (${/(\d+) worker/.exec(r.cold.indexLine)?.[1] ?? '?'})`, r.cold], ['0 (main thread only)', r.single]]) {
    if (!run.during) continue;
    lines.push(`| ${label} | ${run.during.samples} | ${ms(run.during.p50)} ms | ${ms(run.during.p95)} ms | ${ms(run.during.max)} ms | ≤ 5 ms | ${verdict(run.during.p95, 5)} |`);
  }
  lines.push('');
  lines.push('Growth (cold index, default workers, fresh cache):');
  lines.push('');
  lines.push('| Share | Files | Index time | ms per file | Peak RSS |');
  lines.push('|---|---:|---:|---:|---:|');
  for (const step of r.growth) lines.push(`| ${step.share * 100} % | ${step.files.toLocaleString('en')} | ${ms(step.time)} ms | ${(step.time / step.files).toFixed(2)} | ${step.rss?.toFixed(0)} MB |`);
  lines.push('');
  if (r.reference) referenceReport(lines, r);
  const table = lines.join('\n');
  // SUMMIT_BENCH_OUTPUT=file writes the table there instead (a trial run leaves BENCHMARKS.md as it is).
  if (process.env.SUMMIT_BENCH_OUTPUT) {
    writeFileSync(process.env.SUMMIT_BENCH_OUTPUT, `${table}\n`);
    process.stdout.write(`${table}\n`);
    return;
  }
  const file = path.join(root, 'BENCHMARKS.md');
  const marker = '<!-- bench:results -->';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${marker}\n`;
  const [head] = current.split(marker);
  writeFileSync(file, `${head}${marker}\n\n${table}`);
  process.stdout.write(`${table}\n`);
}

await main();
