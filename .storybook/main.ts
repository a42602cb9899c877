import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { realtimeDevServer } from '../src/server/index.js';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Storybook must work offline: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // A live Realtime endpoint at Storybook's own origin: the local emulator, or OpenAI
  // through minted client secrets when OPENAI_API_KEY is set.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { plugins: [realtimeDevServer()] }),
};

export default config;
