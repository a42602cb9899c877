import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Library build of the browser entry. Declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
