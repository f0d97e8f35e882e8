// A folder of saved real pages, each with what Mozilla's Readability reads from it: the layout of
// `../shared/datasets/real-pages` (`pages/NAME/source.html` and `pages/NAME/expected-metadata.json`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The corpus the proof reads, outside the project (TABULA_REAL_PAGES names another). */
export const REAL_PAGES = resolve(process.env.TABULA_REAL_PAGES ?? resolve(import.meta.dirname, '../../../shared/datasets/real-pages'));

/** What Readability made of a page; fields it could not find are null or absent. */
export interface ExpectedMetadata {
  title?: string | null;
  excerpt?: string | null;
  lang?: string | null;
  readerable?: boolean;
}

export interface RealPage {
  name: string;
  expected: ExpectedMetadata;
}

export interface Corpus {
  /** The folder to serve: `NAME/source.html` is a page. */
  pagesDir: string;
  pages: RealPage[];
}

/** Reads a corpus from `dir` (or from `dir/pages` when it has one); only folders with both files count. */
export function readCorpus(dir: string): Corpus {
  const pagesDir = existsSync(join(dir, 'pages')) ? join(dir, 'pages') : dir;
  if (!existsSync(pagesDir)) throw new Error(`No folder of pages at ${pagesDir}.`);
  const pages: RealPage[] = [];
  for (const name of readdirSync(pagesDir).sort()) {
    const metadata = join(pagesDir, name, 'expected-metadata.json');
    if (!existsSync(join(pagesDir, name, 'source.html')) || !existsSync(metadata)) continue;
    pages.push({ name, expected: JSON.parse(readFileSync(metadata, 'utf8')) as ExpectedMetadata });
  }
  if (pages.length === 0) throw new Error(`No NAME/source.html with NAME/expected-metadata.json in ${pagesDir}.`);
  return { pagesDir, pages };
}

/** The address of a page on the server that serves `pagesDir`. */
export function pageAddress(origin: string, name: string): string {
  return `${origin}/${encodeURIComponent(name)}/source.html`;
}
