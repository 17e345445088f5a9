// `npm start`: builds the extension, installs it into a local code-server (a real VS Code
// served to the browser) and opens the bundled sample corpus there. Prints the URL, opens it
// where a desktop browser is available, and runs until interrupted.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, 'examples/corpus');
const step = (message) => console.log(`[summit-lens] ${message}`);
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(path.join(root, 'e2e/node_modules/code-server/out/node/entry.js'))) {
  step('installing code-server and Chromium once (e2e/setup.sh)');
  run('bash', ['e2e/setup.sh']);
}
step('building and packaging the extension');
run('npm', ['run', 'package', '--silent']);

const { createSandbox, installExtension, startCodeServer } = await import('../e2e/lib/codeServer.mjs');
const sandbox = await createSandbox({ prefix: 'summit-lens-start-', settings: { 'workbench.startupEditor': 'none' } });
await installExtension(sandbox, path.join(root, 'summit-lens.vsix'));
const server = await startCodeServer(sandbox, { folder: corpus });
step(`report of the sample corpus: npm run report`);
step(`VS Code with Summit Lens is running at ${server.folderUrl}`);
step('open an article (Ctrl+P 003) and hover 拜登; press Ctrl+C to stop');
if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const opener = ['xdg-open', 'sensible-browser'].find((command) => spawnSync('which', [command]).status === 0);
  if (opener) spawn(opener, [server.folderUrl], { detached: true, stdio: 'ignore' }).unref();
}
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
