// Build .vsix packages for the e2e tests.
import { access, mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { runToEnd } from './wait.mjs';

const VSCE = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');

async function run(cmd, args, { cwd, timeout = 300_000 } = {}) {
  const { code, output } = await runToEnd(cmd, args, { cwd, env: { ...process.env, CI: 'true' }, timeout });
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${output}`);
  return output;
}

async function exists(p) {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the real extension cannot be tested yet, or undefined if it can:
 * dist/client.js must exist and package.json must contribute the
 * `summit-article` language.
 */
export async function realExtensionMissing() {
  if (!(await exists(path.join(REPO_ROOT, 'dist', 'client.js')))) return 'dist/client.js is missing (npm run build)';
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const langs = pkg.contributes?.languages ?? [];
  if (!langs.some((l) => l.id === 'summit-article')) return 'package.json does not contribute the summit-article language yet';
  return undefined;
}

/**
 * The real extension's .vsix: $E2E_VSIX if set (run.sh builds it), else built
 * now with `npm run package` (if the script exists) or `vsce package
 * --no-dependencies` (esbuild bundles the dependencies into dist/).
 */
export async function buildRealVsix() {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const vsix = await packageReal();
  const { size } = await stat(vsix);
  if (size > 50 * 1024 * 1024) {
    throw new Error(
      `${vsix} is ${(size / 1048576).toFixed(0)} MiB: .vscodeignore must exclude e2e/** (code-server lives in e2e/node_modules), test-output/**, node_modules/**`,
    );
  }
  return vsix;
}

async function packageReal() {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'summit-e2e-vsix-'));
  const out = path.join(dir, 'summit-lens.vsix');
  const started = Date.now();
  if (pkg.scripts?.package) {
    await run('npm', ['run', 'package', '--', '--out', out], { cwd: REPO_ROOT });
    if (await exists(out)) return out;
    // The script chose its own output name: take the newest .vsix it wrote.
    const candidates = [];
    for (const name of await readdir(REPO_ROOT)) {
      if (!name.endsWith('.vsix')) continue;
      const s = await stat(path.join(REPO_ROOT, name));
      if (s.mtimeMs >= started - 1000) candidates.push({ name, t: s.mtimeMs });
    }
    candidates.sort((a, b) => b.t - a.t);
    if (candidates[0]) return path.join(REPO_ROOT, candidates[0].name);
    throw new Error('npm run package wrote no .vsix');
  }
  await run(VSCE, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: REPO_ROOT,
  });
  return out;
}
