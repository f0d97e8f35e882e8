// Visit reports as the background receives them: stored open while their tab lives, finished by
// the final report or by any report once the tab is gone, and never stored from an excluded site,
// while paused, or from a private window.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../extension/browser-api';
import type { StoredVisit } from '../../extension/contract-types';
import { update, visitAt } from './fixtures';
import { TEXT_MAX } from '../../extension/keywords';

type VisitHandler = typeof import('../../extension/background/handlers/visit');
let handler: VisitHandler;
let storage: typeof import('../../extension/storage/db');
/** The browser stand-in the freshly loaded modules see (it is loaded anew with them). */
let fakeBrowser: typeof import('./fake-browser').fakeBrowser;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  handler = await import('../../extension/background/handlers/visit');
  storage = await import('../../extension/storage/db');
  fakeBrowser = (await import('./fake-browser')).fakeBrowser;
  fakeBrowser.tabs.known.set(7, { id: 7, incognito: false });
});
afterEach(async () => {
  const service = await import('../../extension/background/learner-service');
  await service.catchUp(); // the learning each finished report started, before the database goes
  service.unload();
  storage.closeDatabase();
});

const NOW = Date.now() - 3_600_000;
const inTab = (id: number, incognito = false, url = 'https://news.example/a'): Runtime.MessageSender => ({ id: 'tabulatest', url, tab: { id, incognito } as never });
const fromPage = (visit: { url: string }, id = 7): Runtime.MessageSender => inTab(id, false, visit.url);
const tabless: Runtime.MessageSender = { id: 'tabulatest', url: 'https://news.example/a' };

async function stored(): Promise<StoredVisit[]> {
  return (await (await storage.database()).getAll('visits')) as StoredVisit[];
}

describe('visit reports', () => {
  it('keeps a visit open while its tab lives, and finishes it with the final report', async () => {
    const visit = visitAt('news.example', NOW);
    expect(await handler.onVisitUpdate(update(visit, false, 'open-tab-visit'), inTab(7))).toEqual({});
    expect((await stored())[0]).toMatchObject({ tabId: 7 });
    expect((await stored())[0]).not.toHaveProperty('seq');
    await handler.onVisitUpdate(update(visit, true, 'open-tab-visit'), inTab(7));
    expect((await stored())[0]).toMatchObject({ seq: 1 });
    expect((await stored())[0]).not.toHaveProperty('tabId');
  });

  it('finishes a visit whose report names no tab: its page is gone', async () => {
    await handler.onVisitUpdate(update(visitAt('news.example', NOW), false, 'tabless-visit'), tabless);
    expect((await stored())[0]).toMatchObject({ seq: 1 });
  });

  it('finishes a visit whose report arrives after its tab closed', async () => {
    await handler.onVisitUpdate(update(visitAt('news.example', NOW), false, 'closed-tab-visit'), inTab(8));
    expect((await stored())[0]).toMatchObject({ seq: 1 });
  });

  it('stores nothing from an excluded site, while paused, or from a private window, and answers the page the same', async () => {
    const db = await storage.database();
    const answered = [await handler.onVisitUpdate(update(visitAt('news.example', NOW), true), inTab(7))]; // stored
    await db.put('settings', { paused: false, excluded: ['news.example'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    await db.clear('visits');
    await db.clear('events');
    const excluded = visitAt('www.news.example', NOW);
    answered.push(await handler.onVisitUpdate(update(excluded, true), fromPage(excluded)));
    await db.put('settings', { paused: true, excluded: [], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    answered.push(await handler.onVisitUpdate(update(visitAt('news.example', NOW), true), inTab(7)));
    await db.put('settings', { paused: false, excluded: [], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    fakeBrowser.tabs.known.set(9, { id: 9, incognito: true });
    answered.push(await handler.onVisitUpdate(update(visitAt('news.example', NOW), true), inTab(9, true)));
    // A page cannot tell from the answer whether its site is excluded or recording is paused.
    expect(answered).toEqual([{}, {}, {}, {}]);
    expect(handler.dropped).toMatchObject({ excluded: 1, paused: 1, incognito: 1 });
    expect(await stored()).toEqual([]);
    expect(await db.count('events')).toBe(0);
  });

  it('ends the visits open when recording is paused, as last reported: their last reports, sent while paused, are not taken', async () => {
    const data = await import('../../extension/background/handlers/data');
    const visit = visitAt('news.example', NOW);
    await handler.onVisitUpdate(update(visit, false, 'open-at-pause'), inTab(7));
    // One whose page's clock runs a little ahead of this one's: its report ends after now.
    fakeBrowser.tabs.known.set(8, { id: 8, incognito: false });
    const ahead = visitAt('docs.example', Date.now() - 30_000, { endedAt: Date.now() + 30_000 });
    await handler.onVisitUpdate(update(ahead, false, 'open-ahead'), fromPage(ahead, 8));
    await data.onSettingsSet({ paused: true });
    expect((await stored()).map((record) => [record.key, record.seq, (record as { tabId?: number }).tabId])).toEqual([['open-at-pause', 1, undefined], ['open-ahead', 2, undefined]]);
    expect((await stored())[0]).toMatchObject({ key: 'open-at-pause', seq: 1, endedAt: visit.endedAt });
    await handler.onVisitUpdate(update({ ...visit, endedAt: visit.endedAt + 30_000 }, true, 'open-at-pause'), inTab(7));
    expect(handler.dropped.paused).toBe(1);
    expect((await stored())[0].endedAt).toBe(visit.endedAt);
  });

  it('keeps a results page\'s path only up to what names it one, and judges exclusions on the whole path', async () => {
    const db = await storage.database();
    const results = visitAt('shop.example', NOW, { path: '/search/hiv-test-kit', kind: 'search', title: '' });
    await handler.onVisitUpdate(update(results, true), fromPage(results));
    expect((await stored()).map((visit) => [visit.url, visit.path])).toEqual([['https://shop.example/search', '/search']]);
    await db.put('settings', { paused: false, excluded: ['shop.example/search/hiv*'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    await handler.onVisitUpdate(update({ ...results, startedAt: NOW + 120_000, endedAt: NOW + 180_000 }, true), fromPage(results));
    expect(await stored()).toHaveLength(1);
    expect(handler.dropped.excluded).toBe(1);
  });

  it('keeps no e-mail address of a page\'s path, and judges exclusions on the whole path', async () => {
    const db = await storage.database();
    const mailbox = visitAt('outlook.example', NOW, { path: '/mail/jane.doe@example.org/inbox', kind: 'other', title: 'Inbox – jane.doe@example.org' });
    await handler.onVisitUpdate(update(mailbox, true), fromPage(mailbox));
    expect((await stored()).map((visit) => [visit.url, visit.path, visit.title])).toEqual([['https://outlook.example/mail/@/inbox', '/mail/@/inbox', 'Inbox –']]);
    await db.put('settings', { paused: false, excluded: ['outlook.example/mail/jane*'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    await handler.onVisitUpdate(update({ ...mailbox, startedAt: NOW + 120_000, endedAt: NOW + 180_000 }, true), fromPage(mailbox));
    expect(await stored()).toHaveLength(1);
    expect(handler.dropped.excluded).toBe(1);
  });
});

describe('whether a page may read its own words, asked by its first report once read', () => {
  /** The report of an open visit to `url`, asking, from a tab of its own (a tab's reports are rate-limited); the answer. */
  let tabs = 100;
  const ask = (url: string, sender = inTab(++tabs, false, url)) => {
    if (sender.tab?.id !== undefined) fakeBrowser.tabs.known.set(sender.tab.id, { id: sender.tab.id, incognito: sender.tab.incognito });
    const { host, pathname } = new URL(url);
    // Begun now: a visit begun while its site was excluded is refused, however late it arrives.
    return handler.onVisitUpdate({ ...update(visitAt(host, Date.now(), { path: pathname }), false), askText: true }, sender);
  };

  it('is yes only where the page may be recorded now: never on an excluded site, while paused, or in a private window', async () => {
    const data = await import('../../extension/background/handlers/data');
    expect(await ask('https://news.example/a')).toEqual({ textWanted: true });
    await data.onSettingsSet({ excluded: ['news.example', 'docs.example/private/*'] });
    expect(await ask('https://www.news.example/a'), 'the site with www.').toEqual({ textWanted: false });
    expect(await ask('https://live.news.example/a'), 'a subdomain').toEqual({ textWanted: false });
    expect(await ask('https://docs.example/private/notes'), 'an excluded path').toEqual({ textWanted: false });
    expect(await ask('https://docs.example/public/notes')).toEqual({ textWanted: true });
    await data.onSettingsSet({ excluded: [], paused: true });
    expect(await ask('https://news.example/a')).toEqual({ textWanted: false });
    await data.onSettingsSet({ paused: false });
    fakeBrowser.tabs.known.set(9, { id: 9, incognito: true });
    expect(await ask('https://news.example/a', inTab(9, true, 'https://news.example/a')), 'no answer at all in a private window').toEqual({});
    expect(await ask('https://news.example/a')).toEqual({ textWanted: true });
    expect((await stored()).map((visit) => visit.host)).toEqual(['news.example', 'docs.example', 'news.example']);
    expect(handler.textAsked).toEqual({ yes: 3, no: 4 });
  });

  it('rests on the settings of now alone: a page cannot learn from it what was stored, forgotten or expired', async () => {
    const data = await import('../../extension/background/handlers/data');
    const asking = (startedAt: number, key: string) => handler.onVisitUpdate({ ...update(visitAt('news.example', startedAt, { path: '/a' }), false, key), askText: true }, inTab(7));
    const visit = visitAt('news.example', NOW, { path: '/a' });
    // Not asked, a report is answered {} whatever became of it: stored, finished, expired.
    expect(await handler.onVisitUpdate(update(visit, false, 'the-visit'), inTab(7))).toEqual({});
    expect(await handler.onVisitUpdate(update(visit, true, 'the-visit'), inTab(7))).toEqual({});
    expect(await handler.onVisitUpdate(update(visit, false, 'the-visit'), inTab(7))).toEqual({});
    expect(await handler.onVisitUpdate(update(visitAt('news.example', Date.now() - 400 * 86_400_000), false), inTab(7))).toEqual({});
    expect(handler.dropped).toMatchObject({ finished: 1, expired: 1 });
    // Asked, the answer is the same for a visit finished, one begun before the retention cut, one
    // begun before everything was forgotten, and a new one.
    await data.onForget({ scope: 'all' });
    expect(await asking(NOW, 'the-visit')).toEqual({ textWanted: true });
    expect(await asking(Date.now() - 400 * 86_400_000, 'an-old-visit')).toEqual({ textWanted: true });
    expect(await asking(NOW - 1000, 'before-forgetting')).toEqual({ textWanted: true });
    expect(await asking(Date.now(), 'a-new-visit')).toEqual({ textWanted: true });
    expect((await stored()).map((stored) => stored.key)).toEqual(['a-new-visit']);
  });

  it('is asked by a page about itself alone, in a well-formed report', async () => {
    await expect(ask('https://bank.example/', inTab(7, false, 'https://news.example/a'))).rejects.toThrow(/only report its own visits/);
    for (const askText of ['yes', false, 1]) {
      const asking = { ...update(visitAt('news.example', NOW), false), askText } as never;
      await expect(handler.onVisitUpdate(asking, inTab(7))).rejects.toThrow(/askText/);
    }
    expect(await stored()).toEqual([]);
  });
});

describe('the keywords of a page’s main text', () => {
  const TEXT = 'Meltwater from the glaciers feeds rivers, and the rivers carry meltwater from the glaciers to the sea.';
  const count = (url: string, sender = inTab(7, false, url), text = TEXT) => handler.onPageKeywords({ url, text, lang: 'en' }, sender);

  it('are counted in the background, with the rules of keywords (stopwords, each word once, the most frequent first)', async () => {
    expect(await count('https://science.example/ice')).toEqual({ keywords: ['meltwater', 'glaciers', 'rivers', 'feeds', 'carry', 'sea'] });
  });

  it('are none where the page may not be recorded now: an excluded site, recording paused, a private window', async () => {
    const data = await import('../../extension/background/handlers/data');
    await data.onSettingsSet({ excluded: ['science.example'] });
    expect(await count('https://www.science.example/ice')).toEqual({ keywords: [] });
    await data.onSettingsSet({ excluded: [], paused: true });
    expect(await count('https://science.example/ice')).toEqual({ keywords: [] });
    await data.onSettingsSet({ paused: false });
    expect(await count('https://science.example/ice', inTab(9, true, 'https://science.example/ice'))).toEqual({ keywords: [] });
    expect((await count('https://science.example/ice')).keywords).toHaveLength(6);
  });

  it('are none, and the question is answered no, where the document asking has moved to an excluded path since', async () => {
    const data = await import('../../extension/background/handlers/data');
    await data.onSettingsSet({ excluded: ['science.example/private/*'] });
    const movedOn = inTab(7, false, 'https://science.example/private/notes');
    expect(await count('https://science.example/ice', movedOn)).toEqual({ keywords: [] });
    const report = { ...update(visitAt('science.example', NOW, { path: '/ice' }), false), askText: true } as const;
    expect(await handler.onVisitUpdate(report, movedOn)).toEqual({ textWanted: false });
    expect((await count('https://science.example/ice')).keywords).toHaveLength(6);
  });

  it('are counted only for a page’s own text, well formed and bounded', async () => {
    await expect(count('https://bank.example/', inTab(7, false, 'https://science.example/ice'))).rejects.toThrow(/only send its own text/);
    await expect(count('https://science.example/ice', undefined, 'x'.repeat(TEXT_MAX + 1))).rejects.toThrow(/longer than/);
    await expect(handler.onPageKeywords({ url: 'https://science.example/ice', text: 42, lang: 'en' }, inTab(7, false, 'https://science.example/ice'))).rejects.toThrow(/must be text/);
    await expect(handler.onPageKeywords({ url: 'https://science.example/ice', text: TEXT }, inTab(7, false, 'https://science.example/ice'))).rejects.toThrow(/lang/);
    for (const lang of ['en us', 'ja_JP', 'x', 'english']) {
      await expect(handler.onPageKeywords({ url: 'https://science.example/ice', text: TEXT, lang }, inTab(7, false, 'https://science.example/ice'))).rejects.toThrow(/primary language tag/);
    }
    expect(await handler.onPageKeywords({ url: 'https://science.example/ice', text: TEXT, lang: '' }, inTab(7, false, 'https://science.example/ice'))).toHaveProperty('keywords');
    await expect(handler.onPageKeywords(null, inTab(7))).rejects.toThrow(/must be an object/);
  });
});

describe('an exclusion lifted', () => {
  it('refuses a report of a visit that began while its page was excluded, however late it arrives', async () => {
    const data = await import('../../extension/background/handlers/data');
    await data.onSettingsSet({ excluded: ['clinic.example', '*bank*'] });
    const begunExcluded = visitAt('www.clinic.example', Date.now() - 5_000);
    const elsewhere = visitAt('news.example', Date.now() - 5_000);
    await data.onSettingsSet({ excluded: ['*bank*'] }); // the clinic is lifted, within a moment of the visit
    // The excluded page's reports were in flight, or its tab stayed open: they arrive after the change.
    await handler.onVisitUpdate(update(begunExcluded, false, 'begun-excluded'), fromPage(begunExcluded));
    await handler.onVisitUpdate(update(begunExcluded, true, 'begun-excluded'), fromPage(begunExcluded));
    await handler.onVisitUpdate(update(elsewhere, true), fromPage(elsewhere));
    const begunSince = visitAt('www.clinic.example', Date.now() + 1);
    await handler.onVisitUpdate(update(begunSince, true), fromPage(begunSince));
    expect((await stored()).map((visit) => visit.host).sort()).toEqual(['news.example', 'www.clinic.example']);
    expect((await stored()).find((visit) => visit.host === 'www.clinic.example')?.startedAt).toBe(begunSince.startedAt);
    expect(handler.dropped.excluded).toBe(2);
  });

  it('leaves other patterns, and visits of before that a data file brings, as they were', async () => {
    const data = await import('../../extension/background/handlers/data');
    const { excluded: defaults } = await data.onSettingsGet();
    await data.onSettingsSet({ excluded: [...defaults, 'clinic.example'] });
    await data.onSettingsSet({ excluded: defaults });
    const db = await storage.database();
    const tombstones = await db.getAll('forgotten');
    expect(tombstones).toEqual([expect.objectContaining({ scope: 'lifted', entry: 'clinic.example' })]);
    const { isForgotten, beganExcluded } = await import('../../extension/storage/forgotten');
    const before = { key: 'k', host: 'clinic.example', path: '/', startedAt: NOW };
    expect(isForgotten(before, tombstones)).toBe(false); // an import is not held to it
    expect(beganExcluded(before, tombstones)).toBe(true);
    expect(beganExcluded({ ...before, host: 'news.example' }, tombstones)).toBe(false);
  });
});

describe('content keywords', () => {
  /** Every store of the database, the model's checkpoint (and its feature names) with them, as text. */
  async function everything(): Promise<string> {
    const service = await import('../../extension/background/learner-service');
    await service.catchUp();
    await service.flush();
    const db = await storage.database();
    const stores = await Promise.all([...db.objectStoreNames].map((name) => db.getAll(name)));
    return JSON.stringify(stores);
  }

  it('are stored and learned from, but never from an excluded page', async () => {
    const db = await storage.database();
    await db.put('settings', { paused: false, excluded: ['clinic.example'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    const kept = visitAt('news.example', NOW, { keywords: ['tidewater', 'harbourmaster'] });
    await handler.onVisitUpdate(update(kept, true), fromPage(kept));
    const excluded = visitAt('www.clinic.example', NOW, { keywords: ['dermatology', 'biopsy'] });
    await handler.onVisitUpdate(update(excluded, false), fromPage(excluded));
    await handler.onVisitUpdate(update(excluded, true), fromPage(excluded));
    expect((await stored()).map((visit) => visit.keywords)).toEqual([['tidewater', 'harbourmaster']]);
    const text = await everything();
    expect(text.includes('keyword: tidewater')).toBe(true); // the model's feature names: it learned the keyword
    expect(/dermatology|biopsy/.test(text)).toBe(false);
    expect(handler.dropped.excluded).toBe(2);
  });

  it('go with their visits when their site or day is forgotten, from the store and the model', async () => {
    const forgettable = visitAt('gardening.example', NOW, { keywords: ['compost'] });
    const other = visitAt('news.example', NOW, { keywords: ['tidewater'] });
    for (const visit of [forgettable, other]) await handler.onVisitUpdate(update(visit, true), fromPage(visit));
    const has = async (word: string) => (await everything()).includes(word);
    expect(await has('keyword: compost')).toBe(true);
    const service = await import('../../extension/background/learner-service');
    await service.forget({ scope: 'site', host: 'gardening.example' });
    expect(await has('compost')).toBe(false);
    expect(await has('keyword: tidewater')).toBe(true);
    const day = new Date(NOW);
    await service.forget({ scope: 'day', day: `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}` });
    expect(await has('tidewater')).toBe(false);
  });
});

describe('privacy of visit reports', () => {
  it('refuses a report of another site than the page that sent it', async () => {
    const elsewhere = visitAt('bank.example', NOW);
    await expect(handler.onVisitUpdate(update(elsewhere, true), inTab(7, false, 'https://news.example/a'))).rejects.toThrow('its own visits');
    // A single-page app's last report of its previous address comes from its new one: same site, kept.
    const previous = visitAt('news.example', NOW, { path: '/old', url: 'https://news.example/old' });
    await handler.onVisitUpdate(update(previous, true), inTab(7, false, 'https://news.example/new'));
    expect((await stored()).map((visit) => visit.url)).toEqual(['https://news.example/old']);
    expect(handler.dropped.wrongSender).toBe(1);
  });

  it('never keeps an excluded site as the page a visit came from', async () => {
    const db = await storage.database();
    await db.put('settings', { paused: false, excluded: ['bank.example', '*health*'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    for (const referrerHost of ['www.bank.example', 'my.health-clinic.example', 'blog.example']) {
      const visit = visitAt('news.example', NOW, { referrerHost });
      await handler.onVisitUpdate(update(visit, true), fromPage(visit));
    }
    expect((await stored()).map((visit) => visit.referrerHost)).toEqual(['', '', 'blog.example']);
  });

  it('does not write back a visit forgotten while its tab stays open', async () => {
    const data = await import('../../extension/background/handlers/data');
    const visit = visitAt('news.example', NOW);
    await handler.onVisitUpdate(update(visit, false, 'still-open-visit'), fromPage(visit));
    const [record] = await stored();
    await data.onForget({ scope: 'visit', id: record.id });
    await handler.onVisitUpdate(update({ ...visit, activeMs: 50_000 }, false, 'still-open-visit'), fromPage(visit));
    await handler.onVisitUpdate(update({ ...visit, activeMs: 55_000 }, true, 'still-open-visit'), fromPage(visit));
    expect(await stored()).toEqual([]);
    expect(handler.dropped.forgotten).toBe(2);
  });

  it('does not write back a forgotten site from its open tabs, nor keep it as a referrer, but records it again when visited anew', async () => {
    const data = await import('../../extension/background/handlers/data');
    const open = visitAt('www.news.example', NOW);
    await handler.onVisitUpdate(update(open, false, 'open-news-visit'), fromPage(open));
    await data.onForget({ scope: 'site', host: 'news.example' });
    await handler.onVisitUpdate(update({ ...open, activeMs: 59_000 }, true, 'open-news-visit'), fromPage(open));
    const cameFrom = visitAt('blog.example', Date.now(), { referrerHost: 'news.example' });
    await handler.onVisitUpdate(update(cameFrom, true), fromPage(cameFrom));
    expect((await stored()).map((visit) => [visit.host, visit.referrerHost])).toEqual([['blog.example', '']]);
    const later = visitAt('news.example', Date.now() + 1_000);
    await handler.onVisitUpdate(update(later, true), fromPage(later));
    expect((await stored()).map((visit) => visit.host)).toEqual(['blog.example', 'news.example']);
  });

  it('bounds the visits a page that keeps changing its address can make, and keeps every visit the person did something on', async () => {
    const { GLANCES_PER_TAB } = await import('../../extension/background/handlers/flood-gate');
    let stamp = Date.now() - 600_000;
    vi.useFakeTimers({ now: stamp, toFake: ['Date'] }); // a new address every second, for 150 s
    const flood = 150;
    for (let i = 0; i < flood; i++) {
      vi.setSystemTime((stamp += 1_000));
      const glance = visitAt('flood.example', stamp - 1_000, { endedAt: stamp - 100, activeMs: 900, clicks: 0 });
      await handler.onVisitUpdate(update(glance, true, `flood-visit-${String(i).padStart(4, '0')}`), fromPage(glance));
    }
    const refilled = Math.ceil((flood * GLANCES_PER_TAB.perMinute) / 60) + 1; // at most, over the flood
    expect((await stored()).length).toBeGreaterThanOrEqual(GLANCES_PER_TAB.burst);
    expect((await stored()).length).toBeLessThanOrEqual(GLANCES_PER_TAB.burst + refilled);
    expect(handler.dropped.flood).toBeGreaterThanOrEqual(flood - GLANCES_PER_TAB.burst - refilled);
    vi.setSystemTime((stamp += 1_000));
    const read = visitAt('flood.example', stamp - 1_000, { endedAt: stamp - 100, activeMs: 900, clicks: 1 });
    await handler.onVisitUpdate(update(read, true, 'clicked-in-the-flood'), fromPage(read));
    expect((await stored()).some((visit) => visit.key === 'clicked-in-the-flood')).toBe(true);
    vi.useRealTimers();
  });

  it('holds a page that loads a new document every second to the same bound, though each visit is only reported as it is left', async () => {
    const { GLANCES_PER_TAB } = await import('../../extension/background/handlers/flood-gate');
    fakeBrowser.tabs.known.set(11, { id: 11, incognito: false }); // the tab stays open throughout
    let stamp = Date.now() - 600_000;
    vi.useFakeTimers({ now: stamp, toFake: ['Date'] });
    const flood = 150;
    for (let i = 0; i < flood; i++) {
      vi.setSystemTime((stamp += 1_000));
      // Reported as it is about to be left; its last report is lost, and the next page's report finishes it.
      const glance = visitAt('flood.example', stamp - 1_000, { endedAt: stamp - 100, activeMs: 900, clicks: 0 });
      await handler.onVisitUpdate(update(glance, false, `left-visit-${String(i).padStart(4, '0')}`), fromPage(glance, 11));
    }
    const refilled = Math.ceil((flood * GLANCES_PER_TAB.perMinute) / 60) + 1;
    const kept = await stored();
    expect(kept.length).toBeGreaterThanOrEqual(GLANCES_PER_TAB.burst);
    expect(kept.length).toBeLessThanOrEqual(GLANCES_PER_TAB.burst + refilled + 1); // + the last, still open
    expect(handler.dropped.flood).toBeGreaterThanOrEqual(flood - GLANCES_PER_TAB.burst - refilled - 1);
    vi.useRealTimers();
  });

  it('spends nothing of the glance budgets on a visit that is a glance only so far (its report once its page is read)', async () => {
    fakeBrowser.tabs.known.set(12, { id: 12, incognito: false });
    let stamp = Date.now() - 3_600_000;
    vi.useFakeTimers({ now: stamp, toFake: ['Date'] });
    const visits = 200; // a page every 6 s: past the burst of glances and faster than they refill
    for (let i = 0; i < visits; i++) {
      const key = `read-visit-${String(i).padStart(4, '0')}`;
      const begun = stamp;
      vi.setSystemTime((stamp += 3_000));
      const early = visitAt('reader.example', begun, { endedAt: stamp, activeMs: 3_000, clicks: 0 });
      await handler.onVisitUpdate(update(early, false, key), fromPage(early, 12));
      vi.setSystemTime((stamp += 3_000));
      await handler.onVisitUpdate(update({ ...early, endedAt: stamp, activeMs: 6_000 }, true, key), fromPage(early, 12));
    }
    expect(handler.dropped.flood).toBe(0);
    expect(await stored()).toHaveLength(visits);
    vi.useRealTimers();
  });
});
