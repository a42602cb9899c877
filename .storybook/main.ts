import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';
import { realtimeDevServer } from '../src/server/index.js';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  // Stories only: there are no MDX pages, and a glob that matches nothing makes Storybook warn.
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Storybook must work offline: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No onboarding: neither the checklist widget in the sidebar nor the guide page in the menu.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  // A live Realtime endpoint at Storybook's own origin: the local emulator, or OpenAI
  // through minted client secrets when OPENAI_API_KEY is set.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { plugins: [realtimeDevServer()] }),
};

export default config;
