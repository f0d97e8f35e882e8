// The content security policy of Tabula's pages, in each real browser: an extension page can load
// nothing from the network — no image, stylesheet, font, frame or fetch — and says so with a
// `securitypolicyviolation` event, while the popup and dashboard themselves run under the policy
// without a single violation. The same loads from a web page reach the test server, so the
// server's silence means the policy refused them, not that the probe never asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, ExtensionBrowser, sleep, until, type BrowserName } from '../../harness/browser/launch';
import { clickEveryTab } from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';

/** What each probe loads, by the directive that governs it. */
const PROBES = ['image', 'style', 'font', 'frame', 'fetch'] as const;

interface ProbeResult {
  violations: { directive: string; blocked: string }[];
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`content security policy of the extension pages in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;

    beforeAll(async () => {
      site = await startSite();
      tabula = await ExtensionBrowser.launch(name);
      // A few learned visits, so that every view has something to draw (charts, bars, lists).
      const page = await tabula.browser.newPage();
      for (let i = 0; i < 4; i++) {
        await page.goto(`${site.origin}/article/${i + 1}`);
        await page.click('#like');
      }
      await page.close();
      await until(async () => (await tabula.call('model/overview', {})).visitsLearned >= 3, 15_000, 'the visits to be learned');
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    const probePaths = (who: string) => PROBES.map((kind) => `/probe/${who}/${kind}`);
    const reached = (who: string) => site.requests.filter((path) => path.startsWith(`/probe/${who}/`)).sort();

    it('lets a web page load an image, a stylesheet, a font, a frame and a fetch from the test server', async () => {
      const page = await tabula.browser.newPage();
      await page.goto(`${site.origin}/`);
      await page.evaluate(loadFromNetwork, `${site.origin}/probe/web-page`);
      await until(async () => reached('web-page').length === PROBES.length, 5_000, 'every load of the web page to reach the server');
      expect(reached('web-page')).toEqual(probePaths('web-page').sort());
      await page.close();
    });

    it('refuses the same loads from the popup: none reaches the server, each is reported as a violation', async () => {
      const popup = await tabula.openExtensionPage('popup.html');
      const { violations } = await popup.evaluate(loadFromNetwork, `${site.origin}/probe/popup`);
      await popup.close();
      await sleep(500); // a request that got out would have arrived by now
      expect(reached('popup')).toEqual([]);
      const blockedOrigin = violations.filter((violation) => violation.blocked.startsWith(site.origin));
      const directives = new Set(blockedOrigin.map((violation) => violation.directive.replace(/-(elem|attr)$/, '')));
      expect([...directives].sort(), JSON.stringify(violations)).toEqual(['connect-src', 'font-src', 'frame-src', 'img-src', 'style-src']);
    });

    for (const path of ['popup.html', 'dashboard.html']) {
      it(`runs ${path} and each of its views without a violation`, async () => {
        const page = await tabula.browser.newPage();
        // Chromium runs the watch before the page's own scripts, so a violation while it starts is
        // seen too. Firefox runs no script of the test in an extension page before it has loaded:
        // there the watch starts once the page is ready, and every view is then rendered under it.
        if (name === 'chromium') await page.evaluateOnNewDocument(watchViolations);
        await tabula.openExtensionPage(path, page);
        await page.waitForSelector('[data-ready]', { timeout: 15_000 });
        if (name === 'firefox') await page.evaluate(watchViolations);
        await clickEveryTab(page);
        const watch = await page.evaluate(() => (window as unknown as WatchedWindow).tabulaViolations);
        expect(watch, 'the watch was installed').toBeDefined();
        expect(watch).toEqual([]);
        // The watch is not blind: an image from the network, refused, is the one violation it then holds.
        const refused = `${site.origin}/probe/watch/image`;
        await page.evaluate((url: string) => { new Image().src = url; }, refused);
        await until(() => page.evaluate(() => (window as unknown as WatchedWindow).tabulaViolations!.length > 0), 5_000, 'the watch to see the refused image');
        expect(await page.evaluate(() => (window as unknown as WatchedWindow).tabulaViolations)).toEqual([{ directive: 'img-src', blocked: refused }]);
        await page.close();
        const styled = await stylesheetApplied(tabula, path);
        expect(styled, 'its own stylesheet applies').toBe(true);
      });
    }
  });
}

interface WatchedWindow { tabulaViolations?: { directive: string; blocked: string }[] }

/** Runs before a page's scripts: records every violation of the page's policy. */
function watchViolations(): void {
  const list: { directive: string; blocked: string }[] = [];
  (window as unknown as WatchedWindow).tabulaViolations = list;
  document.addEventListener('securitypolicyviolation', (event) => {
    list.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  }, true);
}

/** Runs in a page: loads an image, a stylesheet, a font, a frame and a fetch from `base`; returns the violations seen. */
async function loadFromNetwork(base: string): Promise<ProbeResult> {
  const violations: ProbeResult['violations'] = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI });
  });
  const settled = (element: HTMLElement) => new Promise<void>((resolve) => {
    element.addEventListener('load', () => resolve());
    element.addEventListener('error', () => resolve());
    setTimeout(resolve, 3_000); // a refused frame fires neither event in some browsers
  });
  const image = new Image();
  const imageDone = settled(image);
  image.src = `${base}/image`;
  const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${base}/style` });
  const styleDone = settled(style);
  document.head.append(style);
  const frame = Object.assign(document.createElement('iframe'), { src: `${base}/frame` });
  const frameDone = settled(frame);
  document.body.append(frame);
  const font = new FontFace('tabula-probe', `url(${base}/font)`).load().catch(() => undefined);
  const fetched = fetch(`${base}/fetch`).catch(() => undefined);
  await Promise.all([imageDone, styleDone, frameDone, font, fetched]);
  await new Promise((resolve) => setTimeout(resolve, 300)); // violation events are queued as tasks
  return { violations };
}

/** Whether an extension page's own stylesheet took effect (a refused one would leave it unstyled). */
async function stylesheetApplied(tabula: ExtensionBrowser, path: string): Promise<boolean> {
  const page = await tabula.openExtensionPage(path);
  try {
    await page.waitForSelector('[data-ready]', { timeout: 15_000 });
    return await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0)
      && getComputedStyle(document.body).margin !== '8px'); // 8px: the browser's own default
  } finally {
    await page.close();
  }
}
