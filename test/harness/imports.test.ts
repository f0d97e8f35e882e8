// Tools and tests share harness/ and never import each other: harness/ imports neither tools/ nor
// test/, tools/ never imports test/, and test/ imports tools/ only in the tests of tools (test/tools/).
// Read from the import lines of every file, so a new import across the line fails `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(resolve(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|js)$/.test(file))
    .map((file) => join(folder, file));
}

/** Every relative import of a file, as a path from the repository's root. */
function importsOf(file: string): string[] {
  const text = readFileSync(resolve(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]);
  return specifiers.map((specifier) => relative(ROOT, resolve(ROOT, dirname(file), specifier)));
}

/** The imports from `from` into `into`, as "file → import". */
function crossings(from: string, into: string, except = (_file: string) => false): string[] {
  return sources(from).filter((file) => !except(file))
    .flatMap((file) => importsOf(file).filter((target) => target.startsWith(`${into}/`)).map((target) => `${file} → ${target}`));
}

describe('tools, tests and their harness', () => {
  it('finds the imports it checks', () => {
    expect(crossings('tools', 'harness')).toContain('tools/proof.ts → harness/proof/sections');
    expect(crossings('test', 'harness').length).toBeGreaterThan(10);
  });

  it('keeps harness/ free of tools/ and test/', () => {
    expect([...crossings('harness', 'tools'), ...crossings('harness', 'test')]).toEqual([]);
  });

  it('keeps tools/ free of test/', () => {
    expect(crossings('tools', 'test')).toEqual([]);
  });

  it('lets test/ import tools/ only in the tests of tools', () => {
    expect(crossings('test', 'tools', (file) => file.startsWith('test/tools/'))).toEqual([]);
  });
});
