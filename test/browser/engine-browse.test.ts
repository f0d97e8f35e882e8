// Tabula's engine in each real browser, driven as a person drives it: trusted clicks, typing,
// wheel scrolls and idle stretches on local pages. What is stored must match what was scripted
// (active time within ±1.5 s, scroll depth, counts), typed text must be nowhere in IndexedDB, the
// model must learn every finished visit exactly once across background stops, and after a
// forget it must be the model a fresh learner makes of the remaining visits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { decodeModelFile, Learner } from '../../model/index';
import { SETTLE_MS } from '../../extension/content/page-watch';
import type { StoredVisit } from '../../extension/contract-types';
import { browserAvailable, ExtensionBrowser, sleep, until, type BrowserName } from '../../harness/browser/launch';
import { startSite, type TestSite } from '../../harness/sites/test-site';
import { largestDifference } from '../../harness/snapshot-difference';

/** How far a stored active time may be from the scripted one. */
const ACTIVE_TOLERANCE_MS = 1_500;
/** After this long without input the user counts as idle (extension/content/activity-clock.ts). */
const IDLE_AFTER_MS = 30_000;
const TYPED = 'zebraquartz';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`the engine in ${name}`, () => {
    let site: TestSite;
    let localhost: string;
    let tabula: ExtensionBrowser;
    let page: Page;
    /** Web pages opened so far: each is one visit. */
    let pagesVisited = 0;
    /** What each visit was scripted to be, by url. */
    const scripted = new Map<string, { activeMs: number; clicks: number; keys: number; scrollDepth?: number }>();

    beforeAll(async () => {
      site = await startSite();
      localhost = site.origin.replace('127.0.0.1', 'localhost'); // a second site on the same server
      tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs: 3_000 });
      await tabula.call('settings/get', {}); // opens the control page now, so later calls open no tab
      page = await tabula.browser.newPage();
      await page.bringToFront();
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    /** Opens a page in the browsing tab; returns when it has loaded. */
    async function open(url: string): Promise<number> {
      await page.goto(url);
      pagesVisited++;
      return Date.now();
    }

    async function storedVisits(): Promise<StoredVisit[]> {
      return (await tabula.call('data/export', {})).visits;
    }

    /** Waits until every visit of these urls is finished (has a seq), and returns them. */
    async function finished(urls: string[]): Promise<StoredVisit[]> {
      let found: StoredVisit[] = [];
      let stored: StoredVisit[] = [];
      await until(async () => {
        stored = await storedVisits();
        found = stored.filter((visit) => urls.includes(visit.url) && visit.seq !== undefined);
        return found.length >= urls.length;
      }, 20_000, 'the visits to finish').catch((error: Error) => {
        const seen = stored.map((visit) => `${visit.path} ${visit.seq === undefined ? 'open' : `seq ${visit.seq}`}`);
        throw new Error(`${error.message} Waiting for ${urls.length} of: ${urls.join(', ')}; stored: ${seen.join(', ')}`);
      });
      return found;
    }

    it('has a focused, visible page to act on in headless mode', async () => {
      await open(`${site.origin}/`);
      expect(await page.evaluate(() => [document.hasFocus(), document.visibilityState])).toEqual([true, 'visible']);
    });

    it('stores each visit with the active time, scroll depth, clicks and keys that were scripted', async () => {
      const article = `${site.origin}/article/3`;
      let loaded = await open(article);
      await page.click('#like');
      await page.click('#like');
      await page.click('#comment');
      await page.keyboard.type(TYPED, { delay: 40 });
      for (let i = 0; i < 6; i++) {
        await page.mouse.move(100 + i * 20, 200);
        await sleep(400);
      }
      scripted.set(article, { activeMs: Date.now() - loaded, clicks: 3, keys: TYPED.length });

      const long = `${site.origin}/long`;
      loaded = await open(long);
      await page.mouse.move(300, 300);
      await page.mouse.wheel({ deltaY: 1_200 });
      await sleep(600);
      await page.mouse.wheel({ deltaY: 900 });
      await sleep(1_200);
      const depth = await page.evaluate(() => (scrollY + innerHeight) / document.documentElement.scrollHeight);
      expect(depth, 'the page really scrolled part of the way').toBeGreaterThan(0.3);
      expect(depth).toBeLessThan(0.9);
      await sleep(1_000);
      scripted.set(long, { activeMs: Date.now() - loaded, clicks: 0, keys: 0, scrollDepth: depth });

      const still = `${localhost}/article/4`; // opened and read without touching anything
      loaded = await open(still);
      await sleep(3_000);
      scripted.set(still, { activeMs: Date.now() - loaded, clicks: 0, keys: 0 });
      await open(`${site.origin}/article/5`); // leaving finishes the last visit

      for (const visit of await finished([article, long, still])) {
        const expected = scripted.get(visit.url)!;
        console.info(`${name} ${visit.path}: active ${visit.activeMs} ms, scripted ${expected.activeMs} ms, span ${visit.endedAt - visit.startedAt} ms; depth ${visit.scrollDepth}; clicks ${visit.clicks}; keys ${visit.keys}`);
        expect(Math.abs(visit.activeMs - expected.activeMs), `active time of ${visit.url}`).toBeLessThanOrEqual(ACTIVE_TOLERANCE_MS);
        expect(visit.clicks).toBe(expected.clicks);
        expect(visit.keys).toBe(expected.keys);
        if (expected.scrollDepth !== undefined) expect(visit.scrollDepth).toBeCloseTo(expected.scrollDepth, 2);
      }
    });

    it('has a visit left within its first seconds stored before the next site has even answered', async () => {
      // The page's report as it is torn down is the one Firefox can drop when the next page is
      // another site's; a visit not reported before then must be reported as it is about to be left.
      const glance = `${localhost}/article/8`;
      await open(glance);
      await sleep(500);
      const slow = '/slow/6000';
      const leaving = page.goto(`${site.origin}${slow}`);
      pagesVisited++;
      let stored: StoredVisit | undefined;
      await until(async () => {
        stored = (await storedVisits()).find((visit) => visit.url === glance);
        return stored !== undefined;
      }, 2_000, 'the visit left to be stored');
      expect(site.answered, 'the next page had not come yet').not.toContain(slow);
      expect(stored).toMatchObject({ host: 'localhost', title: expect.stringContaining('Article 8'), clicks: 0, keys: 0 });
      expect(stored!.endedAt - stored!.startedAt, 'reported as it was left, before its page would have been read').toBeLessThan(SETTLE_MS);
      await leaving;
      await finished([glance]);
    });

    it('measures the depth of an app that scrolls a panel, not of its page, which fits the window', async () => {
      const app = `${site.origin}/panel`;
      await open(app);
      await sleep(SETTLE_MS + 1_500); // read, and its depth first measured, once settled
      await page.mouse.move(300, 300);
      await page.mouse.wheel({ deltaY: 1_200 });
      await sleep(1_200);
      const { depth, fits } = await page.evaluate(() => {
        const panel = document.getElementById('panel')!;
        return { depth: (panel.scrollTop + panel.clientHeight) / panel.scrollHeight, fits: document.documentElement.scrollHeight <= innerHeight };
      });
      expect(fits, 'the page itself fits the window').toBe(true);
      expect(depth, 'the panel scrolled part of the way').toBeGreaterThan(0.15);
      expect(depth).toBeLessThan(0.6);
      await open(`${site.origin}/article/9`);
      const [visit] = await finished([app]);
      expect(visit.scrollDepth).toBeCloseTo(depth, 2);
      const home = (await storedVisits()).find((stored) => stored.path === '/');
      expect(home?.scrollDepth, 'a short page without a panel is seen whole').toBe(1);
    });

    it('does not count an idle stretch beyond 30 s as active time', async () => {
      const url = `${site.origin}/article/6`;
      const loaded = await open(url);
      await page.mouse.move(50, 50);
      await sleep(1_000);
      await page.mouse.move(60, 80);
      const idleFrom = Date.now();
      await sleep(IDLE_AFTER_MS + 6_000); // no input at all
      await page.mouse.move(200, 200);
      const idleMs = Date.now() - idleFrom;
      await page.click('#like');
      await sleep(1_000);
      const wall = Date.now() - loaded;
      await open(`${site.origin}/article/7`);
      const [visit] = await finished([url]);
      const expected = wall - (idleMs - IDLE_AFTER_MS);
      console.info(`${name} idle visit: active ${visit.activeMs} ms, expected ${expected} ms, open ${wall} ms`);
      expect(Math.abs(visit.activeMs - expected)).toBeLessThanOrEqual(ACTIVE_TOLERANCE_MS);
      expect(visit.clicks).toBe(1);
    });

    it('keeps no typed text anywhere in IndexedDB, the model included', async () => {
      const dump = await tabula.databaseText();
      expect(dump.length, 'the dump holds the stored visits').toBeGreaterThan(1_000);
      expect(dump).toContain('/article/3');
      expect(dump.toLowerCase()).not.toContain(TYPED);
      const exported = JSON.stringify([await tabula.call('data/export', {}), await tabula.call('model/export', {})]);
      expect(exported.toLowerCase()).not.toContain(TYPED);
    });

    it('learns every finished visit exactly once while the background is stopped and woken mid-browse', async () => {
      const wokeBefore = (await tabula.call('background/status', {})).wokeAt;
      const urls: string[] = [];
      for (let i = 0; i < 8; i++) {
        const url = `${i % 2 === 0 ? site.origin : localhost}/article/${20 + i}`;
        urls.push(url);
        await open(url);
        await page.click('#like');
        // Stopped right after a page change: the final report of the page before may be in flight.
        if (i === 3 || i === 6) await tabula.stopBackground();
        await page.bringToFront();
      }
      await page.close(); // closing the tab finishes its visit
      await finished(urls);
      const all = await storedVisits();
      const status = await tabula.call('background/status', {});
      const overview = await tabula.call('model/overview', {});
      console.info(`${name}: ${pagesVisited} pages visited, ${all.length} visits stored, ${overview.visitsLearned} learned, ${status.learnedTwice} twice`);
      expect(all.every((visit) => visit.seq !== undefined), 'every visit finished').toBe(true);
      expect(all).toHaveLength(pagesVisited);
      expect(overview.visitsLearned).toBe(pagesVisited);
      expect(status.learnedTwice).toBe(0);
      expect(status.wokeAt, 'this background was woken after a stop').toBeGreaterThan(wokeBefore);
      expectModelOf(await tabula.call('model/export', {}), all);
    });

    it('after forgetting a site, holds the model a fresh learner makes of the remaining visits', async () => {
      const before = await storedVisits();
      const forgotten = before.filter((visit) => visit.host === 'localhost').length;
      expect(forgotten).toBeGreaterThan(0);
      const result = await tabula.call('data/forget', { scope: 'site', host: 'localhost' });
      expect(result.removedVisits).toBe(forgotten);
      const remaining = await storedVisits();
      expect(remaining).toHaveLength(before.length - forgotten);
      expect(remaining.some((visit) => visit.host === 'localhost')).toBe(false);
      expect(result.relearnedVisits).toBe(remaining.length);
      const file = await tabula.call('model/export', {});
      expect(JSON.stringify(file)).not.toContain('localhost');
      expectModelOf(file, remaining);
    });
  });
}

/** The model file equals, weight for weight, a learner with its settings trained here on `visits` in seq order. */
function expectModelOf(file: unknown, visits: StoredVisit[]): void {
  const inBrowser = decodeModelFile(file).snapshot();
  const inNode = Learner.create(inBrowser.config);
  for (const visit of [...visits].sort((a, b) => a.seq! - b.seq!)) inNode.observe(visit);
  const expected = inNode.snapshot();
  expect(inBrowser.visitsLearned).toBe(visits.length);
  const difference = largestDifference(inBrowser, expected);
  console.info(`model against Node: largest weight difference ${difference}`);
  expect(difference).toBeLessThanOrEqual(1e-6);
  expect(inBrowser.vocabulary.hosts).toEqual(expected.vocabulary.hosts);
}

