// Visit reports as the background receives them: stored open while their tab lives, finished by
// the final report or by any report once the tab is gone, and never stored from an excluded site,
// while paused, or from a private window.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../extension/browser-api';
import type { StoredVisit } from '../../extension/contract-types';
import { update, visitAt } from './fixtures';

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
const inTab = (id: number, incognito = false): Runtime.MessageSender => ({ id: 'tabulatest', url: 'https://news.example/a', tab: { id, incognito } as never });
const tabless: Runtime.MessageSender = { id: 'tabulatest', url: 'https://news.example/a' };

async function stored(): Promise<StoredVisit[]> {
  return (await (await storage.database()).getAll('visits')) as StoredVisit[];
}

describe('visit reports', () => {
  it('keeps a visit open while its tab lives, and finishes it with the final report', async () => {
    const visit = visitAt('news.example', NOW);
    expect(await handler.onVisitUpdate(update(visit, false, 'open-tab-visit'), inTab(7))).toEqual({ stored: true });
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

  it('stores nothing from an excluded site, while paused, or from a private window', async () => {
    const db = await storage.database();
    await db.put('settings', { paused: false, excluded: ['news.example'], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    expect(await handler.onVisitUpdate(update(visitAt('www.news.example', NOW), true), inTab(7))).toEqual({ stored: false });
    await db.put('settings', { paused: true, excluded: [], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    expect(await handler.onVisitUpdate(update(visitAt('news.example', NOW), true), inTab(7))).toEqual({ stored: false });
    await db.put('settings', { paused: false, excluded: [], visitRetentionDays: 90, eventRetentionDays: 7, historyImport: false }, 'settings');
    fakeBrowser.tabs.known.set(9, { id: 9, incognito: true });
    expect(await handler.onVisitUpdate(update(visitAt('news.example', NOW), true), inTab(9, true))).toEqual({ stored: false });
    expect(handler.dropped).toMatchObject({ excluded: 1, paused: 1, incognito: 1 });
    expect(await stored()).toEqual([]);
    expect(await db.count('events')).toBe(0);
  });
});
