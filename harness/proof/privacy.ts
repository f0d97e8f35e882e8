// Privacy: the promise kept on a scripted browse in each real browser. Excluded sites (a bank and
// a clinic of the default list) are left by link; searches whose titles echo their queries; a mail
// tab with an address in its title; an order page with a card number; a diary forgotten while its
// tab stays open and keeps reporting, then left by link; a visit past a shortened retention.
// Then everything Tabula holds or shows is read — every store of its database, the data export,
// the model file with and without names, the session cache, the popup's and dashboard's text — and searched
// for what must not be there. Each count must be 0.
import { ExtensionBrowser, sleep, until, type BrowserName } from '../browser/launch';
import { clickEveryTab } from '../browser/popup-helpers';
import { PRIVACY_HOSTS, startPrivacySite, TEST_NAMES_TO_LOOPBACK, type PrivacySite } from '../sites/privacy-site';
import type { Figures, ProofContext, ProofSection } from './section';
import type { Page } from 'puppeteer-core';

export const privacy: ProofSection = {
  name: 'privacy',
  zero: ['excludedHostsFound', 'queryWordsStored', 'emailAddressesStored', 'digitRunsStored', 'forgottenItemsBack'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    const site = await startPrivacySite();
    try {
      for (const name of context.browsers) figures[name] = await browseAndSearch(name, site, context);
    } finally {
      await site.close();
    }
    return figures;
  },
};

/** What was forgotten: the diary (forgotten while open) and a site known only from a visit past retention. */
const FORGOTTEN = ['diary.test', 'old.test', 'zebra'];

async function browseAndSearch(name: BrowserName, site: PrivacySite, context: ProofContext): Promise<Figures> {
  const tabula = await ExtensionBrowser.launch(name, TEST_NAMES_TO_LOOPBACK);
  const at = (host: string, path: string) => site.origin(host) + path;
  try {
    const page = await tabula.browser.newPage();
    await page.bringToFront();
    // Excluded sites, each left by a link to an ordinary one (which then names it as its referrer).
    for (const [host, path] of [['mybank.test', '/account'], ['health-clinic.test', '/results']]) {
      await go(page, at(host, path));
      await follow(page);
    }
    // Searches whose titles say what was searched for.
    await go(page, at('search.test', '/search?q=hiv+test+results'));
    await follow(page);
    await go(page, at('shop.test', '/pregnancy-test/s?k=pregnancy+test'));
    await go(page, at('video.test', '/results?search_query=herpes+symptoms'));
    await go(page, at('search.test', '/search?q=divorce+lawyer'));
    // Who the person is, and a number that could be theirs.
    await go(page, at('mail.test', `/mail/${PRIVACY_HOSTS.email}/inbox`));
    await go(page, at('shop.test', '/orders/view'));
    await go(page, at('news.test', '/article/4'));

    context.log(`${name}: excluded sites, searches, mail and order pages browsed`);
    const reportsRefused = await forgetWhileOpen(tabula, page, at('diary.test', '/entry'));
    context.log(`${name}: diary forgotten while open`);
    await go(page, 'about:blank');
    await until(async () => (await finished(tabula)) >= 9, 30_000, 'the browse to be stored').catch(async (error: Error) => {
      const stored = (await tabula.call('data/export', {})).visits.map((visit) => `${visit.host}${visit.path}${visit.seq === undefined ? ' (open)' : ''}`);
      throw new Error(`${error.message} Stored: ${stored.join(', ')}; status: ${JSON.stringify((await tabula.call('background/status', {})).dropped)}`);
    });
    const oldSiteLearned = await cutByRetention(tabula, at('old.test', '/page'));
    context.log(`${name}: browse stored, diary reports refused after the forget ${reportsRefused}, retention cut done`);

    const places = await everythingHeld(tabula, (line) => context.log(`${name}: ${line}`));
    const search = (find: (text: string) => number) => Object.fromEntries(Object.entries(places).map(([where, text]) => [where, find(text)]));
    const visits = (await tabula.call('data/export', {})).visits;
    return {
      excludedHostsFound: total(search((text) => occurrences(text, PRIVACY_HOSTS.excluded))),
      queryWordsStored: total(search((text) => words(text, PRIVACY_HOSTS.queryWords))),
      // One character either side of the @ (a longer pattern is quadratic on megabytes of base64).
      emailAddressesStored: total(search((text) => (text.match(/[\w.+-]@[\w-]+\.[\w-]/g) ?? []).length)),
      digitRunsStored: total(search((text) => occurrences(text.replace(/[\s-]/g, ''), [PRIVACY_HOSTS.digitRun.slice(4)]))),
      forgottenItemsBack: total(search((text) => occurrences(text, FORGOTTEN))),
      where: {
        excluded: search((text) => occurrences(text, PRIVACY_HOSTS.excluded)),
        forgotten: search((text) => occurrences(text, FORGOTTEN)),
      },
      visitsStored: visits.length,
      // Stored, each with its path only as far as it names a results page (the shop's names none).
      searchPagesStored: visits.filter((visit) => ['search.test/search', 'shop.test/', 'video.test/results'].includes(visit.host + visit.path)).length,
      arrivedFromExcludedStored: visits.filter((visit) => visit.host === 'news.test' && /^\/article\/[12]$/.test(visit.path)).length,
      diaryReportsRefusedAfterForget: reportsRefused,
      oldSiteLearnedBeforeCut: oldSiteLearned ? 1 : 0,
    };
  } finally {
    await tabula.close();
  }
}

async function go(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await sleep(700);
}

async function follow(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }).catch(() => undefined), page.click('#next')]);
  await sleep(700);
}

/**
 * Opens the diary in a tab of its own, forgets the site once its visit is stored (still open), then
 * makes the tab report again (hidden, shown, scrolled) and leaves it by a link. Returns how many
 * reports the background refused as forgotten: they came, and were not stored.
 */
async function forgetWhileOpen(tabula: ExtensionBrowser, other: Page, diaryUrl: string): Promise<number> {
  const diary = await tabula.browser.newPage();
  await diary.bringToFront();
  await diary.goto(diaryUrl, { waitUntil: 'load' });
  await diary.mouse.wheel({ deltaY: 600 });
  await sleep(1_000);
  await other.bringToFront(); // hidden: the diary reports
  await until(async () => (await tabula.call('data/export', {})).visits.some((visit) => visit.host === 'diary.test'), 20_000, 'the diary visit to be stored');
  await tabula.call('data/forget', { scope: 'site', host: 'diary.test' });
  const before = (await tabula.call('background/status', {})).dropped.forgotten;
  await diary.bringToFront();
  await diary.mouse.wheel({ deltaY: 900 });
  await sleep(1_000);
  await other.bringToFront(); // hidden again: another report of the forgotten visit
  await sleep(1_500);
  await diary.bringToFront();
  await follow(diary); // its last report, and a visit that came from it
  await diary.close();
  await sleep(1_500);
  return (await tabula.call('background/status', {})).dropped.forgotten - before;
}

async function finished(tabula: ExtensionBrowser): Promise<number> {
  return (await tabula.call('data/export', {})).visits.filter((visit) => visit.seq !== undefined).length;
}

/**
 * Stores a visit of ten days ago (as if it had been browsed then), lets the model learn it, and
 * shortens retention to three days: the visit must go, and with it everything the model knew of it.
 * Returns whether the model knew the site before the cut.
 */
async function cutByRetention(tabula: ExtensionBrowser, url: string): Promise<boolean> {
  await tabula.inExtensionPage(storeOldVisit, url, Date.now() - 10 * 86_400_000);
  await tabula.call('model/overview', {}); // learns what is pending
  const knew = JSON.stringify(await tabula.call('model/export', {})).includes('old.test');
  await tabula.call('settings/set', { visitRetentionDays: 3 });
  return knew;
}

/** Runs in an extension page: adds a finished visit straight to Tabula's database, with the next seq. */
async function storeOldVisit(url: string, startedAt: number): Promise<void> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const request = indexedDB.open('tabula');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  await new Promise<void>((done, fail) => {
    const tx = db.transaction(['visits', 'counters'], 'readwrite');
    const counter = tx.objectStore('counters').get('seq');
    const highest = tx.objectStore('visits').index('by-seq').openKeyCursor(null, 'prev');
    highest.onsuccess = () => {
      const seq = Math.max(Number(counter.result ?? 0), Number(highest.result?.key ?? 0)) + 1;
      const { host, pathname } = new URL(url);
      tx.objectStore('visits').put({
        url: url.replace(/:\d+/, ''), host, path: pathname, title: 'Zebra crossings of the old town', description: '', lang: 'en', kind: 'article',
        words: 900, links: 20, images: 2, videos: 0, referrerHost: '', activeMs: 90_000, scrollDepth: 0.9, clicks: 3, keys: 0,
        selections: 0, mediaMs: 0, startedAt, endedAt: startedAt + 120_000, source: 'page', key: 'proof-old-visit', seq,
      });
      tx.objectStore('counters').put(seq, 'seq');
    };
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/** The text of everything Tabula holds or shows, by where it is. */
async function everythingHeld(tabula: ExtensionBrowser, log: (line: string) => void): Promise<Record<string, string>> {
  const held: Record<string, string> = {};
  const read = async (where: string, text: () => Promise<string>) => {
    held[where] = await text();
    log(`read ${where} (${held[where].length.toLocaleString('en')} characters)`);
  };
  await read('database', () => tabula.databaseText());
  await read('dataExport', async () => JSON.stringify(await tabula.call('data/export', {})));
  await read('modelFile', async () => JSON.stringify(await tabula.call('model/export', {})));
  await read('modelFileWithoutNames', async () => JSON.stringify(await tabula.call('model/export', { names: false })));
  await read('sessionCache', () => tabula.inExtensionPage(async () => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    return JSON.stringify(await api.storage.session.get(null));
  }));
  await read('popup', () => popupText(tabula));
  return held;
}

/** Every view of the popup and the dashboard, as a person would read them (with titles and links). */
async function popupText(tabula: ExtensionBrowser): Promise<string> {
  const texts: string[] = [];
  const read = (view: Page) => view.evaluate(() => document.body.innerText + [...document.querySelectorAll('[title],[aria-label],a[href]')]
    .map((element) => `${element.getAttribute('title') ?? ''} ${element.getAttribute('aria-label') ?? ''} ${element.getAttribute('href') ?? ''}`).join(' '));
  for (const path of ['popup.html', 'dashboard.html']) {
    const view = await tabula.openExtensionPage(path);
    await view.waitForSelector('[data-ready]', { timeout: 20_000 });
    await sleep(1_000);
    texts.push(await read(view));
    await clickEveryTab(view, 700, async () => void texts.push(await read(view)));
    await view.close();
  }
  return texts.join('\n');
}

function occurrences(text: string, needles: string[]): number {
  const lower = text.toLowerCase();
  return needles.reduce((count, needle) => count + (lower.split(needle.toLowerCase()).length - 1), 0);
}

function words(text: string, list: string[]): number {
  return list.reduce((count, word) => count + (text.match(new RegExp(`\\b${word}\\b`, 'gi')) ?? []).length, 0);
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
