// Loads saved real pages in a real browser with the built extension and reads back what Tabula
// stored for each, through the data export as the popup gets it. A few tabs work through the
// pages side by side; a page counts as read once its visit is in the store (the content script
// reports a visit as soon as it has read the page), and as failed when none comes in time.
import type { StoredVisit } from '../../extension/contract-types';
import { DEFAULT_EXCLUSIONS, isExcluded } from '../../extension/exclusions';
import { ExtensionBrowser, sleep, type BrowserName } from '../browser/launch';
import { startPageFolder } from '../sites/page-folder';
import { pageAddress, type Corpus, type RealPage } from './corpus';

export interface PageReading {
  name: string;
  /** What Tabula stored for the page; null when nothing was stored in time (its reading threw, or it never reported). */
  visit: StoredVisit | null;
  /** The page, as loaded, has a meta description or og:description with text. */
  hasDescription: boolean;
  /** The default exclusion list covers the page's address (then nothing is stored, rightly). */
  excluded: boolean;
}

export interface BrowserReadings {
  readings: PageReading[];
  /** Reports the background turned away, by reason (background/status). */
  dropped: Record<string, number>;
}

export interface ReadOptions {
  /** Tabs loading pages side by side. */
  tabs?: number;
  /** How long a page may take to be stored after its document has loaded. */
  waitMs?: number;
  log?: (line: string) => void;
}

/** The export is read at most this often, whatever the number of tabs waiting on it. */
const POLL_MS = 300;
/** How long a stored visit is given to gain its keywords (the background answers in milliseconds; idle callbacks may wait 2 s each). */
const KEYWORDS_WAIT_MS = 6000;

export async function readPagesIn(name: BrowserName, corpus: Corpus, pages: RealPage[], options: ReadOptions = {}): Promise<BrowserReadings> {
  const { tabs = 4, waitMs = 20_000, log = () => undefined } = options;
  const site = await startPageFolder(corpus.pagesDir);
  const tabula = await ExtensionBrowser.launch(name);
  try {
    // The page the export is read through is opened first: opened as a tab later, it would hide the
    // page in front, which then reports before it has been read (and without its keywords).
    await tabula.call('background/status', {});
    const stored = storedVisits(tabula);
    const queue = [...pages];
    const readings: PageReading[] = [];
    const work = async (): Promise<void> => {
      const tab = await tabula.browser.newPage();
      // A saved page's `alert()` holds it, content script and all, until someone answers, as a person would.
      tab.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      for (let page = queue.shift(); page; page = queue.shift()) {
        const url = pageAddress(site.origin, page.name);
        await tab.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
        const hasDescription = await tab.evaluate(hasMetaDescription).catch(() => false);
        const visit = await stored.waitFor(url, waitMs);
        const { host, pathname } = new URL(url);
        readings.push({ name: page.name, visit, hasDescription, excluded: isExcluded(host, pathname, DEFAULT_EXCLUSIONS) });
        if (readings.length % 10 === 0 || readings.length === pages.length) log(`${name}: ${readings.length} of ${pages.length} pages read`);
      }
      await tab.close();
    };
    await Promise.all(Array.from({ length: Math.min(tabs, pages.length) }, work));
    const { dropped } = await tabula.call('background/status', {});
    const order = new Map(pages.map((page, i) => [page.name, i]));
    readings.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
    return { readings, dropped: { ...dropped } };
  } finally {
    await tabula.close();
    await site.close();
  }
}

/** Runs in the page: whether it declares a description where Tabula looks for one. */
function hasMetaDescription(): boolean {
  return [...document.getElementsByTagName('meta')].some((meta) => {
    const named = `${meta.getAttribute('name') ?? ''} ${meta.getAttribute('property') ?? ''}`.toLowerCase().split(/\s+/);
    return (named.includes('description') || named.includes('og:description')) && (meta.getAttribute('content') ?? '').trim() !== '';
  });
}

/** Stored visits by address, read from the export once per POLL_MS for every tab that waits. */
function storedVisits(tabula: ExtensionBrowser) {
  const byUrl = new Map<string, StoredVisit>();
  let readAt = 0;
  let reading: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    reading ??= (async () => {
      await sleep(Math.max(0, readAt + POLL_MS - Date.now()));
      for (const visit of (await tabula.call('data/export', {})).visits) byUrl.set(visit.url, visit);
      readAt = Date.now();
    })().finally(() => { reading = null; });
    return reading;
  };
  return {
    /**
     * The page's visit once stored, and with its keywords where it gets any: a visit is stored by
     * its first report, and its keywords come with a later one, which closing the tab at the first
     * would lose. A page without main text has none to wait for: KEYWORDS_WAIT_MS at most.
     */
    async waitFor(url: string, timeoutMs: number): Promise<StoredVisit | null> {
      const deadline = Date.now() + timeoutMs;
      while (!byUrl.has(url) && Date.now() < deadline) await refresh();
      const read = (): boolean => { const visit = byUrl.get(url); return !visit || visit.keywords !== undefined || visit.kind === 'search'; };
      const keywordsBy = Math.min(deadline, Date.now() + KEYWORDS_WAIT_MS);
      while (!read() && Date.now() < keywordsBy) await refresh();
      return byUrl.get(url) ?? null;
    },
  };
}
