// `npm start [-- <folder>]`: opens a folder (the sample corpus by default) in a local VS Code
// (code-server, served to your browser) with Summit Lens installed. The first run installs
// code-server (no browser, no Neovim: those are for the e2e tests only). Settings, opened files
// and the analysis cache are kept between runs in ~/.cache/summit-lens/editor; Ctrl+C stops the
// editor and removes what this run made.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (message) => console.log(`[summit-lens] ${message}`);
const fail = (message) => {
  console.error(`[summit-lens] ${message}`);
  process.exit(1);
};

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm start [-- <folder>]   open <folder> (default: examples/corpus) in VS Code with Summit Lens');
  process.exit(0);
}
const folder = path.resolve(args.find((arg) => !arg.startsWith('-')) ?? path.join(root, 'examples/corpus'));
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`no such folder: ${folder}`);

const run = (command, commandArgs, env = {}) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal})`);
};

if (!existsSync(path.join(root, 'e2e/node_modules/code-server/out/node/entry.js'))) {
  step('installing code-server once into e2e/node_modules (a few minutes; later starts skip this)');
  run('bash', ['e2e/setup.sh'], { SUMMIT_LENS_SETUP: 'editor' });
}
step('building and packaging the extension');
run('npm', ['run', 'package', '--silent']);

// A persistent profile: what the user changes in the editor is there next time.
const stateRoot = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'summit-lens', 'editor');
const sandbox = {
  root: stateRoot,
  userDataDir: path.join(stateRoot, 'user-data'),
  extensionsDir: path.join(stateRoot, 'extensions'),
  configFile: path.join(stateRoot, 'config.yaml'),
  xdg: path.join(stateRoot, 'xdg'),
};
const { DEFAULT_SETTINGS, installExtension, startCodeServer } = await import('../e2e/lib/codeServer.mjs');
mkdirSync(path.join(sandbox.userDataDir, 'User'), { recursive: true });
mkdirSync(sandbox.extensionsDir, { recursive: true });
mkdirSync(sandbox.xdg, { recursive: true });
const settingsFile = path.join(sandbox.userDataDir, 'User', 'settings.json');
if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, 'workbench.startupEditor': 'none' }, null, 2));
writeFileSync(sandbox.configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
step(`your editor settings are kept in ${sandbox.userDataDir}`);

step('installing the extension into the editor');
const vsix = path.join(root, 'summit-lens.vsix');
await installExtension(sandbox, vsix);
step(`starting VS Code on ${folder}`);
const server = await startCodeServer(sandbox, { folder });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  step('stopping the editor');
  await server.stop();
  // What this run made and the next run makes again; the profile with the settings stays.
  rmSync(vsix, { force: true });
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
server.child.on('exit', () => {
  if (!stopping) fail(`the editor stopped unexpectedly:\n${server.logs().slice(-2000)}`);
});

step(`VS Code with Summit Lens is running at ${server.folderUrl}`);
step('open an article and hover a name (拜登, 习近平); the same index from the terminal: npx summit-lens index <folder>');
step('press Ctrl+C to stop');
if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const opener = ['xdg-open', 'sensible-browser'].find((command) => spawnSync('which', [command]).status === 0);
  if (opener) spawn(opener, [server.folderUrl], { detached: true, stdio: 'ignore' }).unref();
}
