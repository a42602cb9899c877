// Screenshots stories from a running Storybook in Debian's Chromium, for looking at them before calling UI done.
// Usage: node scripts/screenshot-stories.mjs [--base http://127.0.0.1:6006] [--out screenshots] [--dark] story-id…
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args.splice(index, 2)[1];
};
const base = option('--base', 'http://127.0.0.1:6006');
const out = option('--out', 'screenshots');
const darkIndex = args.indexOf('--dark');
const dark = darkIndex !== -1;
if (dark) args.splice(darkIndex, 1);

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 }, colorScheme: dark ? 'dark' : 'light' });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[${message.type()}] ${message.text()}`);
  });
  for (const id of args) {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'networkidle', timeout: 60_000 });
    await page.waitForTimeout(1500);
    const file = `${out}/${id}${dark ? '-dark' : ''}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
} finally {
  await browser.close();
}
