// End-to-end test of examples/vite-app, installed the way a user installs the kit: build and pack
// the kit, `npm install` the example from the tarball, typecheck it against the packed types, then
// drive it in Debian's Chromium under `vite` (dev) and under `vite build` + `vite preview`:
// the session opens against the emulator, a voice picked in VoicePicker is applied by the server,
// and a reconnect re-applies it.
// Usage: node scripts/e2e-example.mjs [--no-build | --tarball <file>] [--no-install]
//   --no-build packs the current dist/; --tarball installs a given package tarball instead of packing.
// Screenshots go to $TMPDIR/react-realtime-session-e2e/. Ends with "N passed, N failed".
/* global document -- in page functions, which run in the browser */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv, freePort, startRun, until, WAIT } from './e2e-harness.mjs';
import { PACK_DIR, packLocal, ROOT, TARBALL } from './pack-local.mjs';

const EXAMPLE = join(ROOT, 'examples', 'vite-app');
const SHOTS = join(tmpdir(), 'react-realtime-session-e2e');
const STEP = 300_000; // install, typecheck and build
const DEADLINE = 600_000; // the whole run
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const givenTarball = option('--tarball');
/** The run's named checks and cleanups, from startRun. */
let check;
let cleanups;

/** Runs a command to completion, bounded; rejects with its output on failure. */
function run(command, commandArgs, { cwd = EXAMPLE, timeout = STEP } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      commandArgs,
      { cwd, timeout, killSignal: 'SIGKILL', env: emulatorEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${command} ${commandArgs.join(' ')}: ${error.message}\n${stdout}${stderr}`.trim()));
        else resolve(`${stdout}${stderr}`);
      },
    );
  });
}

/** Starts `vite <mode>` on a free loopback port; resolves once it answers HTTP. */
async function startVite(mode) {
  const port = await freePort();
  const bin = join(EXAMPLE, 'node_modules', 'vite', 'bin', 'vite.js');
  // --force: the kit's tarball changes between runs while the lockfile Vite hashes may not.
  const viteArgs = [bin, mode, '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  if (mode === 'dev') viteArgs.push('--force');
  const child = spawn(process.execPath, viteArgs, {
    cwd: EXAMPLE,
    env: emulatorEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  cleanups.push(stop);
  const url = `http://127.0.0.1:${port}/`;
  try {
    await until(`vite ${mode} at ${url}`, async () => {
      if (child.exitCode !== null) throw new Error(`vite exited with ${child.exitCode}`);
      return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
    });
  } catch (error) {
    throw new Error(`${error.message}\n${output.trim()}`);
  }
  return { url, stop, output: () => output };
}

async function textOf(page, testId) {
  return (await page.getByTestId(testId).textContent({ timeout: WAIT }))?.trim();
}

async function waitForText(page, testId, expected) {
  await page
    .waitForFunction(
      ([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === text,
      [testId, expected],
      { timeout: WAIT },
    )
    .catch(async () => {
      throw new Error(`${testId} is "${await textOf(page, testId)}", expected "${expected}"`);
    });
}

/** The same checks in dev and under preview. */
async function exercise(browser, mode, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  cleanups.push(() => context.close().catch(() => {}));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  const label = (name) => `${mode}: ${name}`;

  const loaded = await check(label('page loads and renders the components'), async () => {
    await page.goto(url, { waitUntil: 'load', timeout: WAIT });
    await page.getByRole('group', { name: /^Voice/ }).waitFor({ timeout: WAIT });
    await page.getByRole('radio', { name: /^Marin\b/ }).waitFor({ timeout: WAIT });
  });
  if (!loaded) return;

  await check(label('the server adds the endpoint meta tag'), async () => {
    const content = await page
      .locator('meta[name="react-realtime-session:endpoint"]')
      .getAttribute('content', { timeout: 2_000 })
      .catch(() => null);
    if (content === null) throw new Error('no <meta name="react-realtime-session:endpoint"> in the served page');
  });

  const open = await check(label('useRealtimeSession({ initial }) opens a session'), async () => {
    await waitForText(page, 'status', 'open');
    await waitForText(page, 'applied-voice', 'marin');
  });
  if (!open) {
    console.log(`    page problems: ${problems.join('\n    ') || 'none'}`);
    return;
  }

  await check(label('fields the draft leaves unspecified show what the server applied'), async () => {
    // The example's request sets no speed and no tool choice: the server's 1 and auto are shown, marked as such.
    await until('the Auto tool choice to be checked', () =>
      page
        .getByRole('group', { name: /^Tool choice/ })
        .getByRole('radio', { name: /^Auto\b/ })
        .isChecked(),
    );
    const speed = await page.getByRole('textbox', { name: /^Speed/ }).inputValue({ timeout: WAIT });
    if (Number(speed) !== 1) throw new Error(`the speed box shows "${speed}", expected 1`);
    if ((await page.getByText('Server value').count()) === 0) throw new Error('no field is marked "Server value"');
  });

  const voiceGroup = page.getByRole('group', { name: /^Voice/ });
  const changed = await check(label('a voice picked in VoicePicker is applied by the emulator'), async () => {
    await page.getByRole('radio', { name: /^Coral\b/ }).check({ timeout: WAIT });
    await waitForText(page, 'applied-voice', 'coral');
    await until(
      'the voice field to be synced',
      async () => (await voiceGroup.getAttribute('data-status')) === 'synced',
    );
  });

  if (changed) {
    await check(label('a reconnect opens a new session that keeps the voice'), async () => {
      const before = await textOf(page, 'session-id');
      await page.getByRole('button', { name: 'Reconnect' }).click({ timeout: WAIT });
      await until('a new session id', async () => {
        const id = await textOf(page, 'session-id');
        return id !== before && id !== '—';
      });
      await waitForText(page, 'status', 'open');
      await waitForText(page, 'applied-voice', 'coral');
      if (!(await page.getByRole('radio', { name: /^Coral\b/ }).isChecked())) throw new Error('Coral is not checked');
    });
  }

  mkdirSync(SHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const shot = join(SHOTS, `${mode}${colorScheme === 'dark' ? '-dark' : ''}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`  screenshot: ${shot}`);
  }

  await check(label('no page errors'), async () => {
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
}

async function main(harness) {
  ({ check, cleanups } = harness);
  const { executablePath } = harness;
  const ready =
    (await check('chromium is installed', async () => {
      if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing (apt-get install -y chromium)`);
    })) &&
    (await check(givenTarball ? `use ${givenTarball}` : 'build and pack the kit', async () => {
      if (givenTarball === undefined) packLocal({ build: !args.includes('--no-build'), timeoutMs: STEP });
      else {
        mkdirSync(PACK_DIR, { recursive: true });
        copyFileSync(givenTarball, TARBALL);
      }
    })) &&
    (args.includes('--no-install') ||
      (await check('npm install the example from the tarball', async () => {
        // npm keeps an installed file: tarball even when the tarball changed; take it out to get the fresh one.
        rmSync(join(EXAMPLE, 'node_modules', 'react-realtime-session'), { recursive: true, force: true });
        await run(npm, ['install', '--no-audit', '--no-fund']);
        const installed = join(EXAMPLE, 'node_modules', 'react-realtime-session', 'dist', 'index.js');
        const packed = execFileSync('tar', ['-xzOf', TARBALL, 'package/dist/index.js'], {
          maxBuffer: 16 * 1024 * 1024,
        });
        if (!readFileSync(installed).equals(packed)) throw new Error('the installed kit is not the one just packed');
      }))) &&
    (await check('the example typechecks against the packed types', async () => {
      await run(npm, ['run', 'typecheck']);
    }));
  if (!ready) return;

  const browser = await harness.launchBrowser();

  // 1. Dev: `vite`.
  let server;
  if (
    await check('vite dev starts', async () => {
      server = await startVite('dev');
    })
  ) {
    await exercise(browser, 'dev', server.url);
    await server.stop();
  }

  // 2. Production: `vite build`, then `vite preview`.
  const built = await check('vite build', async () => {
    await run(npm, ['run', 'build']);
    const dist = join(EXAMPLE, 'dist');
    if (readFileSync(join(dist, 'index.html'), 'utf8').includes('react-realtime-session:endpoint'))
      throw new Error('dist/index.html carries the dev endpoint meta tag');
    for (const file of readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(dist, 'assets', file), 'utf8');
      if (/__vite-browser-external|["']node:[a-z]/.test(code)) throw new Error(`${file} pulls in Node-only code`);
    }
  });
  if (
    built &&
    (await check('vite preview starts', async () => {
      server = await startVite('preview');
    }))
  ) {
    await exercise(browser, 'preview', server.url);
    await server.stop();
  }
}

startRun('e2e', DEADLINE, main);
