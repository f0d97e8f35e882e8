// Forgetting exactly, on fake-indexeddb: a site is what the exclusion list calls one, its name goes
// from every remaining record, events go with their visits or their day, tombstones keep forgotten
// things out of later reports and imports, and retention deletes the same way.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, type Database } from '../../extension/storage/db';
import { applyRetention, countForget, forgetData, retentionCut } from '../../extension/storage/forget';
import { updateSettings } from '../../extension/storage/settings';
import { addFinishedVisits, recordUpdate } from '../../extension/storage/visits';
import { update, visitAt } from './fixtures';

const DAY = 86_400_000;
const T0 = new Date(2026, 10, 20, 9, 0).getTime();
let db: Database;
let name = 0;

beforeEach(async () => {
  db = await open(`forget-test-${++name}`);
});
afterEach(() => db.close());

const hosts = async () => (await db.getAll('visits')).map((visit) => visit.host).sort();

describe('the confirmation', () => {
  it('counts exactly what each kind of forget then removes, events its visits left behind included', async () => {
    const stock = async (): Promise<void> => {
      for (const store of ['visits', 'events', 'forgotten'] as const) await db.clear(store); // the last forget's tombstone too
      let n = 0;
      for (const [host, path, at] of [['news.example', '/a', T0], ['www.news.example', '/b', T0 + DAY], ['live.news.example', '/login/x', T0],
        ['othernews.example', '/a', T0], ['mybank.example', '/', T0 + DAY], ['shop.example', '/login/start', T0 + 2 * DAY]] as const) {
        await recordUpdate(db, update(visitAt(host, at, { path }), false, `counted-${++n}-visit`), 1);
        await recordUpdate(db, update(visitAt(host, at, { path }), true, `counted-${n}-visit`), 1);
      }
      // An event kept longer than its visit, from before events went with their visits.
      await db.add('events', { visitKey: 'gone-long-ago', host: 'live.news.example', at: T0 + 60_000, type: 'visit' } as never);
    };
    const visitId = async (host: string) => (await db.getAll('visits')).find((visit) => visit.host === host)!.id!;
    const requests = [
      { scope: 'site', host: 'news.example' }, { scope: 'matching', entry: '*bank*' }, { scope: 'matching', entry: '*/login*' },
      { scope: 'day', day: new Date(T0 + DAY).toISOString().slice(0, 10) }, { scope: 'visit', id: 0 }, { scope: 'all' },
    ] as const;
    for (const request of requests) {
      await stock();
      const asked = request.scope === 'visit' ? { scope: 'visit' as const, id: await visitId('othernews.example') } : request;
      const counted = await countForget(db, asked);
      const removed = await forgetData(db, asked);
      expect(counted, JSON.stringify(request)).toEqual({ visits: removed.visits, events: removed.events });
      expect(counted.visits, JSON.stringify(request)).toBeGreaterThan(0);
    }
  });
});

describe('forgetting a site', () => {
  it('takes the host with its www. and subdomains, as an exclusion would, and nothing else', async () => {
    for (const host of ['news.example', 'www.news.example', 'live.news.example', 'othernews.example', 'news.example.org']) {
      await recordUpdate(db, update(visitAt(host, T0)), 1);
    }
    expect(await countForget(db, { scope: 'site', host: 'www.news.example' })).toEqual({ visits: 3, events: 3 });
    expect((await forgetData(db, { scope: 'site', host: 'news.example.' })).visits).toBe(3);
    expect(await hosts()).toEqual(['news.example.org', 'othernews.example']);
  });

  it('takes any entry of the exclusion list, patterns too', async () => {
    await recordUpdate(db, update(visitAt('mybank.example', T0)), 1);
    await recordUpdate(db, update(visitAt('shop.example', T0, { path: '/login/start' })), 1);
    await recordUpdate(db, update(visitAt('shop.example', T0, { path: '/cart' })), 1);
    expect((await forgetData(db, { scope: 'matching', entry: '*bank*' })).visits).toBe(1);
    expect((await forgetData(db, { scope: 'matching', entry: '*/login*' })).visits).toBe(1);
    expect((await db.getAll('visits')).map((visit) => visit.path)).toEqual(['/cart']);
  });

  it('removes the site from every field of the visits that remain', async () => {
    await recordUpdate(db, update(visitAt('clinic.example', T0)), 1);
    await recordUpdate(db, update(visitAt('blog.example', T0, { referrerHost: 'www.clinic.example' })), 1);
    await recordUpdate(db, update(visitAt('blog.example', T0, { referrerHost: 'search.example' })), 1);
    await forgetData(db, { scope: 'site', host: 'clinic.example' });
    const text = JSON.stringify(await db.getAll('visits')) + JSON.stringify(await db.getAll('events'));
    expect(text).not.toContain('clinic');
    expect((await db.getAll('visits')).map((visit) => visit.referrerHost)).toEqual(['', 'search.example']);
  });

  it('reaches events whose visit is already gone', async () => {
    await recordUpdate(db, update(visitAt('clinic.example', T0)), 1);
    await recordUpdate(db, update(visitAt('blog.example', T0)), 1);
    await db.clear('visits'); // events left behind by their visits, as before they went together
    expect(await forgetData(db, { scope: 'site', host: 'clinic.example' })).toMatchObject({ visits: 0, events: 1 });
    expect((await db.getAll('events')).map((event) => event.host)).toEqual(['blog.example']);
    const day = new Date(T0);
    await forgetData(db, { scope: 'day', day: `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}` });
    expect(await db.count('events')).toBe(0);
  });

  it('marks the model for relearning even when no visit of the site is stored (the model may still know it)', async () => {
    await db.put('model', { snapshot: {} as never, lastSeq: 0, savedAt: T0 }, 'checkpoint');
    expect(await forgetData(db, { scope: 'site', host: 'imported.example' })).toEqual({ visits: 0, events: 0, relearn: true });
    expect((await db.get('model', 'checkpoint'))?.relearn).toBe(true);
  });
});

describe('tombstones', () => {
  it('keep a forgotten visit, site, day or everything from being reported back by a page still open', async () => {
    const open = visitAt('news.example', T0);
    await recordUpdate(db, update(open, false, 'open-visit-one'), 1);
    const [record] = await db.getAll('visits');
    await forgetData(db, { scope: 'visit', id: record.id! }, T0 + 1_000);
    expect(await recordUpdate(db, update(open, true, 'open-visit-one'), 1)).toEqual({ refused: 'forgotten' });

    await recordUpdate(db, update(visitAt('www.video.example', T0), false, 'open-visit-two'), 2);
    await forgetData(db, { scope: 'site', host: 'video.example' }, T0 + 2_000);
    expect(await recordUpdate(db, update(visitAt('www.video.example', T0), true, 'open-visit-two'), 2)).toEqual({ refused: 'forgotten' });
    // Visited again after the forget: new data, recorded.
    expect(await recordUpdate(db, update(visitAt('video.example', T0 + 3_000), true, 'new-visit-three'), 2)).toMatchObject({ finished: true });

    await recordUpdate(db, update(visitAt('docs.example', T0), false, 'open-visit-four'), 3);
    await forgetData(db, { scope: 'all' }, T0 + 4_000);
    expect(await recordUpdate(db, update(visitAt('docs.example', T0), true, 'open-visit-four'), 3)).toEqual({ refused: 'forgotten' });
    expect(await db.count('visits')).toBe(0);
  });

  it('keep a forgotten site out of the referrers of later reports, and keep no readable trace of it', async () => {
    await forgetData(db, { scope: 'site', host: 'clinic.example' }, T0);
    expect(JSON.stringify(await db.getAll('forgotten'))).not.toContain('clinic');
    await recordUpdate(db, update(visitAt('blog.example', T0 + 1_000, { referrerHost: 'clinic.example' })), 1);
    expect((await db.getAll('visits'))[0].referrerHost).toBe('');
  });

  it('keep forgotten visits and paused times out of an import of history', async () => {
    await forgetData(db, { scope: 'site', host: 'clinic.example' }, T0);
    await updateSettings(db, { paused: true }, T0 + 10_000);
    await updateSettings(db, { paused: false }, T0 + 20_000);
    const added = await addFinishedVisits(db, [
      { key: 'history-1', visit: visitAt('clinic.example', T0 - 5_000, { source: 'history' }) },
      { key: 'history-2', visit: visitAt('blog.example', T0 - 4_000, { source: 'history', referrerHost: 'clinic.example' }) },
      { key: 'history-3', visit: visitAt('diary.example', T0 + 15_000, { source: 'history' }) },
      { key: 'history-4', visit: visitAt('news.example', T0 + 25_000, { source: 'history' }) },
    ]);
    expect(added).toBe(2);
    expect((await db.getAll('visits')).map((visit) => [visit.host, visit.referrerHost])).toEqual([['blog.example', ''], ['news.example', '']]);
  });

  it('keep a pause still going on through forgetting everything, so that what is browsed during it stays out of an import', async () => {
    await updateSettings(db, { paused: true }, T0);
    await forgetData(db, { scope: 'all' }, T0 + DAY);
    await updateSettings(db, { paused: false }, T0 + 3 * DAY);
    expect((await db.getAll('forgotten')).map((tombstone) => tombstone.scope).sort()).toEqual(['all', 'paused']);
    const added = await addFinishedVisits(db, [
      { key: 'other-browser-1', visit: visitAt('diary.example', T0 + 2 * DAY) }, // after the forget, still paused
      { key: 'other-browser-2', visit: visitAt('news.example', T0 + 4 * DAY) }, // after the resume
    ]);
    expect(added).toBe(1);
    expect(await hosts()).toEqual(['news.example']);
  });
});

describe('retention', () => {
  it('cuts at the start of a local day, so the model is relearned at most once a day', () => {
    const cut = new Date(retentionCut(90, T0));
    expect([cut.getHours(), cut.getMinutes()]).toEqual([0, 0]);
    expect(retentionCut(90, T0 + 3_600_000)).toBe(cut.getTime());
    expect(T0 - cut.getTime()).toBeGreaterThanOrEqual(90 * DAY);
  });

  it('deletes old visits with their events, keeps no event longer than its visits, and marks the model for relearning', async () => {
    await db.put('model', { snapshot: {} as never, lastSeq: 0, savedAt: T0 }, 'checkpoint');
    await recordUpdate(db, update(visitAt('old.example', T0 - 40 * DAY)), 1);
    await recordUpdate(db, update(visitAt('kept.example', T0 - 2 * DAY)), 1);
    await forgetData(db, { scope: 'site', host: 'gone.example' }, T0 - 35 * DAY); // an old tombstone
    const removed = await applyRetention(db, 30, 365, T0); // events asked to outlive their visits
    expect(removed).toEqual({ visits: 1, events: 1, relearn: true });
    expect(await hosts()).toEqual(['kept.example']);
    expect((await db.getAll('events')).map((event) => event.host)).toEqual(['kept.example']);
    // The site's tombstone gives way to one for everything before it: no trace of the site is kept.
    expect(await db.getAll('forgotten')).toEqual([{ id: 2, scope: 'all', at: T0 - 35 * DAY, retention: true }]);
    expect((await db.get('model', 'checkpoint'))?.relearn).toBe(true);
  });

  it('lets nothing forgotten back in once the retention is raised: a file\'s visits from before a forget past the cut stay out', async () => {
    await forgetData(db, { scope: 'site', host: 'gone.example' }, T0 - 35 * DAY);
    const day = new Date(T0 - 40 * DAY);
    await forgetData(db, { scope: 'day', day: `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}` }, T0 - 20 * DAY);
    await applyRetention(db, 30, 7, T0); // the site's tombstone is past the cut, the day's is not
    expect((await db.getAll('forgotten')).map((tombstone) => tombstone.scope).sort()).toEqual(['all', 'day']);
    // The retention raised to a year, a file of before comes in: of then, only what began after the last forget past the cut.
    const added = await addFinishedVisits(db, [
      { key: 'file-1', visit: visitAt('gone.example', T0 - 36 * DAY) },
      { key: 'file-2', visit: visitAt('other.example', T0 - 36 * DAY) },
      { key: 'file-3', visit: visitAt('other.example', T0 - 34 * DAY) },
    ]);
    expect(added).toBe(1);
    expect(await hosts()).toEqual(['other.example']);
  });
});
