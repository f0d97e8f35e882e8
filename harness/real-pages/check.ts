// The real-pages check, shared by the proof's section and `tools/real-pages.ts`: each browser reads
// the pages, the readings are compared with Readability's, and the result is printed for a reader
// to judge — the figures, the kind-against-readerable table, and every disagreement.
import type { BrowserName } from '../browser/launch';
import type { Figures } from '../proof/section';
import { FIELDS, summarise, type Disagreement } from './compare';
import type { Corpus, RealPage } from './corpus';
import { summariseKeywords, type KeywordSummary } from './keywords';
import { readPagesIn, type ReadOptions } from './read-pages';

export interface CheckResult {
  figures: Record<string, Figures>;
  disagreements: Map<BrowserName, Disagreement[]>;
  keywords: Map<BrowserName, KeywordSummary['pages']>;
}

/** Pages whose keywords the report prints for a reader to judge, when they were read. */
export const KEYWORD_SAMPLES = ['nytimes-1', 'lemonde-1', 'heise', 'wikipedia', 'yahoo-4', 'youth', 'firefox-nightly-blog', 'bug-1255978'];

export async function checkRealPages(corpus: Corpus, pages: RealPage[], browsers: BrowserName[], options: ReadOptions = {}): Promise<CheckResult> {
  const figures: Record<string, Figures> = {};
  const disagreements = new Map<BrowserName, Disagreement[]>();
  const keywords = new Map<BrowserName, KeywordSummary['pages']>();
  for (const name of browsers) {
    const started = Date.now();
    const { readings, dropped } = await readPagesIn(name, corpus, pages, options);
    const summary = summarise(pages, readings, dropped);
    const placed = summariseKeywords(corpus, readings);
    figures[name] = { ...summary.figures, keywords: placed.figures, seconds: Math.round((Date.now() - started) / 100) / 10 };
    disagreements.set(name, summary.disagreements);
    keywords.set(name, placed.pages);
  }
  return { figures, disagreements, keywords };
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
    ['pages with keywords', ...browsers.map((name) => of(name, ['keywords', 'pagesWithKeywords']))],
    ['keywords in the main content (expected.html)', ...browsers.map((name) => `${of(name, ['keywords', 'inMain'])} / ${of(name, ['keywords', 'keywords'])} (${of(name, ['keywords', 'percentInMain'])} %)`)],
    ['keywords only in the rest of the page', ...browsers.map((name) => `${of(name, ['keywords', 'onlyElsewhere'])} (${of(name, ['keywords', 'percentOnlyElsewhere'])} %)`)],
    ['keywords in neither', ...browsers.map((name) => of(name, ['keywords', 'nowhere']))],
  ]), '');
  lines.push(...keywordLines(result), '');
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

/** The sample pages' keywords as the first browser read them, each marked where it occurs. */
function keywordLines(result: CheckResult): string[] {
  const [first] = result.keywords.values();
  const read = new Map((first ?? []).map((page) => [page.name, page]));
  const samples = KEYWORD_SAMPLES.filter((name) => read.has(name));
  const lines = ['Keywords of some pages (¹ only outside the main content, ² in neither):'];
  for (const name of samples) {
    const { keywords, places } = read.get(name)!;
    const marked = keywords.map((word) => word + (places.onlyElsewhere.includes(word) ? '¹' : places.nowhere.includes(word) ? '²' : ''));
    lines.push(`  ${name}: ${marked.join(', ') || '(none)'}`);
  }
  const others = (first ?? []).filter((page) => !samples.includes(page.name) && page.places.inMain.length < page.keywords.length);
  if (others.length > 0) lines.push(`  and every other page with a keyword outside its main content: ${others.map((page) => `${page.name} (${[...page.places.onlyElsewhere, ...page.places.nowhere.map((word) => `${word}²`)].join(', ')})`).join('; ')}`);
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
