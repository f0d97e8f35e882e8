// Learning from the browser's history (opt-in): entries become finished visits once the permission
// is granted, excluded sites stay out, and a page the content script already recorded is not added
// a second time.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { update, visitAt } from './fixtures';

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const HOUR = 3_600_000;

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
});
