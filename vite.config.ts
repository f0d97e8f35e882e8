// Builds the extension's pages and background into dist/. The content script has its own build
// (vite.content.config.ts) because it must be one self-contained classic script.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';

const root = import.meta.dirname;

/** Writes manifest.json into dist/, with the version taken from package.json. */
function manifest(): Plugin {
  return {
    name: 'tabula-manifest',
    generateBundle() {
      const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
      const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: JSON.stringify({ ...source, version }, null, 2) });
    },
  };
}

export default defineConfig({
  root: resolve(root, 'popup'),
  publicDir: resolve(root, 'extension/public'),
  base: './',
  plugins: [preact(), manifest()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: resolve(root, 'popup/popup.html'),
        dashboard: resolve(root, 'popup/dashboard.html'),
        background: resolve(root, 'extension/background/index.ts'),
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
