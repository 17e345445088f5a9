// Snapshot + focused tests for the Summit Article TextMate grammar.
//
//   node --test test/grammar.test.mjs                      compare with snapshots
//   UPDATE_SNAPSHOTS=1 node --test test/grammar.test.mjs   (re)write snapshots
//
// Snapshots live in test/grammar-snapshots/<corpus file>.snap; a missing
// snapshot fails the test (write it with UPDATE_SNAPSHOTS=1). They list only tokens that carry one of
// our own scopes (`*.summit-article`) or a `markup.*` scope, one per line:
//   <line>:<column> "<token text>" → <scopes, outermost first, root omitted>
//
// The embedded grammars (source.yaml, text.html.basic) ship with VS Code and
// are not available here: the registry returns null for them, so embedded
// regions only carry our outer scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import { compileGrammar, grammarJsonPath } from '../scripts/build-grammar.mjs';
import { devFolder } from './support/core.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'examples', 'corpus');
const snapshotDir = join(root, 'test', 'grammar-snapshots');
const devCorpusDir = devFolder;
const ROOT_SCOPE = 'text.summit-article';
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

// ---------------------------------------------------------------------------
// Grammar loading

let grammarPromise;
function loadGrammar() {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const onigLib = Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    });
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName === ROOT_SCOPE) {
          return vsctm.parseRawGrammar(readFileSync(grammarJsonPath, 'utf8'), grammarJsonPath);
        }
        return null; // source.yaml, text.html.basic: only available inside VS Code
      },
    });
    const grammar = await registry.loadGrammar(ROOT_SCOPE);
    assert.ok(grammar, 'grammar failed to load');
    return grammar;
  })();
  return grammarPromise;
}

/**
 * VS Code stops tokenizing a line after a time limit and leaves the rest unstyled; a pattern that
 * backtracks badly shows up here as a line that stops early.
 */
const LINE_TIME_LIMIT_MS = 500;

/** Tokenize a whole document: [{ line, tokens: [{ start, text, scopes }] }]. */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const lines = text.split(/\r?\n/);
  return lines.map((lineText, i) => {
    const r = grammar.tokenizeLine(lineText, state, LINE_TIME_LIMIT_MS);
    assert.ok(!r.stoppedEarly, `tokenizing line ${i + 1} took more than ${LINE_TIME_LIMIT_MS} ms`);
    state = r.ruleStack;
    return {
      line: i + 1,
      text: lineText,
      tokens: r.tokens
        .map((t) => ({ start: t.startIndex, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes }))
        .filter((t) => t.text.length > 0),
    };
  });
}

const isOurs = (scope) => scope !== ROOT_SCOPE && (scope.endsWith('.summit-article') || scope.startsWith('markup.'));

function clip(s, max = 60) {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

function renderSnapshot(name, lines) {
  const out = [
    `# ${name} — tokens with summit-article or markup scopes`,
    `# <line>:<col> "<text>" → <scopes without the root ${ROOT_SCOPE}>`,
  ];
  for (const { line, tokens } of lines) {
    for (const t of tokens) {
      if (!t.scopes.some(isOurs)) continue;
      const scopes = t.scopes.filter((s) => s !== ROOT_SCOPE).join(' ');
      out.push(`${line}:${t.start} ${JSON.stringify(clip(t.text))} → ${scopes}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Small line diff (LCS) for readable snapshot failures. */
function lineDiff(expected, actual, context = 2) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push([' ', a[i++]]), j++;
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(['-', a[i++]]);
    else ops.push(['+', b[j++]]);
  }
  const keep = ops.map((op, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((o) => o[0] !== ' '));
  const out = [];
  let skipped = false;
  ops.forEach(([tag, text], k) => {
    if (keep[k]) {
      out.push(`${tag} ${text}`);
      skipped = false;
    } else if (!skipped) {
      out.push('  …');
      skipped = true;
    }
  });
  return out.join('\n');
}

function corpusFiles() {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
}

const docCache = new Map();
async function tokenizeCorpusFile(prefix) {
  const file = corpusFiles().find((f) => f.startsWith(prefix));
  assert.ok(file, `no corpus file starting with ${prefix}`);
  if (!docCache.has(file)) docCache.set(file, tokenize(readFileSync(join(corpusDir, file), 'utf8')));
  return docCache.get(file);
}

/** Tokens of a 1-based line; helper to find the token(s) covering a substring. */
function tokensCovering(doc, lineNo, substring) {
  const line = doc[lineNo - 1];
  const at = line.text.indexOf(substring);
  assert.ok(at >= 0, `line ${lineNo} does not contain ${JSON.stringify(substring)}: ${line.text}`);
  const end = at + substring.length;
  const hit = line.tokens.filter((t) => t.start < end && t.start + t.text.length > at);
  assert.ok(hit.length > 0);
  return hit;
}

function assertScope(tokens, scopePrefix, what) {
  for (const t of tokens) {
    assert.ok(
      t.scopes.some((s) => s === scopePrefix || s.startsWith(scopePrefix + '.')),
      `${what}: token ${JSON.stringify(t.text)} lacks ${scopePrefix}; has ${t.scopes.join(' ')}`,
    );
  }
}

// ---------------------------------------------------------------------------
// Tests

test('grammar JSON is up to date with the YAML source', () => {
  const expected = compileGrammar();
  const actual = readFileSync(grammarJsonPath, 'utf8');
  assert.ok(
    actual === expected,
    'syntaxes/summit-article.tmLanguage.json is stale; run: node scripts/build-grammar.mjs',
  );
});

test('grammar snapshots of examples/corpus', async (t) => {
  const files = corpusFiles();
  assert.ok(files.length > 0, 'examples/corpus is empty');
  mkdirSync(snapshotDir, { recursive: true });
  for (const snap of readdirSync(snapshotDir)) {
    if (snap.endsWith('.snap') && !files.includes(snap.slice(0, -'.snap'.length))) {
      t.diagnostic(`orphan snapshot test/grammar-snapshots/${snap} (its corpus file is gone): delete it`);
    }
  }
  for (const file of files) {
    await t.test(file, async () => {
      const doc = await tokenize(readFileSync(join(corpusDir, file), 'utf8'));
      const actual = renderSnapshot(file, doc);
      const snapPath = join(snapshotDir, `${basename(file)}.snap`);
      if (UPDATE) {
        writeFileSync(snapPath, actual);
        return;
      }
      assert.ok(existsSync(snapPath), `no grammar snapshot for ${file}: write it with UPDATE_SNAPSHOTS=1 node --test test/grammar.test.mjs and review it`);
      const expected = readFileSync(snapPath, 'utf8');
      if (actual !== expected) {
        assert.fail(
          `grammar snapshot mismatch for ${file} (- snapshot, + actual).\n` +
            `If the change is intended, rerun with UPDATE_SNAPSHOTS=1.\n\n${lineDiff(expected, actual)}`,
        );
      }
    });
  }
});

test('seed 002: front matter starts the frontmatter scope', async () => {
  const doc = await tokenizeCorpusFile('002_');
  const first = doc[0].tokens[0];
  assert.equal(first.text, '---');
  assertScope([first], 'meta.frontmatter', 'opening ---');
  assertScope([first], 'punctuation.definition.frontmatter.begin', 'opening ---');
  // Body of the front matter is the embedded YAML region.
  assertScope(tokensCovering(doc, 2, 'layout: post'), 'meta.embedded.block.frontmatter', 'front matter body');
  // Closing delimiter on line 10 ends it; the stamp line is outside.
  assertScope(tokensCovering(doc, 10, '---'), 'punctuation.definition.frontmatter.end', 'closing ---');
  assert.ok(!doc[10].tokens.some((t) => t.scopes.some((s) => s.startsWith('meta.frontmatter'))));
});

test('seed 002: epoch-ms stamp gets the timestamp scope', async () => {
  const doc = await tokenizeCorpusFile('002_');
  assert.equal(doc[10].text, '<!--1698550571000-->');
  assertScope(tokensCovering(doc, 11, '1698550571000'), 'constant.numeric.timestamp', 'stamp value');
  assertScope(tokensCovering(doc, 11, '<!--'), 'punctuation.definition.comment.begin', 'stamp <!--');
  assertScope(tokensCovering(doc, 11, '-->'), 'comment.block.html', 'stamp -->');
});

test('seed 004: NaN stamp is scoped too', async () => {
  const doc = await tokenizeCorpusFile('004_');
  assertScope(tokensCovering(doc, 11, 'NaN'), 'constant.language.nan.timestamp', 'NaN stamp');
});

test('seed 002: [title](url) header and ------ underline are headings', async () => {
  const doc = await tokenizeCorpusFile('002_');
  const header = 12;
  assert.match(doc[header - 1].text, /^\[.*\]\(https?:.*\)$/);
  for (const t of doc[header - 1].tokens) assertScope([t], 'markup.heading.1', 'header line');
  assertScope(tokensCovering(doc, header, '分析：拜登习近平11月会谈的背后原因'), 'entity.name.section', 'title');
  assertScope(tokensCovering(doc, header, 'https://www.epochtimes.com/'), 'markup.underline.link', 'url');
  assert.equal(doc[header].text, '------');
  assertScope(doc[header].tokens, 'markup.heading.1', 'underline');
  assertScope(doc[header].tokens, 'markup.heading.setext', 'underline');
  // The heading ends after the underline: the blank line and body are outside.
  assert.ok(!doc[header + 1].tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
  assert.ok(!doc[header + 2].tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
});

test('seed 003: header without front matter', async () => {
  const doc = await tokenizeCorpusFile('003_');
  assertScope(tokensCovering(doc, 1, '1636774988000'), 'constant.numeric.timestamp', 'stamp');
  assertScope(tokensCovering(doc, 2, 'https://www.bbc.com/'), 'markup.underline.link', 'url');
  assertScope(doc[2].tokens, 'markup.heading.setext', 'underline');
});

test('seed 000: rst ==== underline and .. [1] footnote', async () => {
  const doc = await tokenizeCorpusFile('000_');
  assert.match(doc[1].text, /^=+$/);
  assertScope(doc[1].tokens, 'markup.heading.setext.1', '==== underline');
  assertScope(tokensCovering(doc, 1, '[1]_'), 'markup.other.footnote-reference', 'title footnote ref');

  const fnIndex = doc.findIndex((l) => l.text.startsWith('.. [1]'));
  assert.ok(fnIndex >= 0, 'footnote line not found');
  const fnLine = fnIndex + 1;
  assertScope(doc[fnIndex].tokens, 'meta.footnote', 'footnote line');
  assertScope(tokensCovering(doc, fnLine, '[1]'), 'entity.name.tag.footnote', 'footnote label');
  assertScope(tokensCovering(doc, fnLine, 'Charles Hutzler'), 'string.unquoted.footnote', 'footnote body');
  // `..` is punctuation, not part of the label.
  const dots = tokensCovering(doc, fnLine, '..');
  assert.ok(!dots.some((t) => t.scopes.some((s) => s.startsWith('entity.name.tag'))));
});

test('inline snippets: ATX headings, comments, inline links', async () => {
  const doc = await tokenize(
    [
      '# 《新闻联播》 (20231116)',
      '## 新闻摘要',
      '### 习近平同美国总统举行中美元首会晤',
      '####  [返回](README.md)',
      '#不是标题',
      '<div> <!-- zoomattribute --> </div>',
      '`11/1/2023` [轉載自GNews](https://gnews.org/articles/1906526)',
      '---',
      'not front matter: --- only matters on line 1',
    ].join('\n'),
  );
  assertScope(tokensCovering(doc, 1, '新闻联播'), 'markup.heading.1', 'h1');
  assertScope(tokensCovering(doc, 1, '新闻联播'), 'entity.name.section', 'h1 text');
  assertScope(tokensCovering(doc, 1, '#'), 'punctuation.definition.heading', 'h1 #');
  assertScope(tokensCovering(doc, 2, '新闻摘要'), 'markup.heading.2', 'h2');
  assertScope(tokensCovering(doc, 3, '习近平'), 'markup.heading.3', 'h3');
  assertScope(tokensCovering(doc, 4, 'README.md'), 'markup.heading.4', 'h4');
  assertScope(tokensCovering(doc, 4, 'README.md'), 'markup.underline.link', 'h4 link');
  assert.ok(!doc[4].tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))), '#不是标题');
  assertScope(tokensCovering(doc, 6, 'zoomattribute'), 'comment.block.html', 'html comment');
  assert.ok(!tokensCovering(doc, 6, '<div>').some((t) => t.scopes.some((s) => s.startsWith('comment'))));
  assertScope(tokensCovering(doc, 7, 'https://gnews.org'), 'markup.underline.link', 'inline link');
  assert.ok(!doc[6].tokens.some((t) => t.scopes.some((s) => s.startsWith('markup.heading'))));
  assertScope(doc[7].tokens, 'markup.heading.setext.2', '--- not on line 1');
  assert.ok(!doc[7].tokens.some((t) => t.scopes.some((s) => s.startsWith('meta.frontmatter'))));
});

test('smoke: dev corpus tokenizes completely', { skip: !devCorpusDir && 'the dev corpus (../shared/corpus/dev) is not present' }, async () => {
  let files = 0;
  for (const dir of readdirSync(devCorpusDir)) {
    const full = join(devCorpusDir, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full)) {
      const path = join(full, f);
      if (!statSync(path).isFile()) continue;
      const doc = await tokenize(readFileSync(path, 'utf8')); // asserts !stoppedEarly
      files++;
      // Whatever precedes it, a file that opens with `---` opens front matter.
      if (doc[0].text.trim() === '---') assertScope([doc[0].tokens[0]], 'meta.frontmatter', `${dir}/${f}`);
    }
  }
  assert.ok(files > 0);
});

// ---------------------------------------------------------------------------
// Optional: with VS Code's own bundled grammars (source.yaml, text.html.basic,
// …) the embedded regions must be handed over and handed back cleanly. Uses a
// VS Code / code-server `extensions` folder when one is available locally
// (SUMMIT_VSCODE_EXTENSIONS=/path/to/extensions, or the e2e code-server
// install); skipped otherwise. Not snapshotted: it depends on VS Code's version.

function findVscodeExtensionsDir() {
  const candidates = [
    process.env.SUMMIT_VSCODE_EXTENSIONS,
    join(root, 'e2e', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions'),
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(join(dir, 'yaml', 'syntaxes')) && existsSync(join(dir, 'html', 'syntaxes')));
}

const vscodeExtensionsDir = findVscodeExtensionsDir();

test(
  'with VS Code grammars: YAML front matter and HTML body embed and close cleanly',
  { skip: !vscodeExtensionsDir && 'no VS Code extensions folder found (set SUMMIT_VSCODE_EXTENSIONS)' },
  async () => {
    const byScope = {};
    for (const ext of readdirSync(vscodeExtensionsDir)) {
      const dir = join(vscodeExtensionsDir, ext, 'syntaxes');
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.json')) continue;
        try {
          const { scopeName } = JSON.parse(readFileSync(join(dir, f), 'utf8'));
          if (scopeName) byScope[scopeName] = join(dir, f);
        } catch {
          // not a grammar
        }
      }
    }
    byScope[ROOT_SCOPE] = grammarJsonPath;
    await loadGrammar(); // initialises oniguruma
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) =>
        byScope[scopeName] ? vsctm.parseRawGrammar(readFileSync(byScope[scopeName], 'utf8'), byScope[scopeName]) : null,
    });
    const grammar = await registry.loadGrammar(ROOT_SCOPE);
    for (const file of corpusFiles()) {
      const lines = readFileSync(join(corpusDir, file), 'utf8').split(/\r?\n/);
      let state = vsctm.INITIAL;
      const doc = lines.map((text) => {
        const r = grammar.tokenizeLine(text, state);
        state = r.ruleStack;
        return { text, tokens: r.tokens.map((t) => ({ text: text.slice(t.startIndex, t.endIndex), scopes: t.scopes })) };
      });
      assert.equal(state.depth, 1, `${file}: rule stack not back at the root at EOF`);
      const scopesOf = (lineIdx, text) => doc[lineIdx].tokens.find((t) => t.text === text)?.scopes ?? [];
      if (lines[0] === '---') {
        assert.ok(scopesOf(1, 'layout').includes('entity.name.tag.yaml'), `${file}: front matter is not YAML`);
        const close = lines.indexOf('---', 1);
        assert.ok(scopesOf(close, '---').includes('punctuation.definition.frontmatter.end.summit-article'));
      }
      const stamp = lines.findIndex((l) => /^<!--(\d+|NaN)-->$/.test(l));
      if (stamp >= 0) assert.ok(doc[stamp].tokens.some((t) => t.scopes.some((s) => s.includes('.timestamp.'))));
      const tagLine = doc.findIndex((l) => /^<[a-z]/i.test(l.text));
      if (tagLine >= 0) {
        assert.ok(
          doc[tagLine].tokens.some((t) => t.scopes.includes('entity.name.tag.html')),
          `${file}: HTML body is not highlighted as HTML`,
        );
      }
    }
  },
);
