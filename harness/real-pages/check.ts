// The real-pages check, shared by the proof's section and `tools/real-pages.ts`: each browser reads
// the pages, the readings are compared with Readability's, and the result is printed for a reader
// to judge — the figures, the kind-against-readerable table, and every disagreement.
import type { BrowserName } from '../browser/launch';
import type { Figures } from '../proof/section';
import { FIELDS, summarise, type Disagreement } from './compare';
import type { Corpus, RealPage } from './corpus';
import { readPagesIn, type ReadOptions } from './read-pages';

export interface CheckResult {
  figures: Record<string, Figures>;
  disagreements: Map<BrowserName, Disagreement[]>;
}

export async function checkRealPages(corpus: Corpus, pages: RealPage[], browsers: BrowserName[], options: ReadOptions = {}): Promise<CheckResult> {
  const figures: Record<string, Figures> = {};
  const disagreements = new Map<BrowserName, Disagreement[]>();
  for (const name of browsers) {
    const started = Date.now();
    const { readings, dropped } = await readPagesIn(name, corpus, pages, options);
    const summary = summarise(pages, readings, dropped);
    figures[name] = { ...summary.figures, seconds: Math.round((Date.now() - started) / 100) / 10 };
    disagreements.set(name, summary.disagreements);
  }
  return { figures, disagreements };
}

/** The figures, the confusion table of each browser and every disagreement, as lines of text. */
export function report(result: CheckResult): string[] {
  const lines: string[] = [];
  const browsers = [...result.disagreements.keys()];
  const of = (name: string, path: string[]): string => {
    let node: unknown = result.figures[name];
    for (const key of path) node = (node as Record<string, unknown>)?.[key];
    return String(node ?? '–');
  };
  const rate = (name: string, key: string) => `${of(name, [key, 'agree'])} / ${of(name, [key, 'compared'])} (${of(name, [key, 'percent'])} %)`;
  lines.push(...table(['', ...browsers], [
    ['pages', ...browsers.map((name) => of(name, ['pages']))],
    ['failed (threw or reported nothing)', ...browsers.map((name) => of(name, ['pagesFailed']))],
    ['excluded by the default list', ...browsers.map((name) => of(name, ['pagesExcluded']))],
    ['title agrees', ...browsers.map((name) => rate(name, 'title'))],
    ['description agrees (pages that declare one)', ...browsers.map((name) => rate(name, 'description'))],
    ['language agrees', ...browsers.map((name) => rate(name, 'language'))],
    ['article kind agrees with readerable', ...browsers.map((name) => rate(name, 'kindVsReaderable'))],
  ]), '');
  for (const name of browsers) {
    const cell = (key: string) => of(name, ['kindVsReaderable', key]);
    lines.push(`${name}: kind against readerable`);
    lines.push(...table(['', 'readerable', 'not readerable'], [
      ['article', cell('articleReaderable'), cell('articleNotReaderable')],
      ['any other kind', cell('otherReaderable'), cell('otherNotReaderable')],
    ]), '');
  }
  // One row per page, field and reading: a disagreement both browsers share is printed once.
  const rows = new Map<string, { row: Disagreement; seenIn: BrowserName[] }>();
  for (const [name, list] of result.disagreements) {
    for (const row of list) {
      const key = JSON.stringify([row.page, row.field, row.tabula, row.expected]);
      const entry = rows.get(key) ?? { row, seenIn: [] };
      entry.seenIn.push(name);
      rows.set(key, entry);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => FIELDS.indexOf(a.row.field) - FIELDS.indexOf(b.row.field) || a.row.page.localeCompare(b.row.page));
  lines.push(`Disagreements (${sorted.length}):`);
  lines.push(...table(['field', 'page', 'browsers', 'Tabula stored', 'Readability', 'note'], sorted.map(({ row, seenIn }) => [
    row.field, row.page, seenIn.length === browsers.length ? 'all' : seenIn.join(', '), quote(row.tabula), quote(row.expected), row.note,
  ])));
  return lines;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}

/** A plain-text table: columns padded to their widest cell. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)];
}
