// Tabula makes no network request, in each real browser, watched at the browser level while pages
// are browsed and learned and the popup and dashboard are used. Chromium: a CDP session on the
// browser auto-attaches to every target (service worker and extension pages included) and records
// each one's requests. Firefox: every WebDriver BiDi network event of the session. The extension's
// content security policy must also refuse a fetch from its pages and from its background (and every
// other load from the network: test/browser/csp.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'puppeteer-core';
import { browserAvailable, ExtensionBrowser, sleep, until, type BrowserName } from '../../harness/browser/launch';
import { showEveryView } from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';

interface WatchedRequest {
  url: string;
  /** The target (Chromium) or browsing context (Firefox) that made it, by type and address. */
  by: string;
  /** Scripts that started it, when the browser says (Chromium). */
  initiators: string[];
  /** Why the browser stopped it before the network (Chromium: `csp`, say). */
  blocked?: string;
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`network use of the engine in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;
    const requests: WatchedRequest[] = [];
    const watched = new Set<string>();

    beforeAll(async () => {
      site = await startSite();
      tabula = await ExtensionBrowser.launch(name);
      if (name === 'chromium') await watchChromium(tabula, requests, watched);
      else watchFirefox(tabula, requests, watched);
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    /** Requests made by the extension: by its pages or worker, or started by its scripts, for anything but its own files. */
    function fromExtension(): WatchedRequest[] {
      const own = (url: string) => url.startsWith(tabula.origin);
      return requests.filter((request) => !own(request.url) && !request.url.startsWith('data:')
        && (request.by.includes(tabula.origin) || request.initiators.some(own)));
    }

    it('browses, learns and shows its pages without a request of its own', async () => {
      const page = await tabula.browser.newPage();
      await page.bringToFront();
      for (let i = 0; i < 6; i++) {
        await page.goto(`${site.origin}/article/${60 + i}`);
        await page.click('#like');
        await page.mouse.wheel({ deltaY: 600 });
        await sleep(200);
      }
      await page.close();
      await until(async () => (await tabula.call('model/overview', {})).visitsLearned >= 6, 15_000, 'the visits to be learned');
      await showEveryView(tabula);
      await tabula.call('model/export', {});
      await tabula.call('data/forget', { scope: 'visit', id: (await tabula.call('data/visits', { limit: 1 })).visits[0].id });
      await sleep(1_000);
      const own = fromExtension();
      console.info(`${name}: ${requests.length} requests watched in ${[...watched].join(', ')}; ${own.length} by the extension`);
      expect(own).toEqual([]);
      const elsewhere = requests.filter((request) => /^(https?|wss?):/.test(request.url) && !request.url.startsWith(site.origin));
      expect(elsewhere, 'no request left for another host').toEqual([]);
      expect(site.requests.every((path) => /^\/(article\/6\d|favicon\.ico)$/.test(path)), site.requests.join(' ')).toBe(true);
    });

    it('sees a page’s requests, and the extension’s pages cannot make one (the watch is not blind)', async () => {
      // Under `default-src 'none'` no extension page can ask the network for anything, so the probe has
      // two halves. An image loaded by a web page is a request the watch must catch, by that page.
      const probe = (where: string) => `${site.origin}/probe/${where}`;
      const page = await tabula.browser.newPage();
      await page.goto(`${site.origin}/`);
      expect(await page.evaluate(imageOutcome, probe('web-page-image'))).toBe('requested');
      await until(async () => requests.some((request) => request.url === probe('web-page-image') && request.by.includes(site.origin)), 5_000, 'the watch to see the web page’s image');
      await page.close();
      // The same image from the popup is refused by the policy: a violation, nothing at the server.
      const popup = await tabula.openExtensionPage('popup.html');
      expect(await popup.evaluate(imageOutcome, probe('popup-image'))).toBe('refused: img-src');
      await popup.close();
      expect(site.requests.filter((path) => path.startsWith('/probe/'))).toEqual(['/probe/web-page-image']);
      if (name !== 'chromium') {
        // Firefox applies the policy before the network: the refused image is no event at all.
        expect(fromExtension()).toEqual([]);
        return; // and BiDi shows no background page, nor moz-extension: requests
      }
      // Chromium shows the attempt itself, by the popup, and that the policy stopped it: the popup
      // is watched even though it can no longer reach anything.
      await until(async () => fromExtension().some((request) => request.url === probe('popup-image')), 5_000, 'the watch to see the popup’s attempt');
      expect(fromExtension().map(({ url, by, blocked }) => ({ url, by, blocked })))
        .toEqual([{ url: probe('popup-image'), by: `page ${tabula.origin}popup.html`, blocked: 'csp' }]);
      // The worker reading its own manifest (allowed: not the network) shows the worker is watched too.
      expect(await inServiceWorker(tabula, `fetch('/manifest.json').then((response) => response.ok)`)).toBe(true);
      await until(async () => requests.some((request) => request.by.startsWith('service_worker') && request.url === `${tabula.origin}manifest.json`), 5_000, 'the watch to see the worker’s request');
    });

    it('refuses a fetch from its pages and from its background (content security policy)', async () => {
      const probe = (where: string) => `${site.origin}/probe/${where}`;
      const page = await tabula.browser.newPage();
      await page.goto(`${site.origin}/article/60`);
      expect(await page.evaluate(fetchOutcome, probe('web-page')), 'the same fetch from a web page works').toBe('ok');
      await page.close();
      const popup = await tabula.openExtensionPage('popup.html');
      expect(await popup.evaluate(fetchOutcome, probe('popup'))).toMatch(/^refused/);
      await popup.close();
      expect(await backgroundFetchOutcome(tabula, probe('background'))).toMatch(/^refused/);
      expect(site.requests.filter((path) => /^\/probe\/(web-page|popup|background)$/.test(path))).toEqual(['/probe/web-page']);
    });
  });
}

/** Chromium: a browser-level CDP session attached to every target, each with the Network domain on. */
async function watchChromium(tabula: ExtensionBrowser, requests: WatchedRequest[], watched: Set<string>): Promise<void> {
  const root = await tabula.browser.target().createCDPSession();
  const connection = root.connection()!;
  const targets = new Map<string, { type: string; url: string }>();
  root.on('Target.targetInfoChanged', ({ targetInfo }) => {
    const known = targets.get(targetInfo.targetId);
    if (known) known.url = targetInfo.url;
  });
  root.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    const target = { type: targetInfo.type, url: targetInfo.url };
    targets.set(targetInfo.targetId, target);
    watched.add(target.type);
    const session = connection.session(sessionId) as CDPSession;
    const bySession = new Map<string, WatchedRequest>();
    session.on('Network.requestWillBeSent', ({ requestId, request, initiator }) => {
      const frames = initiator.stack?.callFrames ?? [];
      const watchedRequest = { url: request.url, by: `${target.type} ${target.url}`, initiators: [initiator.url ?? '', ...frames.map((frame) => frame.url)].filter(Boolean) };
      bySession.set(requestId, watchedRequest);
      requests.push(watchedRequest);
    });
    session.on('Network.loadingFailed', ({ requestId, blockedReason }) => {
      const failed = bySession.get(requestId);
      if (failed && blockedReason) failed.blocked = blockedReason;
    });
    void session.send('Network.enable').catch(() => undefined); // some targets (browser UI) have no network to watch
  });
  await root.send('Target.setDiscoverTargets', { discover: true });
  // Not waiting for a debugger: the worker must start on its own when it is woken.
  await root.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
  await until(async () => watched.has('service_worker'), 5_000, 'the watch to attach to the service worker');
}

/** Firefox: every network event of the BiDi session (puppeteer subscribes to them for all contexts). */
function watchFirefox(tabula: ExtensionBrowser, requests: WatchedRequest[], watched: Set<string>): void {
  const connection = (tabula.browser as unknown as { connection: BidiEvents }).connection;
  const contexts = new Map<string, string>();
  const seen = (event: { context: string; url: string }) => contexts.set(event.context, event.url);
  connection.on('browsingContext.contextCreated', seen);
  connection.on('browsingContext.navigationStarted', seen);
  connection.on('network.beforeRequestSent', (event: { context: string | null; request: { url: string } }) => {
    const by = event.context === null ? 'no context' : `context ${contexts.get(event.context) ?? event.context}`;
    watched.add(event.context === null ? 'no context' : 'contexts');
    requests.push({ url: event.request.url, by, initiators: [] });
  });
  watched.add('every BiDi network event');
}

interface BidiEvents {
  on(event: string, listener: (event: any) => void): void;
}

/** Loads an image; 'requested' when the browser asked for it (whatever the answer), or 'refused: <directive>' when the page's policy did not let it. */
async function imageOutcome(url: string): Promise<string> {
  let refusedBy = '';
  const onViolation = (event: SecurityPolicyViolationEvent) => { if (event.blockedURI === url) refusedBy = event.effectiveDirective; };
  document.addEventListener('securitypolicyviolation', onViolation);
  await new Promise((resolve) => {
    const image = new Image();
    image.onload = image.onerror = resolve;
    image.src = url;
  });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the violation event comes as a task of its own
  document.removeEventListener('securitypolicyviolation', onViolation);
  return refusedBy ? `refused: ${refusedBy}` : 'requested';
}

/** Fetches `url`; 'ok', or 'refused: …' when the request was blocked or failed. */
async function fetchOutcome(url: string): Promise<string> {
  try {
    await fetch(url);
    return 'ok';
  } catch (error) {
    return `refused: ${String(error)}`;
  }
}

/** The same fetch run by the background itself: Chromium's service worker, Firefox's event page. */
async function backgroundFetchOutcome(tabula: ExtensionBrowser, url: string): Promise<string> {
  if (tabula.name === 'chromium') return (await inServiceWorker(tabula, `(${fetchOutcome.toString()})(${JSON.stringify(url)})`)) as string;
  return tabula.inExtensionPage(async (address: string) => {
    const background = await (globalThis as any).browser.runtime.getBackgroundPage();
    try {
      await background.fetch(address);
      return 'ok';
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, url);
}

/** Evaluates an expression in Chromium's service worker, in a session of its own, detached after. */
async function inServiceWorker(tabula: ExtensionBrowser, expression: string): Promise<unknown> {
  const target = await tabula.browser.waitForTarget((candidate) => candidate.type() === 'service_worker' && candidate.url().startsWith(tabula.origin));
  const session = await target.createCDPSession();
  try {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await session.detach(); // a session left on the worker would hold it when it restarts
  }
}
