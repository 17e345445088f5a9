import path from 'node:path';
import * as L from './lib/index.mjs';
const sb = await L.createSandbox();
await L.installExtension(sb, process.argv[2]);
const server = await L.startCodeServer(sb, { folder: path.join(L.REPO_ROOT, 'examples/corpus') });
const browser = await L.launchBrowser();
const page = await L.openPage(browser, server.folderUrl);
await L.waitForWorkbench(page);
globalThis.page = page; globalThis.L = L;
const repl = await import('node:repl');
const fs = await import('node:fs');
// command file loop
const f = '/tmp/dbg/cmd.mjs';
let n = 0;
for (;;) {
  await new Promise((r) => setTimeout(r, 500));
  if (fs.existsSync(f)) {
    const src = fs.readFileSync(f, 'utf8'); fs.unlinkSync(f);
    try { const m = await import('data:text/javascript,' + encodeURIComponent(src) + '%0A//' + (n++)); const out = await m.default(page, L); fs.writeFileSync('/tmp/dbg/out.txt', typeof out === 'string' ? out : JSON.stringify(out, null, 1)); }
    catch (e) { fs.writeFileSync('/tmp/dbg/out.txt', 'ERR ' + e.stack); }
    if (src.includes('//QUIT')) break;
  }
}
await browser.close(); await server.stop();
