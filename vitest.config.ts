import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Layers below React run in plain Node; React and component tests get a DOM.
const domTests = ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          // test/browser runs in Chromium (`npm run test:browser`).
          exclude: [...domTests, 'test/browser/**'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
          benchmark: { include: ['test/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: domTests,
          setupFiles: ['test/support/setup-dom.ts'],
          // Render counts need a DOM; the live-sync benches stay in the node project.
          benchmark: { include: ['test/**/*.bench.tsx'] },
        },
      },
    ],
  },
});
