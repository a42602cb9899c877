// Screenshots stories from a running Storybook in Debian's Chromium, for looking at them before calling UI done.
// Usage: node scripts/screenshot-stories.mjs [--base http://127.0.0.1:6006] [--out screenshots] [--dark | --both]
//          [--sheet name] (--all | story-id…)
// --all shoots every story in Storybook's index.json (docs pages left out); --both shoots each story in light
// and dark; --sheet also writes one contact sheet of them all, to look at at once.
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import chromiumOptions from './chromium.json' with { type: 'json' };

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args.splice(index, 2)[1];
};
const base = option('--base', 'http://127.0.0.1:6006');
const out = option('--out', 'screenshots');
const sheet = option('--sheet', undefined);
const flag = (name) => {
  const index = args.indexOf(name);
  if (index !== -1) args.splice(index, 1);
  return index !== -1;
};
const both = flag('--both');
const schemes = both ? ['light', 'dark'] : flag('--dark') ? ['dark'] : ['light'];
const all = flag('--all');

/** Every story id of the running Storybook, in sidebar order. */
async function allStoryIds() {
  const response = await fetch(`${base}/index.json`);
  if (!response.ok) throw new Error(`${base}/index.json: HTTP ${response.status}`);
  const index = await response.json();
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id);
}

const ids = [...(all ? await allStoryIds() : []), ...args];
if (ids.length === 0) {
  console.error('No stories: pass --all or story ids.');
  process.exit(2);
}

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? chromiumOptions.executablePath,
  // The voice stories call over WebRTC: a granted fake microphone (Chromium's own beep, no WAV needed for a
  // picture), loopback ICE and audio that plays unasked, as in the browser tests.
  args: [...chromiumOptions.args, ...chromiumOptions.fakeMediaArgs],
});
let failures = 0;
try {
  const shots = [];
  for (const scheme of schemes) {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 }, colorScheme: scheme });
    let current = '';
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[${current} ${scheme}] ${message.text()}`);
    });
    for (const id of ids) {
      current = id;
      const file = `${out}/${id}${scheme === 'dark' ? '-dark' : ''}.png`;
      try {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'networkidle', timeout: 60_000 });
        // Let the play function and a live session settle.
        await page.waitForTimeout(1500);
        await page.screenshot({ path: file, fullPage: true });
        shots.push({ id, scheme, file });
        console.log(file);
      } catch (error) {
        failures++;
        console.error(`${id} (${scheme}): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await page.close();
  }
  if (sheet !== undefined) {
    const tiles = await Promise.all(
      shots.map(async ({ id, scheme, file }) => {
        const data = (await readFile(file)).toString('base64');
        return `<figure><figcaption>${id} (${scheme})</figcaption><img src="data:image/png;base64,${data}"></figure>`;
      }),
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.setContent(
      `<style>body{margin:8px;font:12px sans-serif;display:grid;grid-template-columns:repeat(${schemes.length === 2 ? 4 : 3},1fr);gap:8px}figure{margin:0}img{width:100%;border:1px solid #999}</style>${tiles.join('')}`,
    );
    await page.screenshot({ path: `${out}/${sheet}.png`, fullPage: true });
    console.log(`${out}/${sheet}.png`);
  }
} finally {
  await browser.close();
}
if (failures > 0) process.exitCode = 1;
