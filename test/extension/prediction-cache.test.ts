// The predictions the background keeps in storage.session for the popup: written when a tab's
// visit is reported, read for the tab the popup opens over (or, from an extension page, the last
// reported one) with no background running, and gone whenever they could be stale or private:
// the page left or its tab closed, a site forgotten, paused or excluded, the model reset or imported.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../extension/browser-api';
import { encodeModelFile, Learner } from '../../model/index';
import type { Visit } from '../../model/visit';
import { update, visitAt } from './fixtures';

let cache: typeof import('../../extension/background/prediction-cache');
let reader: typeof import('../../extension/kept-prediction');
let tab: typeof import('../../extension/background/handlers/tab');
let visitHandler: typeof import('../../extension/background/handlers/visit');
let data: typeof import('../../extension/background/handlers/data');
let model: typeof import('../../extension/background/handlers/model');
let fakeBrowser: typeof import('./fake-browser').fakeBrowser;

const POPUP_URL = 'chrome-extension://tabulatest/popup.html';
const NOW = Date.now() - 3_600_000;
let reported = 0;
const inTab = (id: number, url = 'https://news.example/a'): Runtime.MessageSender => ({ id: 'tabulatest', url, tab: { id, incognito: false } as never });

/** Loads the background's modules anew, as a woken worker does; storage.session is the browser's and is kept. */
async function wake(session = new Map<string, unknown>()): Promise<void> {
  vi.resetModules();
  fakeBrowser = (await import('./fake-browser')).fakeBrowser;
  for (const [key, value] of session) fakeBrowser.storage.session.items.set(key, value);
  cache = await import('../../extension/background/prediction-cache');
  reader = await import('../../extension/kept-prediction');
  tab = await import('../../extension/background/handlers/tab');
  visitHandler = await import('../../extension/background/handlers/visit');
  data = await import('../../extension/background/handlers/data');
  model = await import('../../extension/background/handlers/model');
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await wake();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  const service = await import('../../extension/background/learner-service');
  await service.catchUp();
  service.unload();
  (await import('../../extension/storage/db')).closeDatabase();
});

/** Opens a tab on a page and reports its visit (still open), then waits for the entry to be written. */
async function browse(tabId: number, host: string, path = '/a', overrides: Partial<Visit> = {}): Promise<void> {
  const visit = visitAt(host, NOW + 1_000 * reported++, { path, url: `https://${host}${path}`, ...overrides }); // each later than the last
  fakeBrowser.tabs.known.set(tabId, { id: tabId, url: visit.url, incognito: false });
  expect(await visitHandler.onVisitUpdate(update(visit, false, keyOf(tabId, host, path)), inTab(tabId, visit.url))).toEqual({});
  await until(async () => fakeBrowser.storage.session.items.has(`prediction:tab:${tabId}`));
}

/** The popup's read with the given tab in front. */
function readOver(active: { id: number; url?: string; title?: string }) {
  fakeBrowser.tabs.active = { incognito: false, ...active };
  return reader.readTabPrediction();
}

/** A visit key as content scripts make them (letters, digits, - and _). */
function keyOf(tabId: number, host: string, path: string): string {
  return `visit-${tabId}-${host}${path}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(await check()).toBe(true);
}

describe('a request naming a tab', () => {
  it('is refused clearly when the tab is not a tab\'s number', async () => {
    for (const tabId of [Number.NaN, -1, 1.5, '7', {}, [1]]) {
      await expect(tab.onTabPredict({ tabId } as never)).rejects.toThrow('A tab is named by its number.');
      await expect(tab.onTabFeedback({ tabId, verdict: 'useful' } as never)).rejects.toThrow('A tab is named by its number.');
    }
    await expect(tab.onTabFeedback(undefined as never)).rejects.toThrow('A correction is “useful” or “not-interested”.');
  });
});

describe('predictions kept for the popup', () => {
  it('keeps the prediction of a reported tab: the same answer the background gives for it', async () => {
    await browse(7, 'news.example');
    const kept = await readOver({ id: 7, url: 'https://news.example/a?utm=x#top' });
    expect(kept?.prediction.url).toBe('https://news.example/a');
    expect(kept?.prediction).toEqual(await tab.onTabPredict({ tabId: 7 }));
    expect(kept?.storageFullAt).toBe(0);
    expect(fakeBrowser.storage.session.accessLevel).toBe('TRUSTED_CONTEXTS');
  });

  it('is read with no background running: the worker may be asleep', async () => {
    await browse(7, 'news.example');
    const expected = fakeBrowser.storage.session.items.get('prediction:tab:7');
    await wake(new Map(fakeBrowser.storage.session.items)); // the worker's memory is gone, the browser's session storage is not
    expect(fakeBrowser.runtime.onMessage.listeners.size).toBe(0);
    expect(await readOver({ id: 7, url: 'https://news.example/a' })).toEqual(expected);
  });

  it('from an extension page, gives the tab reported last, as the background predicts for it', async () => {
    await browse(7, 'news.example');
    await browse(8, 'docs.example');
    const kept = await readOver({ id: 99, url: POPUP_URL });
    expect(kept?.prediction.host).toBe('docs.example');
    expect(kept?.prediction).toEqual(await tab.onTabPredict({}));
    expect((await readOver({ id: 7, url: 'https://news.example/a' }))?.prediction.host).toBe('news.example');
  });

  it('from Tabula\'s own page with no web page open, says so; paused, says paused there too', async () => {
    fakeBrowser.tabs.active = { id: 99, url: POPUP_URL, incognito: false };
    expect((await tab.onTabPredict({})).status).toBe('no-page');
    fakeBrowser.tabs.active = { id: 98, url: 'chrome://settings/', incognito: false };
    expect((await tab.onTabPredict({})).status).toBe('browser-page');
    await browse(7, 'news.example');
    await data.onSettingsSet({ paused: true }); // finishes the open visits: no page is left to show
    for (const url of [POPUP_URL, 'chrome://settings/', 'https://news.example/a']) {
      fakeBrowser.tabs.active = { id: 97, url, incognito: false };
      expect((await tab.onTabPredict({})).status, url).toBe('paused');
    }
  });

  it('is found for a results page, whose address is kept cut, by cutting the tab\'s address by the same rules', async () => {
    await browse(7, 'shop.example', '/search/hiv-test', { kind: 'search', title: '' });
    expect((await readOver({ id: 7, url: 'https://shop.example/search/hiv-test?page=2' }))?.prediction.url).toBe('https://shop.example/search');
    await browse(8, 'www.amazon.com', '/hiv-test-kit/s', { kind: 'search', title: '' });
    const tab8 = { id: 8, url: 'https://www.amazon.com/hiv-test-kit/s?k=hiv+test+kit' };
    expect((await readOver({ ...tab8, title: 'Amazon.com : hiv test kit' }))?.prediction.url).toBe('https://www.amazon.com/');
    expect(await readOver({ ...tab8, title: 'Amazon.com' })).toBeUndefined(); // not told a results page: its own address, not yet reported
  });

  it('gives nothing for a tab that moved to a page not reported yet, or one never reported', async () => {
    await browse(7, 'news.example');
    expect(await readOver({ id: 7, url: 'https://news.example/b' })).toBeUndefined();
    expect(await readOver({ id: 12, url: 'https://other.example/' })).toBeUndefined();
  });

  it('drops the entry when the page is left (final report) and when the tab closes', async () => {
    await browse(7, 'news.example');
    await browse(8, 'docs.example');
    await visitHandler.onVisitUpdate(update(visitAt('news.example', NOW, { path: '/a', url: 'https://news.example/a' }), true, keyOf(7, 'news.example', '/a')), inTab(7));
    await until(async () => !fakeBrowser.storage.session.items.has('prediction:tab:7'));
    await import('../../extension/background/index');
    fakeBrowser.tabs.onRemoved.fire(8);
    await until(async () => !fakeBrowser.storage.session.items.has('prediction:tab:8'));
    expect(await readOver({ id: 99, url: POPUP_URL })).toBeUndefined();
  });

  it('ignores an entry older than a visit stays open unreported', async () => {
    await browse(7, 'news.example');
    const later = Date.now() + reader.CACHED_PREDICTION_MAX_AGE_MS + 1;
    fakeBrowser.tabs.active = { id: 7, url: 'https://news.example/a', incognito: false };
    expect(await reader.readTabPrediction(later)).toBeUndefined();
    expect(await reader.readTabPrediction()).toBeDefined();
  });
});

describe('never stale, never kept for what the user took out', () => {
  beforeEach(async () => {
    await browse(7, 'news.example');
    await browse(8, 'docs.example');
  });

  it('forgetting a site clears every kept prediction', async () => {
    await data.onForget({ scope: 'site', host: 'news.example' });
    expect(await readOver({ id: 7, url: 'https://news.example/a' })).toBeUndefined();
    expect(await readOver({ id: 99, url: POPUP_URL })).toBeUndefined();
  });

  it('while a forget relearns, a prediction is answered at once with the progress, and kept nowhere', async () => {
    const service = await import('../../extension/background/learner-service');
    const db = await (await import('../../extension/storage/db')).database();
    for (let i = 0; i < 300; i++) {
      await db.put('visits', { ...visitAt(`site${i % 9}.example`, NOW - (i + 10) * 60_000), key: `older-${i}`, seq: 1_000 + i } as never);
    }
    await service.catchUp();
    let forgotten = false;
    const forgetting = data.onForget({ scope: 'site', host: 'site3.example' }).then((result) => { forgotten = true; return result; });
    await until(async () => service.status.relearning);
    const during = await tab.onTabPredict({ tabId: 7 });
    expect(forgotten).toBe(false); // answered without waiting for the model
    expect(during).toMatchObject({ status: 'relearning', visitsUntilUseful: 0 });
    expect(during.engaged).toBeUndefined();
    expect((await forgetting).relearnedVisits).toBeGreaterThan(250);
    expect(await readOver({ id: 7, url: 'https://news.example/a' })).toBeUndefined();
    const after = await tab.onTabPredict({ tabId: 7 });
    expect(after.status).toBe('ok');
    expect(after.visitsLearned).toBe((await forgetting).relearnedVisits);
  });

  it('a prediction asked just before a forget is queued does not wait behind the relearning', async () => {
    const service = await import('../../extension/background/learner-service');
    const db = await (await import('../../extension/storage/db')).database();
    for (let i = 0; i < 300; i++) {
      await db.put('visits', { ...visitAt(`site${i % 9}.example`, NOW - (i + 10) * 60_000), key: `older-${i}`, seq: 1_000 + i } as never);
    }
    await service.catchUp();
    const predicting = tab.onTabPredict({ tabId: 7 }).then((answer) => ({ first: 'prediction', answer }));
    const forgetting = service.forget({ scope: 'site', host: 'site5.example' }).then(() => ({ first: 'forget', answer: undefined }));
    const first = await Promise.race([predicting, forgetting]);
    expect(first.first).toBe('prediction');
    expect(first.answer?.status).toBe('relearning');
    await forgetting;
    expect(service.status.relearning).toBe(false);
  });

  it('pausing or excluding a site clears them, and the paused or excluded answer is not kept', async () => {
    await data.onSettingsSet({ paused: true });
    expect(fakeBrowser.storage.session.items.size).toBe(0);
    expect((await tab.onTabPredict({ tabId: 8 })).status).toBe('paused');
    await data.onSettingsSet({ paused: false, excluded: ['docs.example'] });
    expect((await tab.onTabPredict({ tabId: 8 })).status).toBe('excluded');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await readOver({ id: 8, url: 'https://docs.example/a' })).toBeUndefined();
    expect(fakeBrowser.storage.session.items.size).toBe(0);
  });

  it('resetting or importing a model clears them', async () => {
    vi.stubGlobal('navigator', {}); // Node 20 has none; the overview these answer with asks it for a storage estimate
    await model.onReset({ wipeData: false });
    expect(await readOver({ id: 7, url: 'https://news.example/a' })).toBeUndefined();
    await tab.onTabPredict({ tabId: 7 }); // asked again: kept again, from the new model
    await until(async () => (await readOver({ id: 7, url: 'https://news.example/a' })) !== undefined);
    await model.onImport({ file: encodeModelFile(Learner.create({ seed: 3 })) });
    expect(await readOver({ id: 7, url: 'https://news.example/a' })).toBeUndefined();
  });

  it('does not write a prediction computed before a clear, or before its page was left, after it', async () => {
    let since = cache.cacheGeneration();
    const answer = await tab.onTabPredict({ tabId: 7 });
    await cache.clearPredictions();
    await cache.keepPrediction(7, answer, since, 0);
    expect(fakeBrowser.storage.session.items.size).toBe(0);
    await cache.keepPrediction(7, answer, cache.cacheGeneration(), 0, true);
    expect([...fakeBrowser.storage.session.items.keys()].sort()).toEqual(['prediction:latest', 'prediction:tab:7']);
    since = cache.cacheGeneration();
    await cache.dropTabPrediction(7);
    await cache.keepPrediction(7, answer, since, 0, true);
    expect(fakeBrowser.storage.session.items.size).toBe(0);
  });
});

describe('the page a tab shows', () => {
  it('is corrected only while it is the page shown: never another tab\'s in its place', async () => {
    await browse(7, 'news.example', '/a');
    await browse(8, 'docs.example', '/b');
    fakeBrowser.tabs.known.delete(7); // the tab the dashboard was opened from is closed
    const maintenance = await import('../../extension/background/maintenance');
    await maintenance.onTabClosed(7);
    await expect(tab.onTabFeedback({ tabId: 7, verdict: 'not-interested', url: 'https://news.example/a' }))
      .rejects.toThrow('The page shown is no longer open, so nothing was corrected.');
    const db = await (await import('../../extension/storage/db')).database();
    expect((await db.getAll('visits')).map((visit) => [visit.host, visit.feedback])).toEqual([['news.example', undefined], ['docs.example', undefined]]);
    expect((await tab.onTabFeedback({ tabId: 8, verdict: 'useful', url: 'https://docs.example/b' })).feedback).toBe('useful');
  });

  it('offers no site the user excludes as a likely next site, nor explains the next site as it, though the model learned it', async () => {
    const learned = Learner.create({});
    // After news, video most of the time, then six other sites.
    const after = ['video.example', 'video.example', 'video.example', 'a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example'];
    for (let n = 0; n < 180; n++) {
      const at = NOW - 86_400_000 + n * 120_000;
      learned.observe(visitAt(n % 2 === 0 ? 'news.example' : after[(n >> 1) % after.length], at, { activeMs: 20_000, endedAt: at + 30_000 }));
    }
    vi.stubGlobal('navigator', {});
    await model.onImport({ file: JSON.stringify(encodeModelFile(learned)) });
    await browse(30, 'news.example');
    const answer = async () => (await tab.onTabPredict({ tabId: 30 })) as { next?: { host: string }[]; why?: { nextSite?: string } };
    const before = await answer();
    expect(before.next?.[0].host).toBe('video.example');
    expect(before.why?.nextSite).toBe('video.example');
    await data.onSettingsSet({ excluded: ['*video*'] });
    const now = await answer();
    expect(now.next).toHaveLength(5);
    expect(now.next?.map((site) => site.host)).not.toContain('video.example');
    expect(now.why?.nextSite).toBe(now.next?.[0].host);
  });

  it('says, when excluded, which entries of the list exclude it', async () => {
    fakeBrowser.tabs.known.set(10, { id: 10, url: 'https://github.com/login?return_to=%2F', title: 'Sign in to GitHub', incognito: false });
    expect(await tab.onTabPredict({ tabId: 10 })).toMatchObject({ status: 'excluded', host: 'github.com', excludedBy: ['*/login*'] });
  });

  it('is judged excluded on its whole address, not the cut one a results page is kept at', async () => {
    await data.onSettingsSet({ excluded: ['shop.example/search/hiv*'] });
    fakeBrowser.tabs.known.set(11, { id: 11, url: 'https://shop.example/search/hiv-test?q=1', title: 'Shop', incognito: false });
    expect(await tab.onTabPredict({ tabId: 11 })).toMatchObject({ status: 'excluded', excludedBy: ['shop.example/search/hiv*'] });
  });

  it('is judged excluded too when the visit still open in its tab is, though the tab moved on to a page not reported yet', async () => {
    await browse(12, 'news.example', '/a');
    await data.onSettingsSet({ excluded: ['news.example'] });
    fakeBrowser.tabs.known.set(12, { id: 12, url: 'https://docs.example/b', title: 'Docs', incognito: false });
    const prediction = await tab.onTabPredict({ tabId: 12 });
    expect(prediction).toMatchObject({ status: 'excluded', host: 'news.example', excludedBy: ['news.example'] });
    expect(prediction).not.toHaveProperty('title');
  });

  it('is predicted, before its page reports, from what the tab says alone: no kind or sizes made up, a results page\'s title and search kept out', async () => {
    fakeBrowser.tabs.known.set(9, { id: 9, url: 'https://shop.example/search/hiv-test?q=hiv+test', title: 'hiv test - Shop', incognito: false });
    const prediction = await tab.onTabPredict({ tabId: 9 });
    expect(prediction.url).toBe('https://shop.example/search');
    const named = prediction.why!.engaged.map((effect) => effect.feature);
    expect(named.filter((feature) => /^(page kind|words|links|images|videos)\b|hiv/.test(feature))).toEqual([]);
    expect(named.length).toBeGreaterThan(0);
  });
});
