// The sample on fake-indexeddb: made in a database of its own and learned there, found again after
// a reload, answered from in the page (its last visit predicted, the user's browser left alone),
// and deleted on close, while the user's database, opened by a background beside it, keeps exactly
// what it held.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import { visitAt } from '../fixtures';

const NOW = Date.UTC(2026, 2, 15, 12, 0);
const DAY = 86_400_000;

/** A page's modules, fresh: what one page (or worker) holds in memory. */
async function page() {
  vi.resetModules();
  return {
    sample: await import('../../../extension/sample/sample'),
    requests: await import('../../../extension/sample/sample-requests'),
    db: await import('../../../extension/storage/db'),
    keep: await import('../../../extension/kept-prediction'),
  };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '').sort();
}

/** Every record of every store of the user's database, as it is. */
async function userRecords(): Promise<Record<string, unknown[]>> {
  const db = await openDB('tabula');
  try {
    return Object.fromEntries(await Promise.all([...db.objectStoreNames].map(async (store) => [store, await db.getAll(store)])));
  } finally {
    db.close();
  }
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('navigator', {}); // Node 20 has none; the overview asks it for the storage estimate
});

describe('the sample log', () => {
  it('is the persona of seed 1 over the 90 days before today, none of it after now', async () => {
    const { sample } = await page();
    const lines = sample.sampleLog(NOW).map((line) => JSON.parse(line) as { startedAt: number; endedAt: number; host: string });
    expect(lines.length).toBeGreaterThan(90 * 60);
    const todayUtc = Math.floor(NOW / DAY) * DAY;
    expect(Math.min(...lines.map((visit) => visit.startedAt))).toBeGreaterThanOrEqual(todayUtc - 90 * DAY);
    expect(Math.min(...lines.map((visit) => visit.startedAt))).toBeLessThan(todayUtc - 89 * DAY);
    expect(Math.max(...lines.map((visit) => visit.endedAt))).toBeLessThanOrEqual(NOW);
    expect(new Set(lines.map((visit) => visit.host)).size).toBeGreaterThan(15);
    expect(sample.sampleLog(NOW)).toEqual(sample.sampleLog(NOW)); // the same person every time
  });
});

describe('the sample', () => {
  it('is made and learned in its own database, found again after a reload, and deleted on close; the user’s database is untouched', { timeout: 60_000 }, async () => {
    // The user's Tabula, as a background leaves it: one finished visit, learned and saved.
    const background = await page();
    const userDb = await background.db.database();
    await userDb.put('settings', { ...(await import('../../../extension/storage/settings')).DEFAULT_SETTINGS }, 'settings');
    await userDb.add('visits', { ...visitAt('example.org', NOW - DAY), key: 'user-1', seq: 1 } as never);
    const before = await userRecords();

    const first = await page();
    const opened = await first.sample.openSample(NOW);
    expect(opened.made).toBe(true);
    expect(opened.visits).toBeGreaterThan(90 * 60);
    expect(await databaseNames()).toEqual(['tabula', 'tabula-sample']);
    const overview = await first.requests.askSample('model/overview', {});
    expect(overview.visitsLearned).toBe(opened.visits);
    expect(overview.storedVisits).toBe(opened.visits);
    // Its 90 days, learned again in order, left the daily marks: what changed in its last week.
    const { weekChange } = await first.requests.askSample('model/insights', {});
    expect(weekChange).toBeDefined();
    expect(overview.updatedAt - weekChange!.since).toBeGreaterThanOrEqual(7 * DAY);
    expect(overview.updatedAt - weekChange!.since).toBeLessThan(9 * DAY);
    expect(weekChange!.visitsNow - weekChange!.visitsThen).toBeGreaterThan(7 * 40);
    expect(weekChange!.moved.engaged.length).toBeGreaterThan(0);
    // The prediction is for the sample's last visit, with its explanation.
    const prediction = await first.requests.askSample('tab/predict', {});
    expect(prediction.status).toBe('ok');
    expect(prediction.why?.engaged.length).toBeGreaterThan(5);
    // Nothing of the user's browser: no kept predictions read or written, no history, no corrections.
    expect(first.keep.keptPredictions()).toBeUndefined();
    expect(fakeBrowser.storage.session.items.size).toBe(0);
    await expect(first.requests.askSample('settings/set', { historyImport: true })).rejects.toThrow(/sample/);
    await expect(first.requests.askSample('tab/feedback', { verdict: 'useful' })).rejects.toThrow(/sample/);
    // A write acts on the sample: its settings change, the user's do not.
    const paused = await first.requests.askSample('settings/set', { paused: true });
    expect(paused.paused).toBe(true);
    expect(await userRecords()).toEqual(before);

    // Reloaded: the sample is found as it was, not made again.
    (await first.db.database()).close();
    const reloaded = await page();
    expect(await reloaded.sample.openSample(NOW)).toEqual({ visits: opened.visits, made: false });
    expect((await reloaded.requests.askSample('settings/get', {})).paused).toBe(true);

    await reloaded.sample.closeSample();
    expect(await databaseNames()).toEqual(['tabula']);
    expect(await userRecords()).toEqual(before);
    userDb.close();
    await deleteDB('tabula');
  });

  it('cannot be chosen by a page that has opened the user’s database', async () => {
    const { sample, db } = await page();
    await db.database();
    await expect(sample.openSample(NOW)).rejects.toThrow(/another Tabula database/);
    expect(await databaseNames()).toEqual(['tabula']);
  });
});
