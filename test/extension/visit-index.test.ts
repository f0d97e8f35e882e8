// The visits' index in memory on fake-indexeddb: the list, its pages and searches, the habits and
// the sites answer as the store does after every kind of write (a report, a forget, the retention
// cut, an import of history, a write that went past the index), and reading it again costs nothing
// while the store is unchanged.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredVisit } from '../../extension/contract-types';
import { open, type Database } from '../../extension/storage/db';
import { applyRetention, forgetData } from '../../extension/storage/forget';
import { countSites, habits, queryVisits } from '../../extension/storage/query';
import { timeReport } from '../../extension/storage/time-report';
import { visitIndex } from '../../extension/storage/visit-index';
import { addFinishedVisits, recordUpdate } from '../../extension/storage/visits';
import { update, visitAt } from './fixtures';

const T0 = new Date(2026, 10, 20, 9, 0).getTime();
const MIN = 60_000;
let db: Database;
let name = 0;

beforeEach(async () => {
  db = await open(`visit-index-test-${++name}`);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/** Visits a minute apart over three sites, the first the oldest; titles say their number. */
async function browse(count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const host = ['a.example', 'b.example', 'c.example'][i % 3];
    await recordUpdate(db, update(visitAt(host, T0 + i * MIN, { title: `Page number ${i}` }), true, `key-${i}`), 1);
  }
}

/** What the list would be without an index: every readable record, newest first, filtered as the search does. */
async function fromStore(search = ''): Promise<string[]> {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return ((await db.getAll('visits')) as StoredVisit[])
    .filter((visit) => words.every((word) => `${visit.title} ${visit.url}`.toLowerCase().includes(word)))
    .sort((a, b) => b.startedAt - a.startedAt || b.id - a.id).map((visit) => visit.title);
}

const titles = (page: { visits: StoredVisit[] }) => page.visits.map((visit) => visit.title);

describe('the visits index', () => {
  it('lists newest first, a page at a time by offset, with the total', async () => {
    await browse(25);
    const first = await queryVisits(db, { limit: 10 });
    const second = await queryVisits(db, { limit: 10, offset: 10 });
    const last = await queryVisits(db, { limit: 10, offset: 20 });
    expect(first.total).toBe(25);
    expect([...titles(first), ...titles(second), ...titles(last)]).toEqual(await fromStore());
    expect(titles(last)).toHaveLength(5);
    expect(titles(first)[0]).toBe('Page number 24');
  });

  it('searches every word in titles and addresses, and by site', async () => {
    await browse(30);
    const found = await queryVisits(db, { search: 'NUMBER 1', limit: 50 });
    expect(titles(found)).toEqual(await fromStore('number 1'));
    expect(found.total).toBe(found.visits.length);
    expect(titles(found)).toEqual(expect.arrayContaining(['Page number 1', 'Page number 10', 'Page number 19']));
    expect(titles(found)).not.toContain('Page number 2');
    expect((await queryVisits(db, { search: 'b.example number', limit: 50 })).total).toBe(10);
    const site = await queryVisits(db, { host: 'c.example', limit: 50 });
    expect(site.total).toBe(10);
    expect(site.visits.every((visit) => visit.host === 'c.example')).toBe(true);
  });

  it('takes in a report recorded after it was read: a new visit, and a visit whose title changed', async () => {
    await browse(5);
    await queryVisits(db, { limit: 50 }); // read now
    await recordUpdate(db, update(visitAt('d.example', T0 + 100 * MIN, { title: 'Draft' }), false, 'open-visit'), 2);
    expect(titles(await queryVisits(db, { limit: 1 }))).toEqual(['Draft']);
    await recordUpdate(db, update(visitAt('d.example', T0 + 100 * MIN, { title: 'Final title' }), false, 'open-visit'), 2);
    expect((await queryVisits(db, { search: 'draft', limit: 50 })).total).toBe(0);
    expect(titles(await queryVisits(db, { search: 'final', limit: 50 }))).toEqual(['Final title']);
    expect((await queryVisits(db, { limit: 50 })).total).toBe(6);
    expect(await countSites(db)).toBe(4);
    expect((await habits(db)).flat().reduce((sum, n) => sum + n, 0)).toBe(6); // the visit updated twice counts once
  });

  it('takes in a report recorded while the store is being read', async () => {
    await browse(5);
    const reading = queryVisits(db, { limit: 50 });
    const recording = recordUpdate(db, update(visitAt('d.example', T0 + 100 * MIN, { title: 'Meanwhile' }), true, 'meanwhile'), 2);
    await Promise.all([reading, recording]);
    expect(titles(await queryVisits(db, { limit: 50 }))).toEqual(await fromStore());
    expect(titles(await queryVisits(db, { limit: 50 }))[0]).toBe('Meanwhile');
  });

  it('forgets with the store: a site, a day, what retention cuts, and shows history imported', async () => {
    await browse(30);
    await queryVisits(db, { limit: 50 });
    await forgetData(db, { scope: 'site', host: 'a.example' });
    expect(titles(await queryVisits(db, { limit: 50 }))).toEqual(await fromStore());
    expect((await queryVisits(db, { search: 'a.example', limit: 50 })).total).toBe(0);
    expect(await countSites(db)).toBe(2);
    const old = visitAt('e.example', T0 - 400 * 86_400_000, { title: 'Long ago' });
    expect(await addFinishedVisits(db, [{ key: 'history-1', visit: old }])).toBe(1);
    expect(titles(await queryVisits(db, { search: 'long ago', limit: 50 }))).toEqual(['Long ago']);
    await applyRetention(db, 90, 7, T0 + 86_400_000);
    expect((await queryVisits(db, { search: 'long ago', limit: 50 })).total).toBe(0);
    expect(titles(await queryVisits(db, { limit: 50 }))).toEqual(await fromStore());
  });

  it('reads the store again after a write that went past it, and leaves damaged records out', async () => {
    await browse(4);
    await queryVisits(db, { limit: 50 });
    await db.put('visits', { ...visitAt('f.example', T0 + 50 * MIN, { title: 'Written elsewhere' }), key: 'elsewhere', seq: 99 });
    await db.put('visits', { key: 'damaged', startedAt: T0 + 60 * MIN } as never);
    const page = await queryVisits(db, { limit: 50 });
    expect(titles(page)).toEqual(['Written elsewhere', 'Page number 3', 'Page number 2', 'Page number 1', 'Page number 0']);
    expect(page.total).toBe(5);
  });

  it('reads a long history a part at a time, missing and repeating nothing', async () => {
    const tx = db.transaction('visits', 'readwrite');
    for (let i = 0; i < 4_500; i++) void tx.store.put({ ...visitAt(`s${i % 40}.example`, T0 + (i % 997) * MIN, { title: `Long ${i}` }), key: `long-${i}`, seq: i + 1 });
    await tx.done;
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const all = await queryVisits(db, { search: 'long', limit: 200, offset: 4_400 });
    expect(getAll).toHaveBeenCalledTimes(3);
    expect(all.total).toBe(4_500);
    expect(titles(all)).toEqual((await fromStore('long')).slice(4_400));
    expect(await countSites(db)).toBe(40);
  });

  it('reads the store once while it is unchanged', async () => {
    await browse(10);
    await queryVisits(db, { limit: 50 });
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const fromIndex = vi.spyOn(IDBIndex.prototype, 'getAll');
    const cursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    await queryVisits(db, { search: 'number', limit: 50 });
    await habits(db);
    await countSites(db);
    await timeReport(db, T0 + 60 * MIN);
    expect(getAll).not.toHaveBeenCalled();
    expect(fromIndex).not.toHaveBeenCalled();
    expect(cursor).not.toHaveBeenCalled();
    visitIndex(db).drop();
    await queryVisits(db, { limit: 50 });
    expect(getAll).toHaveBeenCalledTimes(1);
  });

  it('gives the habits and the time report of what is stored', async () => {
    await browse(6);
    const at = new Date(T0);
    expect((await habits(db))[at.getDay()][at.getHours()]).toBe(6);
    await forgetData(db, { scope: 'site', host: 'b.example' });
    expect((await habits(db))[at.getDay()][at.getHours()]).toBe(4);
    const report = await timeReport(db, T0 + 60 * MIN);
    expect(report.sites.map((site) => site.host).sort()).toEqual(['a.example', 'c.example']);
    expect(report.today.activeMs).toBe(4 * 45_000);
  });
});
