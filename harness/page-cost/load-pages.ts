// Loads pages in real Chromium, each under its own trace: with each build of the extension under
// test installed in turn and, in the same browser, with none (an off-the-record context, where
// Tabula, declared "incognito": "not_allowed", is never injected). The pages are the test site's
// (an article, a huge page, a video page) or a folder of saved real pages. Every sample opens a
// new tab, so a new renderer process, then goes on to the next page of the same site, which
// Chromium keeps in that process (and, if asked, stays there as long). Arms run in a rotating
// order, so that a machine growing busier or quieter during the run favours none.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { DIST, ExtensionBrowser, sleep } from '../browser/launch';
import { startSite } from '../sites/test-site';
import { mainThreadOf, markAt, segmentCost, traceEnd, type SegmentCost, type TraceEvent } from './trace-cost';

export const PAGES = { article: '/cost/article', huge: '/cost/huge', video: '/cost/video' } as const;
export type TestSitePage = keyof typeof PAGES;
/** A page's name: one of the test site's, or a saved real page's folder name. */
export type PageName = string;

/** Where the pages come from: a server to start, and each page's path on it. */
export interface PageSource {
  start(): Promise<{ origin: string; close(): Promise<void> }>;
  pages: { name: PageName; path: string }[];
}

/** The test site's pages, by name. */
export function testSitePages(names: TestSitePage[]): PageSource {
  return { start: startSite, pages: names.map((name) => ({ name, path: PAGES[name] })) };
}

/** Enough to attribute script work and tasks; the detailed V8 compile categories inflate what they measure. */
export const DEFAULT_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'extensions', 'v8.execute'];

/** A build of the extension: a folder holding manifest.json and content.js. */
export interface Variant {
  name: string;
  dir: string;
}

export const BASELINE = 'no extension';

export interface LoadOptions {
  source: PageSource;
  loads: number;
  variants: Variant[];
  /** How long each page stays open after its load event: the idle reading and the first timer ticks fall in it. */
  settleMs: number;
  /** Measure the next page of the same site too (in the same process), as long as the first. */
  nextPage: boolean;
  categories: string[];
  /** Load the pages without the extension too (the baseline); true unless said otherwise. */
  baseline?: boolean;
  /** A folder to write every trace to (they open in DevTools' Performance panel). */
  keepTracesIn?: string;
  onSample?: (sample: LoadSample) => void;
}

export interface LoadSample {
  /** A variant's name, or BASELINE. */
  arm: string;
  page: PageName;
  round: number;
  /** The page opened in a new tab: the content script is compiled and run from nothing. */
  first: SegmentCost;
  /** Leaving it for the next page: the visit's final report. */
  leave: SegmentCost;
  /** The next page of the same site, in the same tab (when measured). */
  next?: SegmentCost;
  /** The first page ran in a renderer process not seen before in this run. */
  freshProcess: boolean;
  /** The next page ran in the same process as the first. */
  sameProcess: boolean;
}

const LEAVE_MARK = 'tabula-page-cost-leave';

export async function loadPages(options: LoadOptions): Promise<{ samples: LoadSample[]; chromium: string }> {
  const site = await options.source.start();
  const tabula = await ExtensionBrowser.launch('chromium');
  try {
    let installed = { dir: DIST, id: new URL(tabula.origin).host };
    const install = async (dir: string): Promise<string> => {
      if (installed.dir !== dir) {
        await tabula.browser.uninstallExtension(installed.id);
        installed = { dir, id: await tabula.browser.installExtension(dir) };
        await sleep(500); // let its background start before anything is timed
      }
      return installed.id;
    };
    const offTheRecord = await tabula.browser.createBrowserContext();
    const arms = [...options.variants.map((variant) => variant.name), ...(options.baseline === false ? [] : [BASELINE])];
    const seenProcesses = new Set<number>();
    const samples: LoadSample[] = [];
    // An unmeasured round of the first page first: the browser's own first-use work (fonts, spare
    // processes) is nobody's page.
    for (let round = -1; round < options.loads; round++) {
      const pages = round < 0 ? options.source.pages.slice(0, 1) : options.source.pages;
      const shift = Math.max(0, round) % arms.length;
      for (const arm of [...arms.slice(shift), ...arms.slice(0, shift)]) {
        const variant = options.variants.find((v) => v.name === arm);
        const extensionId = variant ? await install(variant.dir) : installed.id;
        const context = variant ? tabula.browser.defaultBrowserContext() : offTheRecord;
        for (const { name: page, path } of pages) {
          const url = `${site.origin}${path}?round=${round}&arm=${arms.indexOf(arm)}`;
          const sample = await sampleOnce(context, options, { arm, page, round, url, extensionId, seenProcesses, nextPage: options.nextPage });
          if (round < 0) continue;
          samples.push(sample);
          options.onSample?.(sample);
        }
      }
    }
    return { samples, chromium: await tabula.browser.version() };
  } finally {
    await tabula.close();
    await site.close();
  }
}

/** One visit traced; tried once more should the trace miss a commit (a navigation Chromium dropped). */
async function sampleOnce(context: BrowserContext, options: LoadOptions, about: SampleContext): Promise<LoadSample> {
  try {
    return analyse(await traceVisit(context, about.url, options), about);
  } catch (error) {
    console.warn(`${String(error)} Trying once more.`);
    return analyse(await traceVisit(context, about.url, options), about);
  }
}

async function traceVisit(context: BrowserContext, url: string, options: LoadOptions): Promise<TraceEvent[]> {
  const tab: Page = await context.newPage();
  // A saved page's `alert()` would hold it until someone answers, as a person would.
  tab.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
  try {
    await tab.tracing.start({ categories: options.categories });
    await tab.goto(url, { waitUntil: 'load' });
    await sleep(options.settleMs);
    await tab.evaluate((label: string) => console.timeStamp(label), LEAVE_MARK);
    await tab.goto(`${url}&next`, { waitUntil: 'load' });
    await sleep(options.nextPage ? options.settleMs : 200);
    const buffer = await tab.tracing.stop();
    if (options.keepTracesIn) writeFileSync(join(options.keepTracesIn, `${(new URL(url).pathname + new URL(url).search).slice(1).replace(/\W/g, '-')}-${Date.now()}.json`), buffer!);
    const trace = JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return Array.isArray(trace) ? trace : trace.traceEvents;
  } finally {
    await tab.close();
  }
}

interface SampleContext {
  arm: string;
  page: PageName;
  round: number;
  url: string;
  extensionId: string;
  seenProcesses: Set<number>;
  nextPage: boolean;
}

function analyse(events: TraceEvent[], { arm, page, round, url, extensionId, seenProcesses, nextPage }: SampleContext): LoadSample {
  // Every script of the extension: content.js, and whatever the background injects into the page.
  const scriptUrl = `chrome-extension://${extensionId}/`;
  const leaveAt = markAt(events, LEAVE_MARK);
  const first = mainThreadOf(events, url);
  const next = leaveAt === null ? null : mainThreadOf(events, `${url}&next`, leaveAt);
  if (!first || leaveAt === null || !next) {
    throw new Error(`The trace of ${url} (${arm}) lacks ${!first ? 'its commit' : leaveAt === null ? 'its mark' : 'the next commit'}.`);
  }
  const end = traceEnd(events) + 1;
  const freshProcess = !seenProcesses.has(first.pid);
  seenProcesses.add(first.pid).add(next.pid);
  // On one thread the next page's commit ends the first page's life; in another process its unload may come later.
  const sameThread = first.pid === next.pid && first.tid === next.tid;
  return {
    arm,
    page,
    round,
    first: segmentCost(events, first, -Infinity, leaveAt, scriptUrl, extensionId),
    leave: segmentCost(events, first, leaveAt, sameThread ? next.committedAt : end, scriptUrl, extensionId),
    next: nextPage ? segmentCost(events, next, next.committedAt, end, scriptUrl, extensionId) : undefined,
    freshProcess,
    sameProcess: first.pid === next.pid,
  };
}
