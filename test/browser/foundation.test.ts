// The pipes end to end, in each real browser: a page's visit reaches the background, is stored in
// IndexedDB, shows in the popup, and survives the background being stopped and the browser relaunched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, ExtensionBrowser, sleep, type BrowserName } from '../../harness/browser/launch';
import { startSite, type TestSite } from '../../harness/sites/test-site';
import type { StoredVisit } from '../../extension/contract-types';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`foundation in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;

    beforeAll(async () => {
      site = await startSite();
      tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs: 3_000 });
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    async function storedVisit(path: string): Promise<StoredVisit | undefined> {
      const { visits } = await tabula.call('data/visits', { limit: 200 });
      return visits.find((visit) => visit.url === `${site.origin}${path}`);
    }

    it('stores a visit from a page, without its query, with its clicks', async () => {
      const page = await tabula.browser.newPage();
      await page.goto(`${site.origin}/article/1?q=secret-words#section`);
      await page.bringToFront();
      await page.click('#like');
      await page.click('#like');
      await sleep(500);
      await page.goto(`${site.origin}/article/2`);
      let visit: StoredVisit | undefined;
      for (let tries = 0; tries < 40 && !visit?.seq; tries++) {
        await sleep(250);
        visit = await storedVisit('/article/1');
      }
      expect(visit, 'the visit of /article/1 is stored').toBeDefined();
      expect(visit!.title).toBe('Article 1: neural notes');
      expect(visit!.host).toBe('127.0.0.1');
      expect(visit!.clicks).toBe(2);
      expect(visit!.seq).toBeGreaterThan(0);
      expect(JSON.stringify(visit)).not.toContain('secret-words');
      await page.close();
    });

    it('shows the stored visit in the popup', async () => {
      const popup = await tabula.openExtensionPage('popup.html');
      await popup.waitForSelector('[data-ready]', { timeout: 15_000 });
      await popup.click('[role="tab"][id$="data"]');
      await popup.waitForFunction(() => document.body.innerText.includes('Article 1: neural notes'), { timeout: 10_000 });
      await popup.close();
    });

    it('keeps the data when the background is stopped', async () => {
      const before = await tabula.call('background/status', {});
      await tabula.stopBackground();
      const after = await tabula.call('background/status', {});
      expect(after.wokeAt).toBeGreaterThan(before.wokeAt);
      expect((await storedVisit('/article/1'))?.clicks).toBe(2);
    });

    it('keeps the data when the browser is relaunched on the same profile', async () => {
      await tabula.relaunch();
      expect((await storedVisit('/article/1'))?.title).toBe('Article 1: neural notes');
    });
  });
}
