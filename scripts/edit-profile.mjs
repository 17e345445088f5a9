// Times re-analysis after a keystroke in one long article, in process: the editor's update path
// (`createSummitLens().update`) with a Chinese character typed into the prose, a line break
// there, and a space at the very top (a full re-read), each typed and removed again, then
// semantic tokens encoded from the new analysis. Reports p50 / p95 of process CPU time.
// Usage: npm run build && node scripts/edit-profile.mjs [file] [samples]
//        EDIT_PROFILE=/tmp/edit.cpuprofile node scripts/edit-profile.mjs   (a CPU profile of the timed
//        edits only: the first analysis, which loads the knowledge and the segmenter, is left out)
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';

const core = createRequire(import.meta.url)('../dist/core.js');
const LARGEST = '/work/shared/corpus/bulk/NodeBE4+oped2/_posts/2020-09-15-数字焚书和网络维稳：149个国家-地区的互联网监视审查地图 - iYouPort.md';
const file = process.argv[2] || (existsSync(LARGEST) ? LARGEST : new URL('../examples/corpus/' + '000', import.meta.url).pathname);
const samples = Number(process.argv[3] ?? 120);
const text = readFileSync(file, 'utf8');
const uri = pathToFileURL(file).href;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** An offset in the middle of the prose, between two Han characters. */
function proseOffset() {
  const han = /[\u4e00-\u9fff]/;
  for (let offset = Math.floor(text.length / 2); offset < text.length; offset++) if (han.test(text[offset - 1]) && han.test(text[offset])) return offset;
  return Math.floor(text.length / 2);
}

const lens = core.createSummitLens();
lens.update(uri, text);
const prose = proseOffset();
const kinds = [
  ['typing prose', prose, '的'],
  ['line break in the prose', prose, '\n'],
  ['space at line 1, full re-read', 0, ' '],
];
const rows = [];
const session = process.env.EDIT_PROFILE ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
// `EDIT_KINDS=typing` (a word of the kind's name) times that kind only, for a focused profile.
const only = process.env.EDIT_KINDS;
for (const [kind, at, typed] of kinds.filter(([name]) => !only || name.includes(only))) {
  const edited = text.slice(0, at) + typed + text.slice(at);
  const update = [];
  const tokens = [];
  for (let i = 0; i < samples + 5; i++) {
    let started = cpuMs();
    const analysis = lens.update(uri, i % 2 === 0 ? edited : text);
    const updated = cpuMs();
    core.encodeSemanticTokens(core.semanticTokensOf(analysis));
    const encoded = cpuMs();
    if (i < 5) continue;
    update.push(updated - started);
    tokens.push(encoded - started);
    started = encoded;
  }
  rows.push({ kind, update, tokens });
}
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env.EDIT_PROFILE, JSON.stringify(profile));
}
process.stdout.write(`${file.split('/').pop()} (${text.length.toLocaleString('en')} chars), ${samples} samples each, CPU ms\n`);
process.stdout.write('| Edit | update p50 | update p95 | + semantic tokens p50 | p95 |\n|---|---:|---:|---:|---:|\n');
const ms = (value) => value.toFixed(1);
for (const { kind, update, tokens } of rows) {
  process.stdout.write(`| ${kind} | ${ms(percentile(update, 50))} | ${ms(percentile(update, 95))} | ${ms(percentile(tokens, 50))} | ${ms(percentile(tokens, 95))} |\n`);
}
