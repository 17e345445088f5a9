// The command line prints what articles say, never terminal commands hidden in them: control
// characters in titles, file names and messages are shown escaped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { root } from './support/core.mjs';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('index and check print titles, file names and figures with their control characters escaped', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'summit-lens-cli-control-'));
  try {
    // A title that would turn the terminal red and ring its bell; a file name that would turn it bold.
    writeFileSync(path.join(dir, 'a\u001b[1m.md'), '---\ntitle: "红色\\u001b[31m标题\\u0007"\ndate: 2023-11-16\n---\n<p>拜登与习近平在旧金山会晤。</p>\n');
    for (const command of ['index', 'check']) {
      const result = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), command, dir], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stdout, RAW_CONTROL, `${command} printed a raw control character`);
      assert.doesNotMatch(result.stderr, RAW_CONTROL, `${command} printed a raw control character on stderr`);
      if (command === 'index') {
        assert.ok(result.stdout.includes('a\\u001b[1m.md'), result.stdout);
        assert.ok(result.stdout.includes('红色\\u001b[31m标题\\u0007'), result.stdout);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
