// The settings contract (server/src/shared/protocol.ts) over the real protocol: a mistyped
// setting is named and the rest still works; hints and lenses turn off without a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { core, seed } from './support/core.mjs';
import { startServer, positionOf } from './support/lspClient.mjs';

const article = seed('002');

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-settings-'));
  writeFileSync(path.join(dir, 'a.md'), article.text);
  return dir;
}

async function hoverName(server) {
  const hover = await server.request('textDocument/hover', { textDocument: { uri: server.uriOf('a.md') }, position: positionOf(article.text, '拜登', 3) });
  return hover?.contents.value ?? '';
}

test('parseSettings reads the one shape, keeps what is mistyped at its default and says so', () => {
  const good = core.parseSettings({ summitLens: { corpus: ['articles'], inlayHints: { enabled: false }, codeLens: { enabled: true } }, files: { exclude: { '**/old': true } }, cacheDir: '/tmp/cache' });
  assert.deepEqual(good, { settings: { ...core.DEFAULT_SETTINGS, corpus: ['articles'], inlayHints: false, codeLens: true, filesExclude: { '**/old': true } }, cacheDir: '/tmp/cache', problems: [] });
  const text = core.parseSettings({ summitLens: { corpus: 'articles' } });
  assert.deepEqual(text.settings.corpus, ['articles']);
  assert.match(text.problems[0], /summitLens\.corpus should be a list/);
  const numbers = core.parseSettings({ summitLens: { corpus: [1, 2], inlayHints: { enabled: 'no' } }, cacheDir: 42 });
  assert.deepEqual(numbers.settings, core.DEFAULT_SETTINGS);
  assert.equal(numbers.cacheDir, undefined);
  assert.equal(numbers.problems.length, 3, numbers.problems.join('\n'));
  assert.match(numbers.problems.join('\n'), /summitLens\.corpus .* not \[1,2\]/);
  assert.match(numbers.problems.join('\n'), /summitLens\.inlayHints\.enabled should be true or false, not "no"; true is used/);
  assert.match(numbers.problems.join('\n'), /cache folder should be an absolute path, not 42/);
  assert.match(core.parseSettings({ cacheDir: 'relative/cache' }).problems[0], /absolute path/);
  // A change leaves out what did not change: the previous values stay.
  assert.deepEqual(core.parseSettings({ summitLens: { codeLens: { enabled: false } } }, good.settings).settings, { ...good.settings, codeLens: false });
  assert.deepEqual(core.parseSettings(null).problems, []);
});

for (const [name, options] of [
  ['summitLens.corpus as a string', { summitLens: { corpus: 'a.md' } }],
  ['summitLens.corpus as [1, 2]', { summitLens: { corpus: [1, 2] } }],
  ['a cacheDir that is not a string', { summitLens: {}, cacheDir: { path: '/tmp' } }],
]) {
  test(`${name}: initialize succeeds, the user is told, and the workspace is indexed`, async () => {
    const dir = workspace();
    const server = await startServer({ folders: [dir], initializationOptions: options });
    const warnings = [];
    server.connection.onNotification('window/showMessage', ({ message }) => warnings.push(message));
    try {
      assert.ok(server.initialize.capabilities.hoverProvider);
      await server.indexed;
      assert.match(await hoverName(server), /Joe Biden/);
      assert.ok(server.logs.some((line) => /should be/.test(line)), server.logs.join('\n'));
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('turning inlay hints and code lenses off (and on) takes effect without a restart', async () => {
  const dir = workspace();
  const server = await startServer({ folders: [dir] });
  const refreshes = [];
  server.connection.onRequest('workspace/inlayHint/refresh', () => (refreshes.push('hints'), null));
  server.connection.onRequest('workspace/codeLens/refresh', () => (refreshes.push('lenses'), null));
  const uri = server.uriOf('a.md');
  const hints = () => server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } } });
  const lenses = () => server.request('textDocument/codeLens', { textDocument: { uri } });
  try {
    await server.indexed;
    assert.ok((await lenses()).length > 0, 'lenses at start');
    const hintsAtStart = (await hints()).length;
    const change = (enabled) => server.notify('workspace/didChangeConfiguration', { settings: { summitLens: { corpus: [], inlayHints: { enabled }, codeLens: { enabled } }, files: { exclude: {} } } });
    await change(false);
    assert.deepEqual(await hints(), []);
    assert.deepEqual(await lenses(), []);
    assert.ok(refreshes.includes('hints') && refreshes.includes('lenses'), 'the client is asked to refresh both');
    await change(true);
    assert.equal((await hints()).length, hintsAtStart);
    assert.ok((await lenses()).length > 0);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a knowledge file that cannot be read is reported on the file, not skipped in silence', async () => {
  const dir = workspace();
  // A folder where the file should be: there, but not a file that can be read.
  mkdirSync(path.join(dir, '.summit-lens', 'figures.yaml'), { recursive: true });
  writeFileSync(path.join(dir, '.summit-lens', 'meetings.yaml'), '[]\n');
  const unreadable = process.getuid?.() !== 0;
  if (unreadable) chmodSync(path.join(dir, '.summit-lens', 'meetings.yaml'), 0o000);
  const server = await startServer({ folders: [dir] });
  try {
    await server.indexed;
    const figures = server.diagnostics.get(server.uriOf('.summit-lens/figures.yaml')) ?? [];
    assert.equal(figures.length, 1, JSON.stringify([...server.diagnostics.keys()]));
    assert.match(figures[0].message, /cannot read .*figures\.yaml: not a regular file/);
    if (unreadable) assert.match(server.diagnostics.get(server.uriOf('.summit-lens/meetings.yaml'))?.[0]?.message ?? '', /cannot read/);
    assert.match(await hoverName(server), /Joe Biden/, 'the built-in knowledge still works');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
