// What the popup's real-browser tests share: a browsing routine over a few local sites, opening
// the popup as a page and waiting for it to settle, switching its views, and the colour scheme.
import type { Page } from 'puppeteer-core';
import type { TabPrediction } from '../../extension/contract-types';
import { ExtensionBrowser, sleep, until, type BrowserName, type LaunchOptions } from './launch';
import type { TestSite } from '../sites/test-site';

/** Names that resolve to the test site (127.0.0.1), so that the model sees several sites. */
export const SITE_HOSTS = ['news.test', 'docs.test', 'video.test', 'shop.test'];

/** Launch options that point SITE_HOSTS at 127.0.0.1 in either browser. */
export function siteLaunchOptions(extra: LaunchOptions = {}): LaunchOptions {
  return {
    ...extra,
    chromiumArgs: [...(extra.chromiumArgs ?? []), `--host-resolver-rules=${SITE_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`],
    firefoxPrefs: { ...extra.firefoxPrefs, 'network.dns.localDomains': SITE_HOSTS.join(',') },
  };
}

export function launchWithSites(name: BrowserName, extra: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return ExtensionBrowser.launch(name, siteLaunchOptions(extra));
}

/** A day of someone's browsing, in small: news, then docs via a search, a video, some shopping. */
const ROUTINE: { host: string; path: (i: number) => string }[] = [
  { host: 'news.test', path: (i) => `/article/${i}` },
  { host: 'news.test', path: (i) => `/article/${i + 1}` },
  { host: 'docs.test', path: () => '/search' },
  { host: 'docs.test', path: (i) => `/article/${100 + (i % 7)}` },
  { host: 'video.test', path: () => '/video' },
  { host: 'shop.test', path: (i) => `/article/${200 + (i % 3)}` },
  { host: 'news.test', path: () => '/long' },
];

export const siteUrl = (site: TestSite, host: string, path: string) => `${site.origin.replace('127.0.0.1', host)}${path}`;

/**
 * Browses `pages` pages in one tab, clicking and scrolling on some, and leaves the tab on
 * `lastPage` (reached by address, with no referrer). Returns once every page before it is learned.
 */
export async function browseRoutine(tabula: ExtensionBrowser, site: TestSite, pages: number, lastPage: string): Promise<Page> {
  const learnedBefore = (await tabula.call('model/overview', {})).visitsLearned;
  const tab = await tabula.browser.newPage();
  await tab.bringToFront(); // a tab in the background is not rendered, so clicks in it would wait forever
  for (let i = 0; i < pages - 1; i++) {
    const step = ROUTINE[i % ROUTINE.length];
    await tab.goto(siteUrl(site, step.host, step.path(i)));
    if (i % 3 === 0 && await tab.$('#like')) {
      await tab.click('#like');
      await tab.click('#like');
    }
    if (i % 4 === 1) await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await sleep(60);
  }
  await stayOn(tabula, tab, lastPage);
  await until(async () => (await tabula.call('model/overview', {})).visitsLearned >= learnedBefore + pages - 1, 30_000, 'the browsed pages to be learned');
  return tab;
}

/**
 * Opens a page and leaves it open, its visit reported (still open). A page reports when it is
 * hidden (else only every 15 s), so another tab is brought to the front, as opening the popup would.
 */
export async function stayOn(tabula: ExtensionBrowser, tab: Page, url: string): Promise<void> {
  await tab.bringToFront();
  await tab.goto(url);
  await sleep(1_000); // the content script starts when the page is idle
  const cover = await tabula.browser.newPage();
  await cover.bringToFront();
  // Hidden by the cover, the page reports at once, but its words are read (and its keywords
  // reported) once it has settled: the visit is waited for as read, so that what is predicted for
  // it no longer changes.
  await until(async () => (await tabula.call('data/visits', { limit: 5 })).visits
    .some((visit) => visit.url === url && visit.seq === undefined && (visit.keywords !== undefined || visit.kind === 'search')),
  20_000, `the visit of ${url} to be reported with its keywords`);
}

/**
 * Opens the popup as a page and waits until it shows the background's own prediction (or the
 * failure to get one), not only the one kept for the tab, which may show first.
 */
export async function openPopup(tabula: ExtensionBrowser, path = 'popup.html'): Promise<Page> {
  const popup = await tabula.openExtensionPage(path);
  await popup.waitForSelector('#app[data-ready][data-live]', { timeout: 20_000 });
  return popup;
}

/**
 * Opens the popup or the dashboard on the sample (`popup.html?sample`), and waits until it shows
 * the sample's prediction: the first page to open it makes and learns it, which takes seconds.
 */
export async function openSample(tabula: ExtensionBrowser, path: 'popup.html' | 'dashboard.html'): Promise<Page> {
  const page = await tabula.openExtensionPage(`${path}?sample`);
  await page.waitForSelector('#app[data-ready][data-live]', { timeout: 90_000 });
  return page;
}

/** The popup's own account of its first screen, from the marks on its root. */
export interface FirstScreenTiming {
  /** Document start → first prediction on screen. */
  readyMs: number;
  /** Where that prediction came from: kept for the tab in memory, or the background's answer. */
  source: 'cache' | 'live';
  /** Document start → the background's answer on screen. */
  liveMs: number;
}

export async function firstScreenTiming(popup: Page): Promise<FirstScreenTiming> {
  const marks = await popup.$eval('#app', (app) => ({
    ready: app.getAttribute('data-ready'), readyMs: app.getAttribute('data-ready-ms'),
    source: app.getAttribute('data-ready-source'), live: app.getAttribute('data-live'), liveMs: app.getAttribute('data-live-ms'),
  }));
  if (marks.ready !== 'predictions' || marks.live !== 'predictions') throw new Error(`The popup showed no prediction: ${JSON.stringify(marks)}`);
  return { readyMs: Number(marks.readyMs), source: marks.source as 'cache' | 'live', liveMs: Number(marks.liveMs) };
}

/** Every prediction the background keeps in storage.session for the popup, read from an extension page. */
export async function keptPredictions(tabula: ExtensionBrowser): Promise<TabPrediction[]> {
  const items = await tabula.inExtensionPage(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return api.storage.session.get(null) as Promise<Record<string, any>>;
  });
  // A tab's entry, or the last reported tab's copy of it.
  return Object.values(items).map((item) => (item.entry ?? item).prediction as TabPrediction);
}

/**
 * Puts the background to sleep, asking nothing of it afterwards: Chromium's service worker is
 * stopped over CDP; Firefox's background page is left idle past its timeout (the browser launched
 * with `idleTimeoutMs`). Returns when it last woke, so a test can check that the popup woke it.
 */
export async function putBackgroundToSleep(tabula: ExtensionBrowser, idleTimeoutMs: number): Promise<number> {
  const { wokeAt } = await tabula.call('background/status', {});
  if (tabula.name === 'chromium') await tabula.stopBackground();
  else await sleep(idleTimeoutMs + 3_000);
  return wokeAt;
}

/**
 * Waits until no placeholder or busy list is left in the page (data has arrived everywhere). The
 * page is brought to the front first: Chromium renders no frame in a tab behind another, so
 * clicks and frame-polled waits there would wait forever.
 */
export async function settled(page: Page): Promise<void> {
  await page.bringToFront();
  await page.waitForFunction(() => !document.querySelector('.skeleton, [aria-busy="true"]'), { timeout: 20_000 });
}

export async function showView(popup: Page, view: string): Promise<void> {
  await popup.bringToFront();
  await popup.click(`#tab-${view}`);
  await popup.waitForSelector(`#panel-${view}`);
  await settled(popup);
}

/** Clicks each tab of a popup or dashboard in turn, leaving each view `pauseMs` to render, then calls `onEach`. */
export async function clickEveryTab(view: Page, pauseMs = 300, onEach?: () => Promise<void>): Promise<void> {
  for (const tab of await view.$$('[role="tab"]')) {
    await tab.click();
    await sleep(pauseMs);
    await onEach?.();
  }
}

/** Opens the popup and then the dashboard, shows each of their views, and closes them: a person using everything. */
export async function showEveryView(tabula: ExtensionBrowser): Promise<void> {
  for (const path of ['popup.html', 'dashboard.html']) {
    const view = await tabula.openExtensionPage(path);
    await view.waitForSelector('[data-ready]', { timeout: 15_000 });
    await clickEveryTab(view);
    await view.close();
  }
}

export async function textOf(page: Page, selector = 'body'): Promise<string> {
  return page.$eval(selector, (element) => (element as HTMLElement).innerText);
}

/**
 * Light or dark. Chromium emulates the media feature per page; Firefox over WebDriver BiDi cannot,
 * so its content colour-scheme preference is set from the browser's own (privileged) scope.
 */
export async function setColorScheme(tabula: ExtensionBrowser, page: Page, scheme: 'light' | 'dark'): Promise<void> {
  if (tabula.name === 'chromium') {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  } else {
    const connection = (tabula.browser as unknown as { connection: { send(method: string, params: object): Promise<any> } }).connection;
    const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0].context as string;
    const value = scheme === 'dark' ? 0 : 1; // layout.css.prefers-color-scheme.content-override: 0 dark, 1 light
    await connection.send('script.evaluate', {
      expression: `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${value})`,
      target: { context }, awaitPromise: false,
    });
  }
  await page.waitForFunction((dark: boolean) => matchMedia('(prefers-color-scheme: dark)').matches === dark, { timeout: 5_000 }, scheme === 'dark');
}

/**
 * Engaged visits, several at once: tabs that keep focus (Chromium's focus emulation), clicked
 * and scrolled, stayed on for `ms`, then left. Chromium only: Firefox has no focus emulation.
 */
export async function dwellEngaged(tabula: ExtensionBrowser, urls: string[], ms: number): Promise<void> {
  const learnedBefore = (await tabula.call('model/overview', {})).visitsLearned;
  const tabs = await Promise.all(urls.map(async (url) => {
    const tab = await tabula.browser.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    await tab.goto(url);
    return tab;
  }));
  for (const tab of tabs) {
    await tab.click('#like');
    await tab.click('#like');
    await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  }
  await sleep(ms);
  for (const tab of tabs) await tab.goto('about:blank');
  await until(async () => (await tabula.call('model/overview', {})).visitsLearned >= learnedBefore + urls.length, 20_000, 'the engaged visits to be learned');
  await Promise.all(tabs.map((tab) => tab.close()));
}
