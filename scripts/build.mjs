// Bundles the extension client, the language server, the CLI and the pure core (for tests and benchmarks) with esbuild.
import { build } from 'esbuild';
import { mkdirSync, copyFileSync, existsSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
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
