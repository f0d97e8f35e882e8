// The proof suite's real-pages section on its fast subset: eight saved real pages of varied kinds
// and languages, read in each browser with the extension, and compared with Readability's reading
// (the keywords with its main content).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero } from '../../harness/proof/section';
import { FAST_PAGES, realPages } from '../../harness/proof/real-pages';
import { REAL_PAGES } from '../../harness/real-pages/corpus';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);
const corpusFound = existsSync(REAL_PAGES);
if (!corpusFound && process.env.CI) throw new Error(`The real pages are not at ${REAL_PAGES} (TABULA_REAL_PAGES names another folder).`);
if (!corpusFound) console.warn(`Skipping the real-pages tests: no corpus at ${REAL_PAGES}.`);

describe.skipIf(browsers.length === 0 || !corpusFound)('real pages (proof)', () => {
  it('reads every page in every browser, and agrees with Readability as often as the proof asks', async () => {
    const figures = await realPages.run({ browsers, scale: 'fast', log: (line) => console.log(line) });
    console.log('real-pages', JSON.stringify(figures));
    expect(nonZero(figures, realPages.zero)).toEqual([]);
    for (const name of browsers) {
      const f = figures[name] as Record<string, Record<string, number>>;
      expect(f.pages).toBe(FAST_PAGES.length);
      expect(f.title.compared).toBe(FAST_PAGES.length);
      expect(f.language.compared).toBe(FAST_PAGES.length);
      expect(f.kindVsReaderable.compared).toBe(FAST_PAGES.length);
      // The targets of the full run (title and language 95 %, article against readerable 85 %).
      expect(f.title.agree / f.title.compared).toBeGreaterThanOrEqual(0.95);
      expect(f.language.agree / f.language.compared).toBeGreaterThanOrEqual(0.95);
      expect(f.kindVsReaderable.agree / f.kindVsReaderable.compared).toBeGreaterThanOrEqual(0.85);
      // Every page has content keywords, and nearly all of them are words of its main content.
      expect(f.keywords.pagesWithKeywords).toBe(FAST_PAGES.length);
      expect(f.keywords.inMain / f.keywords.keywords).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);
});
