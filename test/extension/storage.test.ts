// IndexedDB storage on fake-indexeddb: recording, finishing in learning order, forgetting,
// retention and pruning under pressure.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, type Database } from '../../extension/storage/db';
import { finishOpenVisits, lastFinishedSeq, latestOpenVisit, openVisitOfTab, recordUpdate, visitsAfter } from '../../extension/storage/visits';
import { applyRetention, countForget, forgetData } from '../../extension/storage/forget';
import { pruneOldestEvents } from '../../extension/storage/pressure';
import { habits, queryVisits } from '../../extension/storage/query';
import { update, visitAt } from './fixtures';

const T0 = new Date(2026, 10, 20, 9, 0).getTime();
let db: Database;
let name = 0;

beforeEach(async () => {
  db = await open(`storage-test-${++name}`);
});
afterEach(() => db.close());

describe('recording visits', () => {
  it('keeps one record per visit key, the latest report winning, and an event per report', async () => {
    const key = 'visit-key-0001';
    await recordUpdate(db, update(visitAt('a.example', T0, { activeMs: 1000, path: '/x' }), false, key), 7);
    await recordUpdate(db, update(visitAt('a.example', T0, { activeMs: 9000, path: '/x' }), false, key), 7);
    const visits = await db.getAll('visits');
    expect(visits).toHaveLength(1);
    expect(visits[0].activeMs).toBe(9000);
    expect(visits[0].seq).toBeUndefined();
    expect(await db.count('events')).toBe(2);
    expect((await openVisitOfTab(db, 7))?.key).toBe(key);
  });

  it('gives finished visits increasing seqs in the order they finish, and ignores later reports', async () => {
    await recordUpdate(db, update(visitAt('a.example', T0), false, 'first-visit-key'), 1);
    await recordUpdate(db, update(visitAt('b.example', T0 + 1000), true, 'second-visit-key'), 2);
    await recordUpdate(db, update(visitAt('a.example', T0), true, 'first-visit-key'), 1);
    expect((await visitsAfter(db, 0)).map((v) => v.host)).toEqual(['b.example', 'a.example']);
    expect(await recordUpdate(db, update(visitAt('a.example', T0), true, 'first-visit-key'), 1)).toEqual({ refused: 'finished' });
    expect(await lastFinishedSeq(db)).toBe(2);
    expect((await visitsAfter(db, 1)).map((v) => v.seq)).toEqual([2]);
  });

  it('finishes the previous open visit of a tab when a new page reports', async () => {
    await recordUpdate(db, update(visitAt('a.example', T0), false, 'tab-visit-one'), 3);
    const result = await recordUpdate(db, update(visitAt('b.example', T0 + 5000), false, 'tab-visit-two'), 3);
    expect(result).toMatchObject({ finished: true });
    expect((await visitsAfter(db, 0)).map((v) => v.key)).toEqual(['tab-visit-one']);
    expect((await openVisitOfTab(db, 3))?.key).toBe('tab-visit-two');
  });

  it('finishes visits of a closed tab, and quiet ones after a while', async () => {
    await recordUpdate(db, update(visitAt('a.example', T0), false, 'closed-tab-visit'), 4);
    await recordUpdate(db, update(visitAt('b.example', T0), false, 'quiet-tab-visit'), 5);
    await recordUpdate(db, update(visitAt('c.example', T0 + 3_600_000), false, 'recent-visit'), 6);
    expect(await finishOpenVisits(db, { tabId: 4 })).toBe(1);
    expect(await finishOpenVisits(db, { idleMs: 30 * 60_000, now: T0 + 3_700_000 })).toBe(1);
    expect((await latestOpenVisit(db))?.key).toBe('recent-visit');
    expect((await visitsAfter(db, 0)).map((v) => v.key)).toEqual(['closed-tab-visit', 'quiet-tab-visit']);
  });
});

describe('forgetting', () => {
  beforeEach(async () => {
    await recordUpdate(db, update(visitAt('news.example', T0)), 1);
    await recordUpdate(db, update(visitAt('news.example', T0 + 86_400_000)), 1);
    await recordUpdate(db, update(visitAt('code.example', T0 + 2 * 86_400_000)), 1);
  });

  it('forgets a site with its events', async () => {
    expect(await forgetData(db, { scope: 'site', host: 'news.example' })).toEqual({ visits: 2, events: 2, relearn: true });
    expect((await db.getAll('visits')).map((v) => v.host)).toEqual(['code.example']);
    expect(await db.count('events')).toBe(1);
  });

  it('forgets a day in local time', async () => {
    const day = new Date(T0 + 86_400_000);
    const name = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect((await forgetData(db, { scope: 'day', day: name })).visits).toBe(1);
    expect(await db.count('visits')).toBe(2);
    await expect(forgetData(db, { scope: 'day', day: '2026-02-31' })).rejects.toThrow('not a day');
  });

  it('forgets one visit, and everything', async () => {
    const [first] = await db.getAll('visits');
    expect((await forgetData(db, { scope: 'visit', id: first.id! })).visits).toBe(1);
    expect(await forgetData(db, { scope: 'all' })).toEqual({ visits: 2, events: 2, relearn: true });
    expect(await db.count('visits')).toBe(0);
  });
});

describe('retention and pressure', () => {
  it('deletes visits and events past their retention', async () => {
    await recordUpdate(db, update(visitAt('old.example', T0 - 100 * 86_400_000)), 1);
    await recordUpdate(db, update(visitAt('mid.example', T0 - 10 * 86_400_000)), 1);
    await recordUpdate(db, update(visitAt('new.example', T0)), 1);
    expect(await applyRetention(db, 90, 7, T0)).toEqual({ visits: 1, events: 2, relearn: true });
    expect((await db.getAll('visits')).map((v) => v.host).sort()).toEqual(['mid.example', 'new.example']);
  });

  it('prunes the oldest events first and keeps every visit', async () => {
    for (let i = 0; i < 20; i++) await recordUpdate(db, update(visitAt('a.example', T0 + i * 1000, { endedAt: T0 + i * 1000 })), 1);
    expect(await pruneOldestEvents(db, 0.25, 5)).toBe(5);
    const left = (await db.getAll('events')).map((e) => e.at);
    expect(Math.min(...left)).toBe(T0 + 5000);
    expect(await db.count('visits')).toBe(20);
  });
});

describe('reading', () => {
  it('searches visits newest first and pages them', async () => {
    await recordUpdate(db, update(visitAt('a.example', T0, { title: 'Typescript generics' })), 1);
    await recordUpdate(db, update(visitAt('b.example', T0 + 1000, { title: 'Cooking pasta' })), 1);
    await recordUpdate(db, update(visitAt('c.example', T0 + 2000, { title: 'TypeScript enums' })), 1);
    const found = await queryVisits(db, { search: 'typescript' });
    expect(found.total).toBe(2);
    expect(found.visits.map((v) => v.host)).toEqual(['c.example', 'a.example']);
    expect((await queryVisits(db, { limit: 1, offset: 1 })).visits.map((v) => v.host)).toEqual(['b.example']);
  });

  it('counts habits by weekday and hour', async () => {
    await recordUpdate(db, update(visitAt('a.example', T0)), 1);
    await recordUpdate(db, update(visitAt('a.example', T0 + 60_000)), 1);
    const grid = await habits(db);
    expect(grid[new Date(T0).getDay()][9]).toBe(2);
    expect(grid.flat().reduce((a, b) => a + b)).toBe(2);
  });
});

describe('counting what a forget would remove', () => {
  it('counts without deleting', async () => {
    await recordUpdate(db, update(visitAt('news.example', T0), false, 'counted-visit-1'), 1);
    await recordUpdate(db, update(visitAt('news.example', T0), true, 'counted-visit-1'), 1);
    expect(await countForget(db, { scope: 'site', host: 'news.example' })).toEqual({ visits: 1, events: 2 });
    expect(await db.count('visits')).toBe(1);
  });
});

describe('upgrading the database', () => {
  it('keeps the visits of version 1 and gives new visits the seqs after theirs', async () => {
    const old = await open(`storage-upgrade-${name}`, 1);
    expect([...old.objectStoreNames]).not.toContain('counters');
    await old.put('visits', { ...visitAt('a.example', T0), key: 'version-one-visit', seq: 41 });
    old.close();
    const upgraded = await open(`storage-upgrade-${name}`);
    await recordUpdate(upgraded, update(visitAt('b.example', T0 + 1000)), 1);
    expect((await visitsAfter(upgraded, 0)).map((v) => [v.host, v.seq])).toEqual([['a.example', 41], ['b.example', 42]]);
    upgraded.close();
  });
  it('brings visits stored before version 3 under the privacy rules, and marks the model for relearning', async () => {
    const old = await open(`storage-upgrade-rules-${name}`, 2);
    await old.put('visits', { ...visitAt('www.google.com', T0, { path: '/search', title: 'hiv test results - Google Search' }), key: 'old-search', seq: 1 });
    await old.put('visits', { ...visitAt('mail.example', T0, { title: 'Inbox (3) – jane.doe@example.org' }), key: 'old-mail', seq: 2 });
    await old.put('visits', { ...visitAt('news.example', T0, { title: 'Rivers rise', referrerHost: 'www.paypal.com' }), key: 'old-news', seq: 3 });
    await old.put('model', { snapshot: {} as never, lastSeq: 3, savedAt: T0 }, 'checkpoint');
    old.close();
    const upgraded = await open(`storage-upgrade-rules-${name}`);
    const visits = await upgraded.getAll('visits');
    expect(visits.map((visit) => [visit.title, visit.referrerHost])).toEqual([['', ''], ['Inbox (3) –', ''], ['Rivers rise', '']]);
    expect((await upgraded.get('model', 'checkpoint'))?.relearn).toBe(true);
    upgraded.close();
  });
  it('cuts the paths of results pages stored before version 4 to what names them one, past a damaged record, and marks the model for relearning', async () => {
    const old = await open(`storage-upgrade-paths-${name}`, 3);
    await old.put('visits', { ...visitAt('odd.example', T0, { path: '/a' }), keywords: 5 as never, key: 'old-damaged', seq: 1 });
    await old.put('visits', { ...visitAt('shop.example', T0, { path: '/search/hiv-test-kit', kind: 'search', title: '' }), key: 'old-results', seq: 2 });
    await old.put('visits', { ...visitAt('news.example', T0, { path: '/uk/rivers-rise' }), key: 'old-news', seq: 3 });
    await old.put('model', { snapshot: {} as never, lastSeq: 3, savedAt: T0 }, 'checkpoint');
    old.close();
    const upgraded = await open(`storage-upgrade-paths-${name}`);
    expect((await upgraded.getAll('visits')).map((visit) => [visit.url, visit.kind])).toEqual([
      ['https://odd.example/a', 'article'],
      ['https://shop.example/search', 'search'],
      ['https://news.example/uk/rivers-rise', 'article'],
    ]);
    expect((await upgraded.get('model', 'checkpoint'))?.relearn).toBe(true);
    upgraded.close();
  });
  it('takes the e-mail addresses out of the paths stored before version 5, and marks the model for relearning', async () => {
    const old = await open(`storage-upgrade-mail-${name}`, 4);
    await old.put('visits', { ...visitAt('outlook.example', T0, { path: '/mail/jane.doe@example.org/inbox', title: 'Inbox' }), key: 'old-mailbox', seq: 1 });
    await old.put('visits', { ...visitAt('medium.example', T0, { path: '/@jane/rivers-rise' }), key: 'old-handle', seq: 2 });
    await old.put('model', { snapshot: {} as never, lastSeq: 2, savedAt: T0 }, 'checkpoint');
    old.close();
    const upgraded = await open(`storage-upgrade-mail-${name}`);
    expect((await upgraded.getAll('visits')).map((visit) => [visit.key, visit.url, visit.path])).toEqual([
      ['old-mailbox', 'https://outlook.example/mail/@/inbox', '/mail/@/inbox'],
      ['old-handle', 'https://medium.example/@jane/rivers-rise', '/@jane/rivers-rise'],
    ]);
    expect((await upgraded.get('model', 'checkpoint'))?.relearn).toBe(true);
    upgraded.close();
  });

  it('takes the addresses escaped twice out of the paths stored before version 6, and marks the model for relearning', async () => {
    const old = await open(`storage-upgrade-escaped-${name}`, 5);
    await old.put('visits', { ...visitAt('outlook.example', T0, { path: '/mail/jane.doe%2540example.org/inbox', title: 'Inbox' }), key: 'old-mailbox', seq: 1 });
    await old.put('visits', { ...visitAt('shop.example', T0, { path: '/img/logo@2x.png' }), key: 'old-image', seq: 2 });
    await old.put('model', { snapshot: {} as never, lastSeq: 2, savedAt: T0 }, 'checkpoint');
    old.close();
    const upgraded = await open(`storage-upgrade-escaped-${name}`);
    expect((await upgraded.getAll('visits')).map((visit) => [visit.key, visit.path])).toEqual([
      ['old-mailbox', '/mail/@/inbox'],
      ['old-image', '/img/logo@2x.png'],
    ]);
    expect((await upgraded.get('model', 'checkpoint'))?.relearn).toBe(true);
    upgraded.close();
  });
});
