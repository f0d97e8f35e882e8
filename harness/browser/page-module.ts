// Runs one of Tabula's own modules in an extension page: Vite bundles it, with what it imports, into
// one script that defines a global there, so that the harness calls the extension's real code in the
// browser instead of a copy of it (the upgrade section writes a version-1 database through db.ts).
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');
const bundles = new Map<string, Promise<string>>();

/** Defines `globalThis[name]` in the page as the module at `entry` (relative to the repository). */
export async function loadModule(page: Page, entry: string, name: string): Promise<void> {
  const code = await (bundles.get(entry) ?? bundle(entry, name));
  await page.evaluate(`${code}\nglobalThis[${JSON.stringify(name)}] = ${name};`);
}

function bundle(entry: string, name: string): Promise<string> {
  const built = build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: { write: false, minify: false, target: 'es2022', lib: { entry: resolve(ROOT, entry), formats: ['iife'], name } },
  }).then((result) => (Array.isArray(result) ? result[0] : result as { output: { code: string }[] }).output[0].code);
  bundles.set(entry, built);
  return built;
}
