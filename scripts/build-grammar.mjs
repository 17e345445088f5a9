#!/usr/bin/env node
// Compile syntaxes/summit-article.tmLanguage.yaml -> syntaxes/summit-article.tmLanguage.json
//
//   node scripts/build-grammar.mjs           write the JSON
//   node scripts/build-grammar.mjs --check   exit 1 if the JSON is missing or stale
//
// Also importable: `import { compileGrammar } from './build-grammar.mjs'`.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const grammarYamlPath = join(root, 'syntaxes', 'summit-article.tmLanguage.yaml');
export const grammarJsonPath = join(root, 'syntaxes', 'summit-article.tmLanguage.json');

const NOTICE = [
  'This file is generated from summit-article.tmLanguage.yaml by scripts/build-grammar.mjs.',
  'Do not edit it by hand: edit the YAML and run `node scripts/build-grammar.mjs`.',
];

/** Parse the YAML source and return the JSON text (with trailing newline). */
export function compileGrammar(yamlText = readFileSync(grammarYamlPath, 'utf8')) {
  // uniqueKeys: a duplicated repository key is almost certainly a mistake.
  const grammar = parse(yamlText, { uniqueKeys: true, maxAliasCount: -1 });
  if (!grammar || typeof grammar !== 'object') throw new Error('grammar YAML is empty');
  for (const key of ['scopeName', 'patterns']) {
    if (!(key in grammar)) throw new Error(`grammar YAML lacks "${key}"`);
  }
  validateRegexes(grammar);
  const out = { information_for_contributors: NOTICE, ...grammar };
  return JSON.stringify(out, null, 2) + '\n';
}

/**
 * Cheap sanity check: every begin/end/while/match must at least be a string.
 * (Oniguruma syntax is not JS syntax, so we do not try to compile them here;
 * test/grammar.test.mjs exercises the grammar with the real engine.)
 */
function validateRegexes(node, path = '$') {
  if (Array.isArray(node)) {
    node.forEach((child, i) => validateRegexes(child, `${path}[${i}]`));
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (['begin', 'end', 'while', 'match'].includes(key) && typeof value !== 'string') {
      throw new Error(`${path}.${key} must be a string (quote it in the YAML)`);
    }
    validateRegexes(value, `${path}.${key}`);
  }
}

function main(argv) {
  const json = compileGrammar();
  const rel = relative(process.cwd(), grammarJsonPath) || grammarJsonPath;
  if (argv.includes('--check')) {
    const current = existsSync(grammarJsonPath) ? readFileSync(grammarJsonPath, 'utf8') : null;
    if (current !== json) {
      console.error(`${rel} is out of date; run: node scripts/build-grammar.mjs`);
      process.exitCode = 1;
      return;
    }
    console.log(`${rel} is up to date`);
    return;
  }
  writeFileSync(grammarJsonPath, json);
  console.log(`wrote ${rel}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2));
}
