import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Library build of the browser entry. Declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react()],
  build: {
    // The browser entry, its unstable internal entry (react-realtime-session/internal) and the Node-only
    // server entry (react-realtime-session/server).
    lib: {
      entry: {
        index: 'src/index.ts',
        internal: 'src/internal.ts',
        'server/index': 'src/server/index.ts',
        'server/bin': 'src/server/bin.ts',
      },
      formats: ['es'],
    },
    sourcemap: true,
    minify: false,
    rollupOptions: {
      // Dependencies and peers stay imports; the app's bundler resolves them once. The optional peers (the MCP SDK,
      // selfsigned) must stay dynamic imports, so the server entry loads without them.
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^use-sync-external-store($|\/)/,
        /^node:/,
        'ws',
        'vite',
        'randexp',
        'selfsigned',
        'werift',
        'opusscript',
        /^@modelcontextprotocol\/sdk($|\/)/,
      ],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
