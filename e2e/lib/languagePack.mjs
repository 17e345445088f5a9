// A minimal Simplified Chinese language pack for code-server, built locally: the marketplace's
// pack would be a download, which CI cannot make. VS Code shows a display language only when a
// pack for it is installed (else it falls back to English, extensions included); this pack
// translates one workbench string, the Explorer's name, so a test can see the pack took effect,
// and leaves the rest of the workbench in English.

import { createHash } from 'node:crypto';
import { access, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { runToEnd } from './wait.mjs';

/** The one workbench string the pack translates: the Explorer view container's title. */
export const PACK_EXPLORER_TITLE = '资源管理器';

/** Writes the pack's folder (package.json, translations) and packages it as a .vsix; returns the .vsix. */
export async function buildChineseLanguagePack() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'summit-e2e-zh-pack-'));
  await mkdir(path.join(dir, 'translations'));
  const translations = {
    version: '1.0.0',
    contents: { 'vs/workbench/contrib/files/browser/explorerViewlet': { explore: PACK_EXPLORER_TITLE } },
  };
  await writeFile(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify(translations));
  await writeFile(path.join(dir, 'README.md'), 'A minimal Chinese (Simplified) language pack for the Summit Lens end-to-end tests.\n');
  await writeFile(path.join(dir, 'LICENSE'), 'MIT\n');
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'summit-e2e-language-pack-zh-hans',
      displayName: 'Chinese (Simplified) language pack for tests',
      publisher: 'summit-lens-tests',
      version: '1.0.0',
      license: 'MIT',
      engines: { vscode: '^1.82.0' },
      categories: ['Language Packs'],
      contributes: {
        localizations: [
          { languageId: 'zh-cn', languageName: 'Chinese Simplified', localizedLanguageName: '中文(简体)', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
        ],
      },
    }),
  );
  const vsix = path.join(dir, 'zh-cn-pack.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const { code, output } = await runToEnd(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: dir, env: { ...process.env, CI: 'true' }, timeout: 120_000 });
  if (code !== 0) throw new Error(`packaging the test language pack failed (exit ${code}):\n${output}`);
  return vsix;
}

/**
 * Registers the installed pack for the display language, as VS Code's language pack service does
 * when a pack is installed into a running server: code-server's `--install-extension` copies the
 * pack into the extensions folder but leaves `<user-data-dir>/languagepacks.json` unwritten (the
 * service that writes it is a post-install step of the running server only), and at start-up
 * code-server reads that file alone to find a pack for `--locale`; without it the workbench and
 * every extension stay English.
 */
export async function registerLanguagePack(sandbox) {
  const id = 'summit-lens-tests.summit-e2e-language-pack-zh-hans';
  const version = '1.0.0';
  const folder = path.join(sandbox.extensionsDir, `${id}-${version}`);
  const entry = {
    // The service's hash: of each pack extension's id and version; it names the translation cache.
    hash: createHash('md5').update(id).update(version).digest('hex'),
    extensions: [{ extensionIdentifier: { id }, version }],
    translations: { vscode: path.join(folder, 'translations', 'main.i18n.json') },
    label: '中文(简体)',
  };
  await access(entry.translations.vscode);
  await writeFile(path.join(sandbox.userDataDir, 'languagepacks.json'), JSON.stringify({ 'zh-cn': entry }));
}
