#!/usr/bin/env node
// The honest check of figure recognition: removes from the catalogue everyone the dev gold file
// names in fewer than N dev articles (default 2: people seen in only one article), indexes the
// dev set with the reduced catalogue, and scores it with the shared scorer. What remains found of
// those people is found by the rules that learn people from how the text presents them.
//
//   npm run build && node scripts/holdout-figures.mjs [--min-articles 2] [--verbose] [--keep index.json]
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
const goldFile = path.join(corpus, 'dev-gold.json');
const scorer = path.resolve(root, '../shared/eval/score.mjs');
if (!existsSync(goldFile) || !existsSync(scorer)) {
  console.error('The dev corpus (../shared/corpus/dev-gold.json) or the scorer (../shared/eval/score.mjs) is missing.');
  process.exit(2);
}
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const minArticles = Number(option('--min-articles', '2'));

const require = createRequire(import.meta.url);
// dist/core.js is the bundle of the core with its testing entry (`npm run build`); --core names another.
const core = require(path.resolve(option('--core', path.join(root, 'dist/core.js'))));

// Gold people and the number of dev articles that name them, keyed by English name.
const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
const latin = (value) => String(value ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
const han = (value) => core.normalizeForMatching(String(value ?? '').replace(/\s/g, '').replace(/[·‧•・]/g, '·'));
const articleCount = new Map();
const formsOf = new Map();
for (const article of gold) {
  for (const person of article.figures) {
    const key = latin(person.en) || han(person.zh?.[0]);
    articleCount.set(key, (articleCount.get(key) ?? 0) + 1);
    const forms = formsOf.get(key) ?? new Set();
    for (const form of person.zh ?? []) forms.add(han(form));
    formsOf.set(key, forms);
  }
}
const rare = [...articleCount].filter(([, count]) => count < minArticles).map(([key]) => key);

// Catalogue figures that are one of those people: the same English name, or a shared Chinese form.
const service = new core.SummitLensService({}, (uri) => uri);
const knowledge = service.knowledge;
const excluded = new Set();
for (const key of rare) {
  const forms = formsOf.get(key);
  for (const figure of knowledge.figures) {
    const sameName = latin(figure.en) === key || figure.latin.some((form) => latin(form) === key);
    const sameForm = [figure.zh, ...figure.names].some((name) => forms.has(han(name)));
    if (sameName || sameForm) excluded.add(figure.id);
  }
}
// The knowledge is rebuilt without them: its lists and its matcher.
const kept = knowledge.figures.filter((figure) => !excluded.has(figure.id));
Object.assign(knowledge, { figures: kept, matcher: new core.FigureMatcher(kept), figuresById: new Map(kept.map((figure) => [figure.id, figure])) });

const files = [];
const visit = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) visit(file);
    else if (core.CORPUS_EXTENSIONS.has(path.extname(file).toLowerCase())) files.push(file);
  }
};
// The gold file covers the dev folder and the seed articles.
visit(path.join(corpus, 'dev'));
visit(path.join(corpus, 'seeds'));
const articles = files.map((file) => {
  const analysis = service.store(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  return {
    path: path.relative(corpus, file).split(path.sep).join('/'),
    figures: analysis.figures.map((mention) => {
      const figure = service.figure(mention.figureId);
      return { id: mention.figureId, name: figure?.en ?? mention.text, nameZh: figure?.zh ?? mention.text, text: mention.text };
    }),
    meetings: analysis.meetings.map((mention) => ({ id: mention.meetingId, date: knowledge.meeting(mention.meetingId)?.date ?? null })),
  };
});
const out = option('--keep', path.join(mkdtempSync(path.join(os.tmpdir(), 'holdout-')), 'index.json'));
writeFileSync(out, JSON.stringify({ articles }));
console.log(`Held out ${excluded.size} catalogue figures (${rare.length} gold people named in fewer than ${minArticles} dev articles).`);
process.stdout.write(execFileSync(process.execPath, [scorer, '--pred', out, '--gold', goldFile, ...(args.includes('--verbose') ? ['--verbose'] : [])], { encoding: 'utf8' }));
