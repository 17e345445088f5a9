// End-to-end: the Summit Lens language server (dist/server.js --stdio) in
// Debian's Neovim (0.7+, built-in LSP client), headless. A Lua script starts
// the server with examples/corpus as the workspace, opens seed articles,
// waits for the initial indexing, sends hover / documentSymbol / references
// with explicit LSP positions (UTF-16; computed here in Node, since Neovim 0.7
// buffers are byte-indexed) and writes the answers as JSON; the assertions
// are made here. Run with `bash e2e/run.sh` (which apt-installs neovim), or
// `node --test e2e/neovim.test.mjs` after `npm run build`.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, access, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, OUTPUT_DIR, CORPUS, positionOf, meetingAt, waitForExit } from './lib/index.mjs';

const NVIM = process.env.E2E_NVIM || 'nvim';
const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const HOVER_FILE = '003_631281b403010862.txt';
const HOVER_TERM = '拜登';
const REFERENCES_FILE = process.env.E2E_REFERENCES_FILE || '000_07fb47a2ebcb9afd.txt';
const REFERENCES_TERM = process.env.E2E_REFERENCES_TERM || '会谈';
const DEADLINE_MS = 120_000;

// Everything runs inside one `nvim --headless` process; each wait is a
// vim.wait() on a condition with a deadline (no fixed sleeps).
const LUA = String.raw`
local env = vim.env
local deadline_ms = tonumber(env.SUMMIT_DEADLINE_MS)
local started = vim.loop.now()
local function remaining() return math.max(0, deadline_ms - (vim.loop.now() - started)) end
local out = { nvim = vim.version(), log = {} }
local function log(msg) table.insert(out.log, string.format('%6d ms %s', vim.loop.now() - started, msg)) end
local function finish()
  local f = assert(io.open(env.SUMMIT_OUT, 'w'))
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qall!')
end

local ok, err = xpcall(function()
  local indexed = false
  local function refresh_done(_, _, ctx)
    if not indexed then log('server asked for ' .. ctx.method .. ': initial indexing done') end
    indexed = true
    return vim.NIL
  end
  local client_id = vim.lsp.start_client({
    name = 'summit-lens',
    cmd = { env.SUMMIT_NODE, env.SUMMIT_SERVER, '--stdio' },
    root_dir = env.SUMMIT_CORPUS,
    offset_encoding = 'utf-16',
    handlers = {
      -- The server refreshes code lenses and inlay hints once indexAll ends.
      ['workspace/codeLens/refresh'] = refresh_done,
      ['workspace/inlayHint/refresh'] = refresh_done,
    },
    on_exit = function(code, signal) out.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  out.client_id = client_id

  local function open(file)
    vim.cmd('edit ' .. vim.fn.fnameescape(env.SUMMIT_CORPUS .. '/' .. file))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(bufnr, client_id)
    return bufnr
  end
  local hover_buf = open(env.SUMMIT_HOVER_FILE)
  local refs_buf = open(env.SUMMIT_REFS_FILE)

  local client
  assert(vim.wait(remaining(), function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 20), 'the server did not initialize')
  log('initialized: ' .. vim.inspect(client.server_capabilities and client.server_capabilities.referencesProvider or client.resolved_capabilities.find_references))
  out.offset_encoding = client.offset_encoding

  -- Initial indexing (cross-file references need it).
  if not vim.wait(remaining(), function() return indexed or out.server_exit ~= nil end, 20) then
    log('no refresh request from the server before the deadline')
  end
  assert(out.server_exit == nil, 'the server exited: ' .. vim.inspect(out.server_exit))

  local function request(method, params, bufnr)
    local res, e = client.request_sync(method, params, remaining(), bufnr)
    if not res then error(method .. ' failed: ' .. tostring(e)) end
    if res.err then error(method .. ' error: ' .. vim.inspect(res.err)) end
    log(method .. ' answered')
    return res.result == nil and vim.NIL or res.result
  end
  local function doc(bufnr) return { uri = vim.uri_from_bufnr(bufnr) } end

  out.hover = request('textDocument/hover', {
    textDocument = doc(hover_buf),
    position = { line = tonumber(env.SUMMIT_HOVER_LINE), character = tonumber(env.SUMMIT_HOVER_CHAR) },
  }, hover_buf)
  out.symbols = request('textDocument/documentSymbol', { textDocument = doc(hover_buf) }, hover_buf)
  out.references = request('textDocument/references', {
    textDocument = doc(refs_buf),
    position = { line = tonumber(env.SUMMIT_REFS_LINE), character = tonumber(env.SUMMIT_REFS_CHAR) },
    context = { includeDeclaration = true },
  }, refs_buf)

  client.stop()
  vim.wait(math.min(remaining(), 5000), function() return out.server_exit ~= nil end, 20)
end, debug.traceback)
if not ok then out.error = tostring(err) end
finish()
`;

/** Names of a DocumentSymbol[] / SymbolInformation[] tree, depth first. */
function symbolNames(symbols) {
  const names = [];
  const walk = (list) => {
    for (const s of list ?? []) {
      names.push(s.name);
      walk(s.children);
    }
  };
  walk(Array.isArray(symbols) ? symbols : []);
  return names;
}

function hoverString(hover) {
  const c = hover?.contents;
  const part = (x) => (typeof x === 'string' ? x : (x?.value ?? ''));
  return Array.isArray(c) ? c.map(part).join('\n') : part(c);
}

describe('Summit Lens language server in Neovim (headless, built-in LSP client)', () => {
  let dir;
  let result;
  let stderr = '';
  let expectedMeeting;

  before(async () => {
    try {
      execFileSync(NVIM, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${NVIM} not found: run bash e2e/setup.sh (apt-get install neovim)`);
    }
    await access(SERVER).catch(() => {
      throw new Error(`${SERVER} missing: npm run build`);
    });
    const hoverPos = await positionOf(HOVER_FILE, HOVER_TERM);
    expectedMeeting = await meetingAt(REFERENCES_FILE, REFERENCES_TERM);
    dir = await mkdtemp(path.join(os.tmpdir(), 'summit-e2e-nvim-'));
    const script = path.join(dir, 'summit.lua');
    const outFile = path.join(dir, 'result.json');
    await writeFile(script, LUA);
    const env = {
      ...process.env,
      // Nothing from the user's Neovim setup; state and logs in the temp dir.
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_STATE_HOME: path.join(dir, 'state'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      SUMMIT_NODE: process.execPath,
      SUMMIT_SERVER: SERVER,
      SUMMIT_CORPUS: CORPUS,
      SUMMIT_OUT: outFile,
      SUMMIT_DEADLINE_MS: String(DEADLINE_MS - 10_000),
      SUMMIT_HOVER_FILE: HOVER_FILE,
      SUMMIT_HOVER_LINE: String(hoverPos.line),
      SUMMIT_HOVER_CHAR: String(hoverPos.character),
      SUMMIT_REFS_FILE: REFERENCES_FILE,
      SUMMIT_REFS_LINE: String(expectedMeeting.position.line),
      SUMMIT_REFS_CHAR: String(expectedMeeting.position.character),
    };
    const nvim = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${script}`], {
      cwd: CORPUS,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    nvim.stdout.on('data', (d) => (stderr += d));
    nvim.stderr.on('data', (d) => (stderr += d));
    const code = await waitForExit(nvim, DEADLINE_MS).catch((err) => {
      nvim.kill('SIGKILL');
      throw new Error(`${err.message}\n--- nvim output ---\n${stderr}`);
    });
    const text = await readFile(outFile, 'utf8').catch(() => undefined);
    assert.ok(text, `nvim (exit ${code}) wrote no result\n--- nvim output ---\n${stderr}`);
    result = JSON.parse(text);
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(path.join(OUTPUT_DIR, 'neovim-lsp-results.json'), JSON.stringify(result, null, 2));
    assert.equal(result.error, undefined, `the Lua script failed:\n${result.error}\n${result.log?.join('\n')}\n${stderr}`);
  }, { timeout: DEADLINE_MS + 30_000 });

  after(async () => {
    if (dir && !process.env.E2E_KEEP_SANDBOX) await rm(dir, { recursive: true, force: true });
  });

  it('runs on Neovim 0.7 or later with UTF-16 positions', () => {
    const v = result.nvim;
    assert.ok(v.major > 0 || v.minor >= 7, `nvim ${v.major}.${v.minor}.${v.patch}`);
    assert.equal(result.offset_encoding, 'utf-16');
  });

  it(`hover on ${HOVER_TERM} shows Joe Biden`, () => {
    assert.match(hoverString(result.hover), /Joe Biden/, JSON.stringify(result.hover));
  });

  it('documentSymbol lists the article sections', () => {
    const names = symbolNames(result.symbols);
    for (const section of ['时机和背景的考虑', '台湾议题如何谈']) {
      assert.ok(names.some((n) => n.includes(section)), `${section} missing from ${JSON.stringify(names)}`);
    }
  });

  it(`references on a meeting mention (${REFERENCES_TERM} in ${REFERENCES_FILE}) span every article mentioning it`, () => {
    const locations = Array.isArray(result.references) ? result.references : [];
    const files = [...new Set(locations.map((l) => decodeURIComponent(l.uri.replace(/^file:\/\//, ''))))]
      .filter((f) => f.startsWith(CORPUS + path.sep))
      .map((f) => path.basename(f))
      .sort();
    assert.ok(files.length >= 2, `references in ${files.length} file(s): ${JSON.stringify(result.references)}`);
    assert.deepEqual(files, expectedMeeting.articles, `meeting ${expectedMeeting.id}`);
  });
});
