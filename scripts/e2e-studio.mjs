// End-to-end test of the Session Studio story in the built Storybook (storybook-static/), served by
// `vite preview` with the kit's realtimeDevServer plugin, so the page talks to the local emulator at
// its own origin, as `npm start` does. In Debian's Chromium it edits the voice, the reasoning effort,
// the turn detection, the noise reduction, the tools and the instructions, and reads every
// `session.update` frame the page sends: each must carry only the field just edited. It then checks
// that every field shows as applied, makes the assistant respond, and checks that the voice locks.
// Usage: node scripts/e2e-studio.mjs [--build]
//   Builds the kit (dist/) and the Storybook when they are missing; --build rebuilds both.
// Screenshots go to $TMPDIR/react-realtime-session-e2e/studio-*.png. Ends with "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { emulatorEnv, freePort, startRun, until, WAIT } from './e2e-harness.mjs';
import { ROOT } from './pack-local.mjs';

const SHOTS = join(tmpdir(), 'react-realtime-session-e2e');
const STORYBOOK = join(ROOT, 'storybook-static');
const SERVER_ENTRY = join(ROOT, 'dist', 'server', 'index.js');
const STORY = 'iframe.html?id=session-studio--studio&viewMode=story';
const BUILD_TIMEOUT = 600_000;
const DEADLINE = 900_000;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const rebuild = process.argv.includes('--build');

/** The session fields the form must show, each in some control. */
const FIELD_PATHS = [
  'model',
  'output_modalities',
  'audio.output.voice',
  'audio.output.speed',
  'audio.output.format',
  'audio.input.turn_detection',
  'audio.input.noise_reduction',
  'audio.input.transcription',
  'audio.input.format',
  'instructions',
  'prompt',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'reasoning',
  'max_output_tokens',
  'truncation',
  'tracing',
  'include',
];
/** Settings that only `server_vad` takes: never sent for `semantic_vad`. */
const SERVER_VAD_ONLY = ['threshold', 'prefix_padding_ms', 'silence_duration_ms', 'idle_timeout_ms'];

function build(script) {
  execFileSync(npm, ['run', script], { cwd: ROOT, stdio: 'inherit', timeout: BUILD_TIMEOUT, env: emulatorEnv() });
}

/** `vite preview` of the built Storybook on a free loopback port, with the emulator at its own origin. */
async function startPreview(cleanups) {
  // No key in the environment: the plugin then runs the local emulator instead of minting from OpenAI.
  delete process.env.OPENAI_API_KEY;
  const { preview } = await import('vite');
  const { realtimeDevServer } = await import(pathToFileURL(SERVER_ENTRY).href);
  const port = await freePort();
  const server = await preview({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: STORYBOOK },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    plugins: [realtimeDevServer()],
  });
  cleanups.push(() => server.close());
  return `http://127.0.0.1:${port}/`;
}

function json(value) {
  return JSON.stringify(value);
}

/** The keys a `session.update` changes, as field paths like those of the form (`audio.input.noise_reduction`). */
function changedPaths(session) {
  const paths = [];
  for (const [key, value] of Object.entries(session)) {
    if (key === 'type') continue;
    if (key !== 'audio') paths.push(key);
    else
      for (const [direction, fields] of Object.entries(value))
        for (const field of Object.keys(fields)) paths.push(`audio.${direction}.${field}`);
  }
  return paths;
}

/** Every update must change `path` and nothing else. */
function assertOnly(updates, path) {
  if (updates.length === 0) throw new Error(`no session.update was sent for ${path}`);
  for (const update of updates) {
    const paths = changedPaths(update);
    if (update.type !== 'realtime' || paths.length !== 1 || paths[0] !== path)
      throw new Error(`an update for ${path} was not minimal: ${json(update)}`);
  }
}

async function exercise(browser, check, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Chromium asks every page for /favicon.ico; Storybook's iframe has none, and that is not the kit's error.
  const isFavicon = (url) => new URL(url).pathname === '/favicon.ico';
  page.on('console', (message) => {
    if (message.type() === 'error' && !isFavicon(message.location().url))
      problems.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFavicon(response.url()))
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // What the page sends is what the emulator receives: read it off the socket itself.
  const updates = [];
  const received = [];
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.endsWith('/realtime')) return;
    socket.on('framesent', ({ payload }) => {
      const event = typeof payload === 'string' ? JSON.parse(payload) : undefined;
      if (event?.type === 'session.update') updates.push(event.session);
    });
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string') received.push(JSON.parse(payload).type);
    });
  });

  const field = (path) => page.locator(`[data-field="${path}"]`).first();
  const statusOf = (path) => field(path).getAttribute('data-status', { timeout: WAIT });
  const openSection = async (id) => {
    const section = page.locator(`details[data-section="${id}"]`);
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  };
  /** Runs `act`, waits until `path` is applied, and returns the updates sent meanwhile. */
  const edit = async (path, act) => {
    const from = updates.length;
    await act();
    await until(
      `${path} to be applied`,
      async () => updates.length > from && (await statusOf(path)) === 'synced',
    ).catch(async (error) => {
      throw new Error(
        `${error.message}\n(status ${await statusOf(path)}; sent ${json(updates.slice(from))}; ${from} before: ${json(updates.slice(-3))})`,
      );
    });
    return updates.slice(from);
  };

  const opened = await check('the Studio opens a live session against the emulator', async () => {
    await page.goto(url + STORY, { waitUntil: 'load', timeout: WAIT });
    await until('the respond button to be enabled', () =>
      page.getByRole('button', { name: 'Make the assistant respond' }).isEnabled(),
    );
    await until(
      'the initial config to be applied',
      async () => updates.length > 0 && (await statusOf('tools')) === 'synced',
    );
    if (!received.includes('session.created')) throw new Error('no session.created was received');
    // The story's own play function picks Cedar; the checks below start once it is done.
    await until('the play function to apply Cedar', async () => {
      const cedar = field('audio.output.voice').getByRole('radio', { name: /^Cedar/ });
      return (await cedar.isChecked()) && (await statusOf('audio.output.voice')) === 'synced';
    });
  });
  if (!opened) {
    console.log(`    page problems: ${problems.join('\n    ') || 'none'}`);
    return;
  }

  await check('every session field is shown in some control', async () => {
    await until('the form to render', () => page.locator('.rrs-form').isVisible());
    const shown = await page.locator('[data-field]').evaluateAll((nodes) => nodes.map((node) => node.dataset.field));
    const missing = FIELD_PATHS.filter((path) => !shown.includes(path));
    if (missing.length > 0) throw new Error(`no control for ${missing.join(', ')}`);
  });

  await check('a new voice is sent alone', async () => {
    const sent = await edit('audio.output.voice', () =>
      field('audio.output.voice').getByRole('radio', { name: /^Sage/ }).check(),
    );
    const expected = { type: 'realtime', audio: { output: { voice: 'sage' } } };
    if (sent.length !== 1 || !isDeepStrictEqual(sent[0], expected))
      throw new Error(`sent ${json(sent)}, expected [${json(expected)}]`);
  });

  await check('a new reasoning effort is sent alone', async () => {
    await openSection('reasoning');
    const sent = await edit('reasoning', () => field('reasoning').getByRole('radio', { name: /^High/ }).check());
    const expected = { type: 'realtime', reasoning: { effort: 'high' } };
    if (sent.length !== 1 || !isDeepStrictEqual(sent[0], expected))
      throw new Error(`sent ${json(sent)}, expected [${json(expected)}]`);
  });

  await check('semantic VAD with high eagerness is sent without server VAD settings', async () => {
    await openSection('audio-in');
    const turnDetection = field('audio.input.turn_detection');
    const sent = [
      ...(await edit('audio.input.turn_detection', () =>
        turnDetection.getByRole('radio', { name: /^Semantic VAD/ }).check(),
      )),
      ...(await edit('audio.input.turn_detection', () => turnDetection.getByRole('radio', { name: /^High/ }).check())),
    ];
    assertOnly(sent, 'audio.input.turn_detection');
    const last = sent.at(-1).audio.input.turn_detection;
    if (last?.type !== 'semantic_vad' || last.eagerness !== 'high')
      throw new Error(`the last turn detection sent was ${json(last)}`);
    const stray = sent.flatMap((update) =>
      SERVER_VAD_ONLY.filter((key) => key in (update.audio.input.turn_detection ?? {})),
    );
    if (stray.length > 0) throw new Error(`server VAD settings were sent with semantic VAD: ${stray.join(', ')}`);
  });

  await check('near-field noise reduction is sent alone', async () => {
    const sent = await edit('audio.input.noise_reduction', () =>
      field('audio.input.noise_reduction')
        .getByRole('radio', { name: /^Near field/ })
        .check(),
    );
    const expected = { type: 'realtime', audio: { input: { noise_reduction: { type: 'near_field' } } } };
    if (sent.length !== 1 || !isDeepStrictEqual(sent[0], expected))
      throw new Error(`sent ${json(sent)}, expected [${json(expected)}]`);
  });

  await check('a new function tool is sent as the tools list alone, once it is valid', async () => {
    const tools = field('tools');
    const before = await tools.locator('li.rrs-tool').count();
    const sent = await edit('tools', async () => {
      await tools.getByRole('button', { name: 'Add function' }).click();
      const row = tools.locator('li.rrs-tool').nth(before);
      await row.getByRole('textbox', { name: /^Name/ }).fill('check_stock');
      await row.getByRole('textbox', { name: /^Description/ }).fill('Whether a bike is in stock.');
      await row.getByRole('textbox', { name: /^Description/ }).blur();
    });
    assertOnly(sent, 'tools');
    const last = sent.at(-1).tools;
    if (last.length !== before + 1 || last.at(-1).name !== 'check_stock')
      throw new Error(`the last tools list sent was ${json(last)}`);
    if (sent.some((update) => update.tools.some((tool) => tool.name === '')))
      throw new Error('a tool without a name was sent');
  });

  const typed = 'Greet the rider by name, then ask which bike they ride.';
  await check('typed instructions are coalesced and sent alone', async () => {
    const box = field('instructions').getByRole('textbox', { name: /^Instructions/ });
    let typingMs = 0;
    const sent = await edit('instructions', async () => {
      await box.fill('');
      const start = Date.now();
      await box.pressSequentially(typed, { delay: 15 });
      typingMs = Date.now() - start;
      await box.blur();
    });
    assertOnly(sent, 'instructions');
    if (sent.at(-1).instructions !== typed) throw new Error(`the last instructions sent were ${json(sent.at(-1))}`);
    // Text is coalesced in 150 ms windows: at most one update per window while typing, and one on blur.
    const most = Math.min(typed.length - 1, Math.ceil(typingMs / 150) + 2);
    if (sent.length > most)
      throw new Error(`${sent.length} updates for ${typed.length} keystrokes in ${typingMs} ms (at most ${most})`);
    console.log(`    ${sent.length} updates for ${typed.length} keystrokes in ${typingMs} ms`);
  });

  await check('every field shows as applied', async () => {
    for (const id of ['model', 'voice', 'audio-in', 'instructions', 'tools', 'reasoning', 'limits', 'tracing'])
      await openSection(id);
    await until('every field to be synced', async () => {
      const statuses = await page
        .locator('[data-field]')
        .evaluateAll((nodes) => nodes.map((node) => `${node.dataset.field}=${node.dataset.status}`));
      const unsynced = statuses.filter((entry) => !entry.endsWith('=synced'));
      if (unsynced.length > 0) throw new Error(unsynced.join(', '));
      return true;
    });
    const summaries = await page.locator('.rrs-section-status').allTextContents();
    if (summaries.length !== 8 || summaries.some((text) => text !== 'All applied'))
      throw new Error(`section summaries: ${json(summaries)}`);
  });

  await check(
    'a response locks the voice: the lock is explained, and a new voice waits for a new session',
    async () => {
      const heard = received.length;
      const voice = field('audio.output.voice');
      const lockNote = voice.locator('[data-kind="lock"]');
      await page.getByRole('button', { name: 'Make the assistant respond' }).click();
      await until('the voice lock to be explained', () => lockNote.isVisible()).catch((error) => {
        throw new Error(`${error.message}\n(received since the click: ${received.slice(heard).join(', ')})`);
      });
      if (!received.slice(heard).includes('response.output_audio.delta')) throw new Error('no audio was received');
      const from = updates.length;
      await voice.getByRole('radio', { name: /^Ash/ }).check();
      await until('the new voice to wait on the lock', async () => (await statusOf('audio.output.voice')) === 'locked');
      if ((await lockNote.getAttribute('data-state')) !== 'waiting')
        throw new Error('the lock note does not say that an edit waits for it');
      // Updates go out in order: once a later edit is applied, a voice update would already have gone.
      await edit('reasoning', () => field('reasoning').getByRole('radio', { name: /^Low/ }).check());
      const voiceSent = updates.slice(from).filter((update) => update.audio?.output?.voice !== undefined);
      if (voiceSent.length > 0) throw new Error(`a locked voice was sent: ${json(voiceSent)}`);
      const locked = await page.locator('.rrs-section[data-section="voice"] .rrs-section-status').textContent();
      if (locked !== '1 locked') throw new Error(`the voice section says "${locked}", expected "1 locked"`);
    },
  );

  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const shot = join(SHOTS, `studio-${width}-${colorScheme}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot: ${shot}`);
    }
  }

  await check('no page errors', async () => {
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
  await context.close();
}

async function main({ check, cleanups, executablePath, launchBrowser }) {
  const ready =
    (await check('chromium is installed', async () => {
      if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing (apt-get install -y chromium)`);
    })) &&
    (await check('the kit and the Storybook are built', async () => {
      if (rebuild || !existsSync(SERVER_ENTRY)) build('build');
      if (rebuild || !existsSync(join(STORYBOOK, 'iframe.html'))) build('build-storybook');
    }));
  if (!ready) return;
  let url;
  if (
    !(await check(
      'vite preview serves the built Storybook with the emulator',
      async () => (url = await startPreview(cleanups)),
    ))
  )
    return;
  await exercise(await launchBrowser(), check, url);
}

startRun('e2e (Session Studio)', DEADLINE, main);
