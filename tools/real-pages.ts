// `npx tsx tools/real-pages.ts [DIR] [--pages NAME,NAME] [--browsers chromium,firefox] [--tabs N] [--no-build]`:
// loads every saved page of DIR (the layout of ../shared/datasets/real-pages, its default) in real
// Chromium and Firefox with the built extension, and compares what Tabula stored with the metadata
// Readability read. Prints the figures and every disagreement, then one line of JSON.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { browserAvailable, type BrowserName } from '../harness/browser/launch';
import { checkRealPages, report } from '../harness/real-pages/check';
import { readCorpus, REAL_PAGES } from '../harness/real-pages/corpus';

const USAGE = 'usage: npx tsx tools/real-pages.ts [DIR] [--pages NAME,NAME] [--browsers chromium,firefox] [--tabs N] [--no-build]';
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.\n${USAGE}`);
  args.splice(at, 2);
  return value;
};
const only = flag('--pages')?.split(',');
const asked = (flag('--browsers')?.split(',') ?? ['chromium', 'firefox']) as BrowserName[];
const tabs = Number(flag('--tabs') ?? 4);
const build = !args.includes('--no-build');
const folders = args.filter((arg) => arg !== '--no-build');
if (folders.length > 1 || folders.some((arg) => arg.startsWith('--')) || !(tabs >= 1) || asked.some((name) => name !== 'chromium' && name !== 'firefox')) {
  throw new Error(USAGE);
}

const corpus = readCorpus(resolve(folders[0] ?? REAL_PAGES));
const pages = only ? corpus.pages.filter((page) => only.includes(page.name)) : corpus.pages;
const unknown = only?.filter((name) => !corpus.pages.some((page) => page.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`No such page in ${corpus.pagesDir}: ${unknown.join(', ')}`);
if (build) execFileSync('npm', ['run', 'build'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'ignore' });

const browsers = asked.filter(browserAvailable);
const result = await checkRealPages(corpus, pages, browsers, { tabs, log: (line) => console.error(line) });
for (const line of report(result)) console.log(line);
console.log(JSON.stringify({ dir: corpus.pagesDir, pages: pages.length, figures: result.figures }));
