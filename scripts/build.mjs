// Bundles the extension client, the language server, the CLI and the pure core (for tests and benchmarks) with esbuild.
import { build } from 'esbuild';
import { mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * The built-in catalogues (server/data/*.yaml) are parsed here, once, by the same parsers the
 * server uses for a workspace's own files, and bundled as their parse result: reading 185 KB of
 * YAML cost every server start ≈ 0.3 s.
 */
async function builtinCataloguesPlugin() {
  const parsers = await build({
    stdin: {
      contents: "export { parseFigureCatalogue } from './server/src/core/figures/catalogue'; export { parseMeetingCatalogue } from './server/src/core/meetings/catalogue';",
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', parsers.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const { parseFigureCatalogue, parseMeetingCatalogue } = module.exports;
  return {
    name: 'builtin-catalogues',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]server[\\/]data[\\/](figures|meetings)\.yaml$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        const parsed = path.basename(args.path) === 'figures.yaml' ? parseFigureCatalogue(text, 'builtin') : parseMeetingCatalogue(text, 'builtin');
        // JSON.parse of a string literal loads faster than the same object written as JavaScript.
        return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(parsed))});`, loader: 'js', watchFiles: [args.path] };
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [await builtinCataloguesPlugin()],
  minifyWhitespace: process.argv.includes('--minify'),
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/workspace/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/core/index.ts'], outfile: 'dist/core.js' }),
]);
if (existsSync('syntaxes/summit-article.tmLanguage.yaml') && existsSync('scripts/build-grammar.mjs')) {
  await import('./build-grammar.mjs');
}
