import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
// Debian's chromium and the flags it needs here, shared with scripts/screenshot-stories.mjs.
import chromium from './scripts/chromium.json' with { type: 'json' };

/**
 * Every story as a test in real Chromium: its play function, then the a11y
 * addon's axe check (`a11y.test: 'error'`). Uses Debian's chromium; nothing is
 * downloaded. The realtimeDevServer plugin from .storybook/main.ts gives the
 * connected stories a live emulator at the test server's own origin.
 */
export default defineConfig({
  plugins: [react(), storybookTest({ configDir: '.storybook' })],
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? chromium.executablePath,
          args: chromium.args,
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
