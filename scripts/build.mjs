// Bundles the extension client, the language server, the CLI and the pure core (for tests and benchmarks) with esbuild.
import { build } from 'esbuild';
import { mkdirSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * The built-in catalogues (server/data/*.yaml) are parsed here, once, by the same parsers the
 * server uses for a workspace's own files, and bundled as their parse result: reading 185 KB of
 * YAML cost every server start ≈ 0.3 s. The script normalisation table is precomputed the same
 * way (running OpenCC over every Han character cost ≈ 60 ms).
 */
/** The JSON Schemas of the catalogues, compiled once: what the schema rejects fails the build. */
const catalogueValidators = (() => {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv');
  const ajv = new Ajv({ allErrors: true });
  return {
    figures: ajv.compile(require('../schemas/figures.schema.json')),
    meetings: ajv.compile(require('../schemas/meetings.schema.json')),
  };
})();

function catalogueSchemaErrors(kind, text) {
  let data;
  try {
    data = createRequire(import.meta.url)('yaml').parse(text);
  } catch {
    return []; // The parser reports the syntax error with its line.
  }
  const validate = catalogueValidators[kind];
  if (validate(data)) return [];
  return validate.errors.slice(0, 20).map((error) => `${error.instancePath || '/'} ${error.message}`);
}

async function builtinCataloguesPlugin() {
  const parsers = await build({
    stdin: {
      contents: [
        "export { parseFigureCatalogue } from './server/src/core/figures/catalogue';",
        "export { parseMeetingCatalogue } from './server/src/core/meetings/catalogue';",
        "export { parseMeetingWords } from './server/src/core/meetings/wordData';",
        "export { buildNormalizationTable } from './server/src/core/text/normalizationTable';",
        "export { parseOutletTable } from './server/src/core/article/outlets';",
        "export { gatherForms } from './server/src/core/figures/formIndex';",
      ].join('\n'),
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', parsers.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const { parseFigureCatalogue, parseMeetingCatalogue, parseMeetingWords, buildNormalizationTable, parseOutletTable, gatherForms } = module.exports;
  // The normalisation table as the pairs of units it changes (about 4,000 of 65,536).
  const table = buildNormalizationTable();
  let pairs = '';
  for (let code = 0; code < table.length; code++) if (table[code] !== code) pairs += String.fromCharCode(code, table[code]);
  const precomputedTable = [
    '// Precomputed by scripts/build.mjs from server/src/core/text/normalizationTable.ts.',
    `const PAIRS = ${JSON.stringify(pairs)};`,
    'export function buildNormalizationTable() {',
    '  const map = new Uint16Array(0x10000);',
    '  for (let code = 0; code < 0x10000; code++) map[code] = code;',
    '  for (let i = 0; i < PAIRS.length; i += 2) map[PAIRS.charCodeAt(i)] = PAIRS.charCodeAt(i + 1);',
    '  return map;',
    '}',
  ].join('\n');
  // Each catalogue is read once for all the bundles: the figure forms below are made from the same parse.
  const catalogues = new Map();
  return {
    name: 'builtin-catalogues',
    setup(pluginBuild) {
      const readCatalogue = (file) => {
        if (!catalogues.has(file)) catalogues.set(file, readBuiltinCatalogue(file));
        return catalogues.get(file);
      };
      const readBuiltinCatalogue = async (catalogueFile) => {
        const isFigures = path.basename(catalogueFile) === 'figures.yaml';
        // The figure catalogue is figures.yaml plus one file per category in data/figures/.
        const categoryFolder = path.join(path.dirname(catalogueFile), 'figures');
        const files = [catalogueFile];
        if (isFigures && existsSync(categoryFolder)) {
          for (const name of readdirSync(categoryFolder).sort()) if (name.endsWith('.yaml')) files.push(path.join(categoryFolder, name));
        }
        const parsed = isFigures ? { figures: [], problems: [] } : undefined;
        let result = parsed;
        const failures = [];
        const seenIds = new Map();
        for (const file of files) {
          const text = await readFile(file, 'utf8');
          const one = isFigures ? parseFigureCatalogue(text, 'builtin') : parseMeetingCatalogue(text, 'builtin');
          const relative = path.relative(process.cwd(), file);
          for (const problem of one.problems) failures.push(`${relative}:${(problem.line ?? 0) + 1}: ${problem.message}`);
          // The published JSON Schema (schemas/, offered to users' editors for .summit-lens/*.yaml) must hold for our own files too.
          for (const error of catalogueSchemaErrors(isFigures ? 'figures' : 'meetings', text)) failures.push(`${relative}: schema: ${error}`);
          if (!isFigures) { result = one; continue; }
          for (const figure of one.figures) {
            if (seenIds.has(figure.id)) { failures.push(`${relative}: figure id "${figure.id}" is already defined in ${seenIds.get(figure.id)}`); continue; }
            seenIds.set(figure.id, relative);
            parsed.figures.push(figure);
          }
        }
        return { result, failures, files };
      };
      pluginBuild.onLoad({ filter: /[\\/]server[\\/]data[\\/](figures|meetings)\.yaml$/ }, async (args) => {
        const { result, failures, files } = await readCatalogue(args.path);
        // A broken built-in entry fails the build: dropping it silently would pass every test.
        if (failures.length > 0) return { errors: failures.map((text) => ({ text })) };
        // JSON.parse of a string literal loads faster than the same object written as JavaScript.
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(result))});`, loader: 'js', watchFiles: files };
      });
      // The built-in catalogue's figure forms (formIndex.ts's gatherForms), made here once rather than
      // in every thread that loads the knowledge (≈ 0.3 s each for 2,500 people).
      pluginBuild.onResolve({ filter: /^builtin-figure-forms$/ }, () => ({ path: 'builtin-figure-forms', namespace: 'builtin-figure-forms' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'builtin-figure-forms' }, async () => {
        const { result, failures, files } = await readCatalogue(path.resolve('server/data/figures.yaml'));
        if (failures.length > 0) return { errors: failures.map((text) => ({ text })) };
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(gatherForms(result.figures)))});`, loader: 'js', watchFiles: files };
      });
      pluginBuild.onLoad({ filter: /[\\/]server[\\/]data[\\/]outlets\.yaml$/ }, async (args) => {
        const table = parseOutletTable(await readFile(args.path, 'utf8'));
        if (table.problems.length > 0) return { errors: table.problems.map((text) => ({ text: `server/data/outlets.yaml: ${text}` })) };
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(table))});`, loader: 'js', watchFiles: [args.path] };
      });
      // Name recognition's word tables: plain lists, bundled as their parse.
      pluginBuild.onLoad({ filter: /[\\/]server[\\/]data[\\/]figure-words\.yaml$/ }, async (args) => {
        const words = createRequire(import.meta.url)('yaml').parse(await readFile(args.path, 'utf8'));
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(words))});`, loader: 'js', watchFiles: [args.path] };
      });
      // jieba's WebAssembly module (with its dictionary) ships beside the bundles as dist/jieba.wasm and is
      // read on first use: embedded as base64 it made every bundle 5 MB larger, and every worker thread
      // compiled those 5 MB at start whether it segmented anything or not.
      pluginBuild.onResolve({ filter: /^jieba-wasm-bytes$/ }, () => ({ path: 'jieba-wasm-bytes', namespace: 'jieba-wasm-bytes' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'jieba-wasm-bytes' }, () => ({
        contents: "module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, 'jieba.wasm'));",
        loader: 'js',
      }));
      // The meeting linker's word tables, parsed and checked the same way.
      pluginBuild.onLoad({ filter: /[\\/]server[\\/]data[\\/]meeting-words\.yaml$/ }, async (args) => {
        const { words, problems } = parseMeetingWords(await readFile(args.path, 'utf8'));
        if (problems.length > 0) return { errors: problems.map((problem) => ({ text: `${path.relative(process.cwd(), args.path)}: ${problem.message}` })) };
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify({ words }))});`, loader: 'js', watchFiles: [args.path] };
      });
      pluginBuild.onLoad({ filter: /[\\/]core[\\/]text[\\/]normalizationTable\.ts$/ }, () => ({ contents: precomputedTable, loader: 'js' }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [await builtinCataloguesPlugin()],
  minifyWhitespace: process.argv.includes('--minify'),
  define: { SUMMIT_LENS_VERSION: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version) },
};

mkdirSync('dist', { recursive: true });
copyFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('jieba-wasm')), '../web/jieba_rs_wasm_bg.wasm'), 'dist/jieba.wasm');
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/workspace/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  // The thread that holds the one copy of jieba the server's threads share: jieba and nothing else.
  build({ ...common, entryPoints: ['server/src/workspace/segmenterThread.ts'], outfile: 'dist/segmenterThread.js' }),
  // The thread that builds jieba's dictionary once at start and hands its image to the thread that segments first.
  build({ ...common, entryPoints: ['server/src/workspace/segmenterImageThread.ts'], outfile: 'dist/segmenterImageThread.js' }),
  build({ ...common, entryPoints: ['server/src/cli/run.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The testing entry: the facade plus the pieces tests check one by one, the workspace layer and the CLI.
  build({ ...common, entryPoints: ['server/src/testing.ts'], outfile: 'dist/core.js' }),
  // The coverage pages' script, with Chart.js, runs inside a webview: a browser bundle, no Node.
  build({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, logLevel: 'warning', minify: true, entryPoints: ['client/src/coverageWebview.ts'], outfile: 'dist/coverageWebview.js' }),
]);
// Every thread keeps its bundle's source text, and one non-ASCII character (in a comment, a regular
// expression) makes V8 hold all of it at two bytes a character: ≈ 4 MB more in each of the server's
// threads. Escaped (`\u03a3`), the same code is ASCII. An escaped non-ASCII character (`\Σ`) means
// the character itself, so its backslash is dropped.
for (const bundle of ['server', 'indexWorker', 'segmenterThread', 'segmenterImageThread', 'cli', 'core']) {
  const file = `dist/${bundle}.js`;
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) continue;
  const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, backslashes, unit) => `${backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes}\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, escaped);
}
// The TypeScript tests (test/*.test.ts) are bundled with the same plugins to dist/test/*.test.cjs.
const typedTests = readdirSync('test').filter((name) => name.endsWith('.test.ts')).map((name) => path.join('test', name));
if (typedTests.length > 0) await build({ ...common, entryPoints: typedTests, outdir: 'dist/test', outExtension: { '.js': '.cjs' } });
if (existsSync('syntaxes/summit-article.tmLanguage.yaml') && existsSync('scripts/build-grammar.mjs')) {
  await import('./build-grammar.mjs');
}
