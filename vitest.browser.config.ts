import { tmpdir } from 'node:os';
import path from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
// Debian's chromium and the flags it needs here, shared with scripts/screenshot-stories.mjs.
import chromium from './scripts/chromium.json' with { type: 'json' };
import { realtimeDevServer } from './src/server/index.js';
import { writeFakeMicrophone } from './test/browser/fake-microphone.js';

const executablePath = process.env['CHROMIUM_PATH'] ?? chromium.executablePath;

// Chromium reads its fake microphone from a file given at launch, so the file exists before the browser does.
const fakeMicrophone = path.join(tmpdir(), `react-realtime-session-microphone-${process.pid}.wav`);
writeFakeMicrophone(fakeMicrophone);

/**
 * The flags of a page that calls: the microphone granted without a prompt and fed from the WAV above, loopback
 * ICE candidates allowed (some machines have no other interface) and the answer's audio playing without a click.
 * chromium.json lists all but the file, which scripts/screenshot-stories.mjs leaves out (Chromium then beeps).
 */
const withFakeMedia = [
  ...chromium.args,
  ...chromium.fakeMediaArgs,
  `--use-file-for-fake-audio-capture=${fakeMicrophone}`,
];

/**
 * Browser tests in Debian's chromium; nothing is downloaded.
 * - `storybook`: every story as a test, its play function then the a11y addon's axe check
 *   (`a11y.test: 'error'`). The realtimeDevServer plugin from .storybook/main.ts gives the
 *   connected stories a live emulator at the test server's own origin; the voice stories
 *   (Session/Talk, AudioControls) call it over WebRTC with the fake microphone.
 * - `webrtc`: test/browser, the voice path against the emulator at the test server's origin, with the
 *   same fake microphone.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react(), storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: withFakeMedia } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        plugins: [realtimeDevServer({ apiKey: '' })],
        test: {
          name: 'webrtc',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          // After the stories, not beside them: since the voice stories call too (a second Chromium, their Opus
          // in this Node process), it heard speech at threshold 0.95, which its tone alone never reaches, when
          // run beside them; and the round trips it reports would measure their load.
          sequence: { groupOrder: 1 },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath, args: withFakeMedia } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
