// Start code-server (VS Code in the browser, installed from npm in e2e/) in an
// isolated sandbox: fresh user-data-dir, extensions-dir, config and XDG dirs
// under a temp dir; nothing is read from or written to $HOME.

import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, rm, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_ENTRY } from './paths.mjs';
import { runToEnd, waitForOutput, waitForExit } from './wait.mjs';

export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'outline.collapseItems': 'alwaysExpand',
  'breadcrumbs.enabled': true,
  'files.hotExit': 'off',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** Create a fresh sandbox dir with user-data, extensions and settings.json. */
export async function createSandbox({ settings = {}, prefix = 'summit-e2e-' } = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const sandbox = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
    xdg: path.join(root, 'xdg'),
  };
  await mkdir(path.join(sandbox.userDataDir, 'User'), { recursive: true });
  await mkdir(sandbox.extensionsDir, { recursive: true });
  await mkdir(sandbox.xdg, { recursive: true });
  await writeFile(
    path.join(sandbox.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2),
  );
  await writeFile(sandbox.configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  return sandbox;
}

export async function removeSandbox(sandbox) {
  if (sandbox?.root && !process.env.E2E_KEEP_SANDBOX) await rm(sandbox.root, { recursive: true, force: true });
}

function sandboxEnv(sandbox) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    // Never let a parent VS Code / code-server session leak into ours.
    if (k.startsWith('VSCODE_') || k.startsWith('CODE_SERVER_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  env.XDG_CONFIG_HOME = path.join(sandbox.xdg, 'config');
  env.XDG_DATA_HOME = path.join(sandbox.xdg, 'data');
  env.XDG_CACHE_HOME = path.join(sandbox.xdg, 'cache');
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}

function baseArgs(sandbox) {
  return [
    CODE_SERVER_ENTRY,
    '--config', sandbox.configFile,
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
  ];
}

export async function assertCodeServerInstalled() {
  try {
    await access(CODE_SERVER_ENTRY);
  } catch {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY} missing): run bash e2e/setup.sh`);
  }
}

/** Run code-server's CLI once (e.g. --install-extension) and collect output. */
export async function codeServerCli(sandbox, args, { timeout = 120_000 } = {}) {
  await assertCodeServerInstalled();
  return runToEnd(process.execPath, [...baseArgs(sandbox), ...args], { env: sandboxEnv(sandbox), timeout });
}

/** Install a .vsix into the sandbox's extensions dir. */
export async function installExtension(sandbox, vsixPath) {
  const { code, output } = await codeServerCli(sandbox, ['--install-extension', vsixPath, '--force']);
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsixPath} failed (exit ${code}):\n${output}`);
  }
  return output;
}

/**
 * Start code-server on 127.0.0.1 with a free port chosen by the OS.
 * @returns {Promise<{url: string, folderUrl: string, child: import('node:child_process').ChildProcess, logs: () => string, stop: () => Promise<void>}>}
 */
export async function startCodeServer(sandbox, { folder, extraArgs = [], timeout = 90_000 } = {}) {
  await assertCodeServerInstalled();
  const args = [
    ...baseArgs(sandbox),
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const child = spawn(process.execPath, args, {
    env: sandboxEnv(sandbox),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let url;
  try {
    url = await waitForOutput(
      child,
      (line) => /HTTP server listening on (http:\/\/\S+)/.exec(line)?.[1],
      { timeout, message: 'code-server did not report its HTTP address' },
    );
  } catch (err) {
    child.kill('SIGKILL');
    err.message += `\n--- code-server output ---\n${log}`;
    throw err;
  }
  url = url.replace(/\/?$/, '/');
  const folderUrl = folder ? `${url}?folder=${encodeURIComponent(folder)}` : url;
  return {
    url,
    folderUrl,
    child,
    logs: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      child.kill('SIGTERM');
      try {
        await waitForExit(child, 10_000);
      } catch {
        child.kill('SIGKILL');
        await waitForExit(child, 10_000).catch(() => {});
      }
    },
  };
}
