// Builds the content script: one self-contained classic script (no import), added to dist/.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: resolve(root, 'extension/content/index.ts'),
      formats: ['iife'],
      name: 'tabulaContent',
      fileName: () => 'content.js',
    },
  },
});
