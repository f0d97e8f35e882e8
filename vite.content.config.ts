// Builds the content script: one self-contained classic script (no import), added to dist/.
// It runs in every page the browser opens, so it is minified, and it carries V8's compile hint
// that all its functions run at load: nearly all of them do, within a visit, and compiling them
// in one pass with the script costs the page less than compiling each on its first call
// (measured with tools/page-cost.ts; browsers other than Chrome ignore the comment).
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Puts the compile hint first in content.js, after minification (which would drop a comment). */
function compileHint(): Plugin {
  return {
    name: 'tabula-compile-hint',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code;
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [compileHint()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: resolve(root, 'extension/content/index.ts'),
      formats: ['iife'],
      name: 'tabulaContent',
      fileName: () => 'content.js',
    },
  },
});
