// The sample in each real browser: it opens from the dashboard in a tab of its own, clearly marked,
// made and learned in a database of its own; the user's database holds exactly what it held
// before, while it is open and after it is closed, and the user's pages keep reporting to it;
// a reload stays on the sample without making it again; closing it deletes its database.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, sleep, until, type BrowserName, type ExtensionBrowser } from '../../harness/browser/launch';
import { browseRoutine, launchWithSites, openPopup, settled, siteUrl, stayOn, textOf } from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';

const SAMPLE_DB = 'tabula-sample';
/** Longer than the background's batched save (2 s), so that its database is still when read. */
const QUIET_MS = 3_500;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`the sample in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;

    beforeAll(async () => {
      site = await startSite();
      tabula = await launchWithSites(name);
      await browseRoutine(tabula, site, 12, siteUrl(site, 'docs.test', '/article/104'));
      await sleep(QUIET_MS);
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    it('opens from the dashboard and leaves the user’s database as it was, before, during and after', { timeout: 240_000 }, async () => {
      const before = await tabula.databaseText();
      const userVisits = (await tabula.call('model/overview', {})).storedVisits;
      expect(await tabula.databaseNames()).toEqual(['tabula']);

      const dashboard = await openPopup(tabula, 'dashboard.html');
      const clickedAt = Date.now();
      await dashboard.click('button.sample-link');
      const sample = await newTab('dashboard.html?sample');
      await sample.bringToFront();
      await sample.waitForSelector('#app[data-ready][data-live]', { timeout: 90_000 });
      const shownMs = Date.now() - clickedAt;
      await settled(sample);
      expect(await textOf(sample, '.sample-banner')).toContain('Sample data — not yours');
      const learned = await sampleVisitsLearned(sample);
      expect(learned).toBeGreaterThan(5_000);
      expect(await tabula.databaseNames()).toEqual(['tabula', SAMPLE_DB]);
      expect(await storedIn(SAMPLE_DB)).toBe(learned);
      // The sample's own prediction, explained in points and seconds against its baseline.
      expect(await textOf(sample, '.why')).toMatch(/points/);
      expect(await tabula.databaseText()).toBe(before);
      console.log(`${name}: the sample held ${learned} visits, made, learned and shown ${shownMs} ms after the click; the user's database kept its ${userVisits}`);

      // The user's pages keep reporting to the user's Tabula while the sample is open.
      const page = await tabula.browser.newPage();
      await stayOn(tabula, page, siteUrl(site, 'shop.test', '/article/7'));
      expect((await tabula.call('model/overview', {})).storedVisits).toBe(userVisits + 1);
      expect(await storedIn(SAMPLE_DB)).toBe(learned);
      await sleep(QUIET_MS);
      const during = await tabula.databaseText();

      // A reload stays on the sample, found as it was.
      // (by the page itself: Firefox's extension pages never tell puppeteer a navigation ended)
      await sample.evaluate(() => { (window as { beforeReload?: boolean }).beforeReload = true; location.reload(); });
      await until(() => sample.evaluate(() => !(window as { beforeReload?: boolean }).beforeReload && !!document.querySelector('#app[data-ready][data-live]')),
        60_000, 'the sample to show again after a reload');
      await settled(sample);
      expect(await textOf(sample, '.sample-banner')).toContain('Sample data — not yours');
      expect(await sampleVisitsLearned(sample)).toBe(learned);

      await sample.click('.sample-banner button');
      await until(async () => sample.evaluate(() => location.search === '' && location.pathname.endsWith('/dashboard.html')), 20_000, 'the page to leave the sample');
      await until(async () => !(await tabula.databaseNames()).includes(SAMPLE_DB), 20_000, 'the sample database to be deleted');
      await sample.waitForSelector('#app[data-ready][data-live]', { timeout: 20_000 });
      expect(await textOf(sample)).not.toContain('Sample data');
      expect(await tabula.databaseText()).toBe(during);
      await page.close();
      await sample.close();
      await dashboard.close();
    });

    /** The tab that a link opened at an address ending so (found by polling: Firefox's tabs come as pages, not targets). */
    async function newTab(ending: string): Promise<Page> {
      let found: Page | undefined;
      await until(async () => {
        for (const page of await tabula.browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.endsWith(ending)) found = page;
        }
        return found !== undefined;
      }, 20_000, `a tab at ${ending}`);
      return found!;
    }

    /** How many visits a page on the sample has learned, as its Learned counts say. */
    async function sampleVisitsLearned(sample: Page): Promise<number> {
      const text = await textOf(sample, '.counts');
      const found = /Visits learned\s*([\d,]+)/.exec(text);
      if (!found) throw new Error(`No count of visits learned in: ${text.slice(0, 200)}`);
      return Number(found[1].replace(/,/g, ''));
    }

    /** Visits stored in a database, read as they are. */
    async function storedIn(database: string): Promise<number> {
      return (JSON.parse(await tabula.databaseText(['visits'], database)) as [string, unknown[]])[1].length;
    }
  });
}
