// Deadline-bounded retries without fixed sleeps.
//
// `until(attempt, opts)` calls `attempt()` until it returns a truthy value (or
// resolves to one) and returns that value. Each attempt is expected to pace
// itself by waiting on real events (a Playwright `waitFor*` with a short
// timeout, a process event, ...). Between two attempts we only yield to the
// event loop, or, when a Playwright `page` is given, wait for the page's next
// animation frame (the renderer's own clock), never a fixed setTimeout.

import { spawn } from 'node:child_process';
import { once } from 'node:events';

export class DeadlineError extends Error {
  constructor(message, lastError) {
    super(lastError ? `${message}\n  last error: ${lastError.message ?? lastError}` : message);
    this.name = 'DeadlineError';
    this.lastError = lastError;
  }
}

/** Resolve on the page's next animation frame (or the event loop if no page). */
export async function nextTick(page) {
  if (page && !page.isClosed()) {
    try {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
      return;
    } catch {
      /* page navigating: fall through */
    }
  }
  await new Promise((r) => setImmediate(r));
}

/**
 * @template T
 * @param {() => Promise<T> | T} attempt
 * @param {{ timeout?: number, message?: string | (() => string), page?: import('playwright-core').Page }} [opts]
 * `message` may be a function, called at the deadline (so it can report the
 * last value seen).
 * @returns {Promise<T>}
 */
export async function until(attempt, opts = {}) {
  const { timeout = 30_000, message = 'condition not met', page } = opts;
  const deadline = Date.now() + timeout;
  let lastError;
  let tries = 0;
  for (;;) {
    tries++;
    try {
      const value = await attempt({ remaining: Math.max(0, deadline - Date.now()), tries });
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const text = typeof message === 'function' ? message() : message;
      throw new DeadlineError(`${text} (gave up after ${timeout} ms, ${tries} tries)`, lastError);
    }
    await nextTick(page);
  }
}

/**
 * Wait until `test(line)` matches a line written by a child process on
 * stdout/stderr, the process exits, or the deadline passes.
 * @param {import('node:child_process').ChildProcess} child
 * @param {(line: string) => any} test
 * @param {{ timeout?: number, message?: string }} [opts]
 */
export function waitForOutput(child, test, opts = {}) {
  const { timeout = 60_000, message = 'expected output' } = opts;
  return new Promise((resolve, reject) => {
    const buffers = { stdout: '', stderr: '' };
    const cleanups = [];
    const done = (fn, v) => {
      for (const c of cleanups) c();
      fn(v);
    };
    const timer = setTimeout(
      () => done(reject, new DeadlineError(`${message}: nothing after ${timeout} ms`)),
      timeout,
    );
    cleanups.push(() => clearTimeout(timer));
    for (const name of ['stdout', 'stderr']) {
      const stream = child[name];
      if (!stream) continue;
      const onData = (chunk) => {
        buffers[name] += chunk.toString();
        const lines = buffers[name].split('\n');
        buffers[name] = lines.pop();
        for (const line of lines) {
          const m = test(line);
          if (m) return done(resolve, m);
        }
      };
      stream.on('data', onData);
      cleanups.push(() => stream.off('data', onData));
    }
    const onExit = (code, signal) =>
      done(reject, new Error(`${message}: process exited first (code ${code}, signal ${signal})`));
    child.on('exit', onExit);
    cleanups.push(() => child.off('exit', onExit));
  });
}

/** Wait for a child process to exit, with a deadline; returns its exit code. */
export async function waitForExit(child, timeout = 60_000) {
  if (child.exitCode !== null) return child.exitCode;
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeout);
  try {
    const [code] = await once(child, 'exit', { signal: ac.signal });
    return code;
  } catch (err) {
    if (ac.signal.aborted) throw new DeadlineError(`process ${child.pid} did not exit within ${timeout} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run a command to its end with a deadline, collecting stdout and stderr together; a command
 * that overruns is killed. Returns its exit code and output.
 */
export async function runToEnd(cmd, args, { cwd, env = process.env, timeout = 120_000 } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await waitForExit(child, timeout).catch((err) => {
    child.kill('SIGKILL');
    throw err;
  });
  return { code, output };
}
