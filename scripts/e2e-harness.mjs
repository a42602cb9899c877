// What every end-to-end script shares: named checks that count passes and failures, bounded waits,
// loopback ports, cleanups that run however the run ends, and a deadline for the whole run.
// Each script ends with "N passed, N failed" and exits non-zero when anything failed.
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import chromiumOptions from './chromium.json' with { type: 'json' };

/** Every wait on a page or a server. */
export const WAIT = 20_000;

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A free port on 127.0.0.1, picked by the OS. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns truthy; throws naming `what` (and the last error) after `timeout`. */
export async function until(what, probe, timeout = WAIT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      if (await probe()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out after ${seconds(timeout)} waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/** The run's environment without a standard key: the end-to-end tests always talk to the local emulator. */
export function emulatorEnv() {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  return env;
}

/**
 * Starts a run: `main(run)` gets `check`, `cleanups` and `launchBrowser`, and the run
 * ends when it returns, on SIGINT/SIGTERM, or at `deadlineMs`, whichever comes first.
 */
export function startRun(name, deadlineMs, main) {
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const cleanups = [];

  /** Runs one named check; returns whether it passed. */
  async function check(title, fn) {
    const t0 = Date.now();
    try {
      await fn();
      passed += 1;
      console.log(`✓ ${title} (${seconds(Date.now() - t0)})`);
      return true;
    } catch (error) {
      failed += 1;
      console.log(
        `✗ ${title} (${seconds(Date.now() - t0)})\n    ${String(error?.message ?? error)
          .split('\n')
          .join('\n    ')}`,
      );
      return false;
    }
  }

  const executablePath = process.env.CHROMIUM_PATH ?? chromiumOptions.executablePath;
  /** Debian's chromium with the flags it needs here; never a downloaded browser. */
  async function launchBrowser() {
    const browser = await chromium.launch({ executablePath, args: chromiumOptions.args, timeout: WAIT });
    cleanups.push(() => browser.close().catch(() => {}));
    return browser;
  }

  let finishing;
  function finish(code) {
    finishing ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await Promise.race([cleanup(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => {});
      }
      console.log(`\n${name} took ${seconds(Date.now() - started)}`);
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? code : 1);
    })();
    return finishing;
  }

  const watchdog = setTimeout(() => {
    console.log(`✗ the run exceeded ${seconds(deadlineMs)}`);
    failed += 1;
    void finish(1);
  }, deadlineMs);
  watchdog.unref();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.log(`✗ interrupted by ${signal}`);
      failed += 1;
      void finish(1);
    });
  }

  main({ check, cleanups, executablePath, launchBrowser })
    .then(() => finish(failed === 0 ? 0 : 1))
    .catch((error) => {
      failed += 1;
      console.log(`✗ unexpected error\n    ${error?.stack ?? error}`);
      return finish(1);
    });
}
