// Loads the bundled pure core (built by `npm run build`) and the sample corpus for tests.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export const core = require('../../dist/core.js');
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sampleDir = path.join(root, 'examples/corpus');

export function seed(prefix) {
  const name = readdirSync(sampleDir).find((file) => file.startsWith(prefix));
  return { name, text: readFileSync(path.join(sampleDir, name), 'utf8') };
}

/** The source text a position range covers, using the core's own line index. */
export function sliceRange(source, range) {
  const lines = new core.LineIndex(source);
  return source.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** The dev corpus (../shared/corpus/dev, the one spelling of that path in the tests), or undefined when it is not present. */
export const devFolder = existsSync(path.join(root, '../shared/corpus/dev')) ? path.join(root, '../shared/corpus/dev') : undefined;

/** The dev corpus's articles as `{ name, text }`, or undefined when it is not present. */
export function devFiles() {
  const dev = devFolder;
  if (!dev) return undefined;
  const files = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (core.CORPUS_EXTENSIONS.has(path.extname(file).toLowerCase())) files.push({ name: file, text: readFileSync(file, 'utf8') });
    }
  };
  visit(dev);
  return files;
}
