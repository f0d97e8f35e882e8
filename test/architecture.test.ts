// The boundaries between the top-level folders, read from the import lines: model/ is a leaf,
// and the folders import one another in one direction only, so no two of them form a cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * What each folder may import, lowest first; a folder missing from the disk is skipped. The
 * table has no cycle (checked below), so neither has any set of imports that keeps to it.
 * harness/ is what tools and tests share (the browser launcher, the test server, the proof's
 * sections): both import it, it imports neither, and tools never import tests.
 */
const MAY_IMPORT: Record<string, string[]> = {
  model: [],
  extension: ['model'],
  popup: ['extension', 'model'],
  harness: ['popup', 'extension', 'model'],
  tools: ['harness', 'popup', 'extension', 'model'],
  test: ['tools', 'harness', 'popup', 'extension', 'model'],
};
const FOLDERS = Object.keys(MAY_IMPORT);

interface Import {
  /** `file:line`, from the repository's root. */
  at: string;
  folder: string;
  specifier: string;
  /** The top-level folder (or root file) a relative specifier lands in; '' for a package. */
  target: string;
}

// `import … from '…'` and `export … from '…'` (over several lines too), `import '…'`, `import('…')`.
const PATTERNS = [
  /^[ \t]*(?:import|export)\s+(?:type\s+)?[\w\s{},*$]*?\bfrom\s*(['"])([^'"\n]+)\1/gm,
  /^[ \t]*import\s*(['"])([^'"\n]+)\1/gm,
  /\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The specifiers a source text imports, with their line numbers. */
function specifiersIn(text: string): { specifier: string; line: number }[] {
  return PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({
    specifier: match[2],
    line: text.slice(0, match.index).split('\n').length,
  })));
}

function importsOf(folder: string): Import[] {
  let files: string[];
  try {
    files = sourceFiles(join(ROOT, folder));
  } catch {
    return []; // not there (yet)
  }
  return files.flatMap((file) => specifiersIn(readFileSync(file, 'utf8')).map(({ specifier, line }) => ({
    at: `${relative(ROOT, file)}:${line}`,
    folder,
    specifier,
    target: specifier.startsWith('.') ? relative(ROOT, resolve(dirname(file), specifier)).split('/')[0] : '',
  })));
}

const IMPORTS = FOLDERS.flatMap(importsOf);

/** A cycle in `graph` as a path (`a → b → a`), or undefined. */
function cycleIn(graph: Record<string, string[]>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node].join(' → ');
    state.set(node, 'open');
    path.push(node);
    for (const next of graph[node] ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('folder boundaries', () => {
  it('reads every form of import line', () => {
    const text = [
      "import { a } from './a';",
      'import type {',
      '  B,',
      '  C as D,',
      "} from '../b';",
      "export * from './c';",
      "export { e, type F } from 'e-package';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
      "const from = 'not an import';",
    ].join('\n');
    expect(specifiersIn(text)).toEqual(expect.arrayContaining([
      { specifier: './a', line: 1 }, { specifier: '../b', line: 2 }, { specifier: './c', line: 6 },
      { specifier: 'e-package', line: 7 }, { specifier: './side-effect', line: 8 }, { specifier: './lazy', line: 9 },
    ]));
    expect(specifiersIn(text)).toHaveLength(6);
  });

  it('model/ imports nothing outside model/, not even a package', () => {
    const outside = IMPORTS.filter((i) => i.folder === 'model' && i.target !== 'model').map((i) => `${i.at} ${i.specifier}`);
    expect(outside, 'model/ is a leaf: it runs alike in the worker, the pages and Node').toEqual([]);
  });

  it('the folders may import one another in one direction only', () => {
    expect(cycleIn(MAY_IMPORT)).toBeUndefined();
  });

  it.each(FOLDERS)('%s/ imports only the folders below it', (folder) => {
    const wrong = IMPORTS
      .filter((i) => i.folder === folder && FOLDERS.includes(i.target) && i.target !== folder && !MAY_IMPORT[folder].includes(i.target))
      .map((i) => `${i.at} → ${i.specifier}`);
    const note = folder === 'tools'
      ? 'tools/ must not import test/: what both need belongs in harness/'
      : `${folder}/ may import ${MAY_IMPORT[folder].join(', ') || 'nothing outside itself'}`;
    expect(wrong, note).toEqual([]);
  });
});
