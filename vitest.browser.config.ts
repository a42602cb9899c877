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
 * Browser tests in Debian's chromium; nothing is downloaded.
 * - `storybook`: every story as a test, its play function then the a11y addon's axe check
 *   (`a11y.test: 'error'`). The realtimeDevServer plugin from .storybook/main.ts gives the
 *   connected stories a live emulator at the test server's own origin.
 * - `webrtc`: test/browser, the voice path against the emulator at the test server's origin, with a
 *   granted, fake microphone and loopback ICE candidates allowed (some machines have no other interface).
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
            provider: playwright({ launchOptions: { executablePath, args: chromium.args } }),
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
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath,
                args: [
                  ...chromium.args,
                  '--use-fake-ui-for-media-stream',
                  '--use-fake-device-for-media-stream',
                  `--use-file-for-fake-audio-capture=${fakeMicrophone}`,
                  '--allow-loopback-in-peer-connection',
                  '--autoplay-policy=no-user-gesture-required',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
