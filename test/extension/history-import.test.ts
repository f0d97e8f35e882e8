// Learning from the browser's history (opt-in): entries become finished visits once the permission
// is granted, excluded sites stay out, and a page the content script already recorded is not added
// a second time.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { update, visitAt } from './fixtures';

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
});
afterEach(() => vi.restoreAllMocks());

async function background() {
  const storage = await import('../../extension/storage/db');
  const visits = await import('../../extension/storage/visits');
  const { importHistory } = await import('../../extension/background/history-import');
  const { fakeBrowser } = await import('./fake-browser'); // the instance these fresh modules use
  /** Grants the permission, with this history in the browser. */
  const grantHistory = (items: { url: string; title?: string; lastVisitTime?: number }[]) => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.history, 'search').mockResolvedValue(items as never);
  };
  return { db: await storage.database(), visits, importHistory, grantHistory, close: storage.closeDatabase };
}

describe('history import', () => {
  it('refuses without the permission and stores nothing', async () => {
    const it = await background();
    await expect(it.importHistory(NOW)).rejects.toThrow('Allow Tabula to read your browsing history first.');
    expect(await it.db.count('visits')).toBe(0);
    it.close();
  });

  it('adds each entry once, leaves excluded sites and pages already recorded out', async () => {
    const it = await background();
    const recorded = visitAt('docs.example', NOW - 2 * HOUR, { path: '/guide' }); // a minute long, recorded by the page
    await it.visits.recordUpdate(it.db, update(recorded, true, 'page-visit'), 3);
    it.grantHistory([
      { url: 'https://docs.example/guide', title: 'Guide', lastVisitTime: NOW - 2 * HOUR + 2_000 }, // that same visit
      { url: 'https://docs.example/guide', title: 'Guide', lastVisitTime: NOW - 5 * HOUR }, // an earlier visit of it
      { url: 'https://news.example/today?id=7#top', title: 'Today', lastVisitTime: NOW - 3 * HOUR },
      { url: 'https://mybank.example/accounts', title: 'Accounts', lastVisitTime: NOW - 4 * HOUR }, // a bank: excluded by default
      { url: 'file:///home/me/notes.txt', title: 'notes', lastVisitTime: NOW - HOUR },
    ]);
    expect(await it.importHistory(NOW)).toBe(2);
    const stored = (await it.db.getAll('visits')).filter((visit) => visit.source === 'history');
    expect(stored.map((visit) => [visit.url, visit.startedAt]).sort()).toEqual([
      ['https://docs.example/guide', NOW - 5 * HOUR],
      ['https://news.example/today', NOW - 3 * HOUR],
    ]);
    expect(await it.importHistory(NOW)).toBe(0); // asked again: nothing twice
    expect(await it.db.count('visits')).toBe(3);
    it.close();
  });

  it('keeps no title of a search results page and scrubs the others', async () => {
    const it = await background();
    const at = (hours: number) => NOW - hours * HOUR;
    it.grantHistory([
      { url: 'https://www.google.com/search?q=hiv+test+results', title: 'hiv test results - Google Search', lastVisitTime: at(1) },
      { url: 'https://shop.example/s?k=hiv+test&ref=nav', title: 'Shop.example : hiv test', lastVisitTime: at(2) }, // the title repeats the query
      { url: 'https://forum.example/inbox', title: 'Inbox (3) – jane.doe@example.com – Forum', lastVisitTime: at(3) },
      { url: 'https://shop.example/orders/view?id=7', title: 'Order 123456789 shipped', lastVisitTime: at(4) },
      { url: 'https://news.example/uk/rivers-rise?utm_source=mail', title: 'Rivers rise across the valley in 2024', lastVisitTime: at(5) },
    ]);
    expect(await it.importHistory(NOW)).toBe(5);
    const titles = Object.fromEntries((await it.db.getAll('visits')).map((visit) => [visit.url, visit.title]));
    expect(titles).toEqual({
      'https://www.google.com/search': '',
      'https://shop.example/': '', // no part of `/s` names it a results page: any of it may have been typed
      'https://forum.example/inbox': 'Inbox (3) – – Forum',
      'https://shop.example/orders/view': 'Order shipped',
      'https://news.example/uk/rivers-rise': 'Rivers rise across the valley in 2024',
    });
    it.close();
  });

  it('keeps of a results page\'s path nothing that may have been typed, in its address or its key', async () => {
    const it = await background();
    const { murmur3 } = await import('../../model/hash');
    it.grantHistory([
      { url: 'https://www.amazon.com/hiv-test-kit/s?k=hiv+test+kit', title: 'Amazon.com : hiv test kit', lastVisitTime: NOW - HOUR },
      { url: 'https://shop.example/search/hiv-test?page=2', title: 'Shop', lastVisitTime: NOW - 2 * HOUR },
    ]);
    expect(await it.importHistory(NOW)).toBe(2);
    const stored = await it.db.getAll('visits');
    expect(stored.map((visit) => [visit.url, visit.path, visit.title, visit.kind]).sort()).toEqual([
      ['https://shop.example/search', '/search', '', 'search'],
      ['https://www.amazon.com/', '/', '', 'search'],
    ]);
    const typed = ['https://www.amazon.com/hiv-test-kit/s', 'https://shop.example/search/hiv-test'].map((url) => murmur3(url, 0).toString(36));
    expect(stored.filter((visit) => typed.some((hash) => visit.key.endsWith(hash)))).toEqual([]);
    it.close();
  });

  it('keeps no e-mail address of a path, in its address or its key, and adds no second copy of a page imported before', async () => {
    const it = await background();
    const { murmur3 } = await import('../../model/hash');
    const at = NOW - 3 * HOUR;
    const whole = 'https://outlook.example/mail/jane.doe@example.org/inbox';
    it.grantHistory([
      { url: whole, title: 'Inbox', lastVisitTime: at },
      { url: 'https://outlook.example/mail/ann@example.org/inbox', title: 'Inbox', lastVisitTime: at + HOUR },
    ]);
    await it.db.put('visits', { ...visitAt('outlook.example', at + HOUR, { path: '/mail/ann@example.org/inbox', source: 'history' }), endedAt: at + HOUR,
      key: `history-${at + HOUR}-${murmur3('https://outlook.example/mail/ann@example.org/inbox', 0).toString(36)}`, seq: 1 });
    expect(await it.importHistory(NOW)).toBe(1);
    const added = (await it.db.getAll('visits')).find((visit) => visit.startedAt === at)!;
    expect([added.url, added.path]).toEqual(['https://outlook.example/mail/@/inbox', '/mail/@/inbox']);
    expect(added.key).toBe(`history-${at}-${murmur3('https://outlook.example/mail/@/inbox', 0).toString(36)}`);
    expect(added.key.endsWith(murmur3(whole, 0).toString(36))).toBe(false);
    it.close();
  });

  it('keeps forgotten a results page imported before under the key of its whole address', async () => {
    const it = await background();
    const { murmur3 } = await import('../../model/hash');
    const at = NOW - 3 * HOUR;
    await it.db.add('forgotten', { scope: 'visit', key: `history-${at}-${murmur3('https://shop.example/search/hiv-test', 0).toString(36)}`, at: NOW - HOUR });
    it.grantHistory([{ url: 'https://shop.example/search/hiv-test', title: 'Shop', lastVisitTime: at }]);
    expect(await it.importHistory(NOW)).toBe(0);
    it.close();
  });

  it('adds no second copy of a results page imported before under the key of its whole address', async () => {
    const it = await background();
    const { murmur3 } = await import('../../model/hash');
    const at = NOW - 3 * HOUR;
    const earlier = { ...visitAt('www.amazon.com', at, { path: '/hiv-test-kit/s', kind: 'other', title: '', source: 'history' }), endedAt: at };
    await it.db.put('visits', { ...earlier, key: `history-${at}-${murmur3('https://www.amazon.com/hiv-test-kit/s', 0).toString(36)}`, seq: 1 });
    it.grantHistory([{ url: 'https://www.amazon.com/hiv-test-kit/s?k=hiv+test+kit', title: 'Amazon.com : hiv test kit', lastVisitTime: at }]);
    expect(await it.importHistory(NOW)).toBe(0);
    it.close();
  });

  it('judges what was forgotten on a results page\'s whole path, before it is cut', async () => {
    const it = await background();
    const forget = await import('../../extension/storage/forget');
    await forget.forgetData(it.db, { scope: 'matching', entry: 'shop.example/search/hiv*' }, NOW - 2 * DAY);
    it.grantHistory([
      { url: 'https://shop.example/search/hiv-test', title: 'Shop', lastVisitTime: NOW - 3 * DAY },
      { url: 'https://shop.example/search/garden-hose', title: 'Shop', lastVisitTime: NOW - 3 * DAY + HOUR },
    ]);
    expect(await it.importHistory(NOW)).toBe(1);
    expect((await it.db.getAll('visits')).map((visit) => [visit.url, visit.startedAt])).toEqual([['https://shop.example/search', NOW - 3 * DAY + HOUR]]);
    it.close();
  });

  it('imports nothing when the settings change that turns it on is refused', async () => {
    const it = await background();
    const data = await import('../../extension/background/handlers/data');
    it.grantHistory([{ url: 'https://news.example/today', title: 'Today', lastVisitTime: NOW - HOUR }]);
    await expect(data.onSettingsSet({ historyImport: true, visitRetentionDays: 0 })).rejects.toThrow('visitRetentionDays');
    expect(await it.db.count('visits')).toBe(0);
    expect((await data.onSettingsGet()).historyImport).toBe(false);
    it.close();
  });

  it('imports nothing from before the retention cut, nor what was forgotten before it', async () => {
    const it = await background();
    const settings = await import('../../extension/storage/settings');
    const forget = await import('../../extension/storage/forget');
    await settings.updateSettings(it.db, { visitRetentionDays: 7 });
    await it.visits.recordUpdate(it.db, update(visitAt('diary.example', NOW - 12 * DAY, { path: '/entry' }), true, 'diary-visit'), 1);
    await forget.forgetData(it.db, { scope: 'site', host: 'diary.example' }, NOW - 10 * DAY);
    await forget.applyRetention(it.db, 7, 7, NOW); // the forget's tombstone is older than the cut: it gives way
    it.grantHistory([
      { url: 'https://diary.example/entry', title: 'Entry', lastVisitTime: NOW - 12 * DAY + 1_000 },
      { url: 'https://news.example/old', title: 'Old', lastVisitTime: NOW - 20 * DAY },
      { url: 'https://news.example/last-week', title: 'Last week', lastVisitTime: NOW - 8 * DAY }, // after the forget, before the cut
      { url: 'https://news.example/today', title: 'Today', lastVisitTime: NOW - 2 * DAY },
    ]);
    expect(await it.importHistory(NOW)).toBe(1);
    expect((await it.db.getAll('visits')).map((visit) => visit.url)).toEqual(['https://news.example/today']);
    it.close();
  });

  it('respects a pause: refused while paused, and nothing browsed while paused is imported later', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const it = await background();
    const data = await import('../../extension/background/handlers/data');
    it.grantHistory([
      { url: 'https://diary.example/entry', title: 'Entry', lastVisitTime: NOW + 1 * HOUR }, // while paused
      { url: 'https://news.example/today', title: 'Today', lastVisitTime: NOW + 3 * HOUR }, // after
    ]);
    await data.onSettingsSet({ paused: true });
    await expect(data.onSettingsSet({ historyImport: true })).rejects.toThrow('Recording is paused');
    vi.setSystemTime(NOW + 2 * HOUR);
    await data.onSettingsSet({ paused: false });
    vi.setSystemTime(NOW + 4 * HOUR);
    await data.onSettingsSet({ historyImport: true });
    expect((await it.db.getAll('visits')).map((visit) => visit.host)).toEqual(['news.example']);
    vi.useRealTimers();
    it.close();
  });
});
