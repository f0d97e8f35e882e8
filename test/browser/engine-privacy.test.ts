// What Tabula keeps out, in each real browser: pages of an excluded site and pages in a private
// window leave nothing stored, while the same pages elsewhere are recorded (the controls).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { StoredVisit } from '../../extension/contract-types';
import { browserAvailable, ExtensionBrowser, sleep, until, type BrowserName } from '../../harness/browser/launch';
import { startSite, type TestSite } from '../../harness/sites/test-site';
import { SETTLE_MS } from '../../extension/content/page-watch';

/** A page is read this long after it opened at the latest: its settle time, then an idle moment (2 s at most). */
const SETTLED_MS = SETTLE_MS + 2_500;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`privacy of the engine in ${name}`, () => {
    let site: TestSite;
    let localhost: string;
    let tabula: ExtensionBrowser;

    beforeAll(async () => {
      site = await startSite();
      localhost = site.origin.replace('127.0.0.1', 'localhost');
      tabula = await ExtensionBrowser.launch(name);
      await tabula.call('settings/get', {});
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    async function storedVisits(): Promise<StoredVisit[]> {
      return (await tabula.call('data/export', {})).visits;
    }

    /** Clicks, types and leaves: everything a visit would be made of. */
    async function useAndLeave(page: Page, nextUrl: string): Promise<void> {
      await page.click('#like');
      await page.click('#comment');
      await page.keyboard.type('private words');
      await sleep(500);
      await page.goto(nextUrl);
    }

    it('stores nothing from an excluded site, and still stores the others', async () => {
      const { excluded } = await tabula.call('settings/get', {});
      await tabula.call('settings/set', { excluded: [...excluded, 'localhost'] });
      const page = await tabula.browser.newPage();
      await page.bringToFront();
      const asked = (await tabula.call('background/status', {})).textAsked;
      await page.goto(`${localhost}/article/41`);
      await useAndLeave(page, `${localhost}/article/42`);
      await sleep(SETTLED_MS); // long enough for the page to be read and to ask whether its words may be
      await page.goto(`${site.origin}/article/43`); // not excluded: the control
      await sleep(SETTLED_MS);
      await page.close();
      await until(async () => (await storedVisits()).some((visit) => visit.path === '/article/43' && visit.seq !== undefined), 15_000, 'the visit of the other site');
      const status = await tabula.call('background/status', {});
      expect(status.dropped.excluded, 'the excluded pages did report, and were turned away').toBeGreaterThanOrEqual(2);
      // The excluded page was told its words are not wanted, so its keywords were never read; the control's were.
      expect(status.textAsked).toEqual({ yes: asked.yes + 1, no: asked.no + 1 });
      expect((await storedVisits()).find((visit) => visit.path === '/article/43')?.keywords?.length).toBeGreaterThan(0);
      expect((await storedVisits()).map((visit) => visit.host)).not.toContain('localhost');
      const dump = await tabula.databaseText(['visits', 'events', 'model']);
      expect(dump).toContain('/article/43');
      expect(dump).not.toContain('localhost');
      expect(site.requests).toContain('/article/41');
      await tabula.call('settings/set', { excluded });
    });

    it('stores nothing from a private window', async () => {
      const before = await step('read the stored visits', storedVisits());
      const privateWindow = await step('open a private window', openPrivateWindow(tabula, `${site.origin}/private/start`), 60_000);
      await step('go to /article/51', privateWindow.page.goto(`${site.origin}/article/51`));
      expect(await privateWindow.page.evaluate(() => [document.hasFocus(), document.visibilityState])).toEqual([true, 'visible']);
      await step('use /article/51 and leave it', useAndLeave(privateWindow.page, `${site.origin}/article/52`));
      await sleep(1_000);
      await step('close the private window', privateWindow.close());
      // The same pages in an ordinary window, opened the same way, are recorded: the control.
      const ordinary = await step('open an ordinary window', openOrdinaryWindow(tabula, `${site.origin}/article/53`));
      await step('use /article/53 and leave it', useAndLeave(ordinary, `${site.origin}/article/54`));
      await until(async () => (await storedVisits()).some((visit) => visit.path === '/article/53' && visit.seq !== undefined), 15_000, 'the visit in the ordinary window');
      console.info(`${name}: private window ${privateWindow.proof}`);
      expect(site.requests).toEqual(expect.arrayContaining(['/private/start', '/article/51', '/article/52']));
      const after = await storedVisits();
      // Finished visits only: the page that ended /article/53 (/article/54) may be stored as still open.
      const finished = after.filter((visit) => visit.seq !== undefined && !before.some((old) => old.id === visit.id));
      expect(finished.map((visit) => visit.path)).toEqual(['/article/53']);
      const dump = await tabula.databaseText(['visits', 'events', 'model']);
      expect(dump).not.toMatch(/\/private\/|\/article\/5[12]/);
      const status = await tabula.call('background/status', {});
      expect(status.dropped.incognito, 'nothing even reached the background').toBe(0);
      expect(status.rejected.sender).toBe(0);
      await ordinary.close();
    });
  });
}

/** A step that hangs fails with its name, rather than as the whole test's timeout. */
async function step<T>(label: string, work: Promise<T>, timeoutMs = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${label}: no end after ${timeoutMs} ms`)), timeoutMs); });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

interface PrivateWindow {
  page: Page;
  /** What shows that the window is private, for the log. */
  proof: string;
  close(): Promise<void>;
}

/**
 * Opens a real private window. Chromium: chrome.windows.create({incognito: true}) from an extension
 * page opens an incognito window (in an off-the-record browser context of its own) even for an
 * extension that may not run there. Firefox: the browser's own
 * openTrustedLinkIn(url, 'window', { private: true }), run in the browser window's chrome scope over
 * WebDriver BiDi (allowed by --remote-allow-system-access).
 */
async function openPrivateWindow(tabula: ExtensionBrowser, url: string): Promise<PrivateWindow> {
  if (tabula.name === 'chromium') {
    await tabula.inExtensionPage((address: string) => (globalThis as any).chrome.windows.create({ incognito: true, url: address }), url);
    const target = await tabula.browser.waitForTarget((candidate) => candidate.url() === url, { timeout: 15_000 });
    const page = (await target.page())!;
    const session = await page.createCDPSession();
    const { targetInfo } = await session.send('Target.getTargetInfo');
    await session.detach();
    const ordinaryContexts = (await tabula.browser.pages()).filter((other) => other !== page).map((other) => other.browserContext().id ?? 'default');
    expect(ordinaryContexts).not.toContain(targetInfo.browserContextId);
    const seenByTabula = await tabula.inExtensionPage(async () => JSON.stringify(await (globalThis as any).chrome.windows.getAll({ populate: true })));
    expect(seenByTabula, 'the extension is not shown the incognito window').not.toContain('/private/');
    return { page, proof: `in browser context ${targetInfo.browserContextId}, hidden from the extension`, close: () => page.close() };
  }
  const connection = (tabula.browser as unknown as { connection: BidiConnection }).connection;
  const inChrome = async (context: string, expression: string): Promise<unknown> =>
    (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: false })).result.result.value;
  const browserWindows = async (): Promise<string[]> =>
    (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result.contexts.map((context: { context: string }) => context.context);
  const [first] = await step('list the browser windows', browserWindows());
  // Opened at its address: a navigation issued while a new window still loads its own first page
  // was seen never to report its end on a busy machine.
  await step('open the window', inChrome(first, `openTrustedLinkIn(${JSON.stringify(url)}, 'window', { private: true })`));
  const target = await tabula.browser.waitForTarget((candidate) => candidate.url() === url, { timeout: 15_000 });
  const page = (await step('find its page', target.page()))!;
  let privateWindow = '';
  for (const context of await step('list the windows again', browserWindows())) {
    if (await step('ask a window if it is private', inChrome(context, 'PrivateBrowsingUtils.isWindowPrivate(window)'))) privateWindow = context;
  }
  expect(privateWindow, 'a private browser window is open').not.toBe('');
  // A new window focuses its address bar: give the page the focus, as a click into it would.
  await step('focus the page', inChrome(privateWindow, 'gBrowser.selectedBrowser.focus()'));
  return { page, proof: 'opened by openTrustedLinkIn(…, { private: true }); PrivateBrowsingUtils.isWindowPrivate true', close: () => page.close() };
}

async function openOrdinaryWindow(tabula: ExtensionBrowser, url: string): Promise<Page> {
  if (tabula.name === 'chromium') {
    await tabula.inExtensionPage((address: string) => (globalThis as any).chrome.windows.create({ url: address }), url);
    const target = await tabula.browser.waitForTarget((candidate) => candidate.url() === url, { timeout: 15_000 });
    return (await target.page())!;
  }
  const page = await tabula.browser.newPage();
  await page.bringToFront(); // a tab in the background is not rendered, so a click in it would wait
  await page.goto(url);
  return page;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: any }>;
}
