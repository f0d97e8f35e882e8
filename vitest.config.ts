// Two test projects: `unit` (Node, fake-indexeddb, happy-dom for components) and `browser`
// (the built extension in real Chromium and Firefox, driven by puppeteer-core, one file at a time).
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        resolve: { alias: { 'webextension-polyfill': resolve(root, 'test/extension/fake-browser.ts') } },
        test: {
          name: 'unit',
          include: ['test/model/**/*.test.ts', 'test/extension/**/*.test.ts', 'test/popup/**/*.test.{ts,tsx}', 'test/tools/**/*.test.ts', 'test/harness/**/*.test.ts', 'test/architecture.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
