// The time report on fake-indexeddb: active time per day, per site, today against the usual day and
// by hour, from the stored visits alone, so that forgetting and retention take their time away at once.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open, type Database } from '../../extension/storage/db';
import { applyRetention, forgetData } from '../../extension/storage/forget';
import { REPORT_DAYS, timeReport, TOP_SITES } from '../../extension/storage/time-report';
import type { Visit } from '../../model/visit';
import { visitAt } from './fixtures';

const MIN = 60_000;
const NOW = new Date(2026, 10, 28, 15, 30).getTime(); // a Saturday afternoon, local time
/** `hour`:`minute` local time, `daysAgo` days before NOW's day. */
const at = (daysAgo: number, hour: number, minute = 0) => new Date(2026, 10, 28 - daysAgo, hour, minute).getTime();

let db: Database;
let name = 0;
let seq = 0;

beforeEach(async () => {
  db = await open(`time-report-test-${++name}`);
});
afterEach(() => db.close());

async function store(host: string, startedAt: number, activeMinutes: number, overrides: Partial<Visit> = {}) {
  seq++;
  await db.put('visits', { ...visitAt(host, startedAt, { activeMs: activeMinutes * MIN, ...overrides }), key: `k${seq}`, seq });
}

/** Five days of 10 minutes on a.example at 9:00, one of them with 30 more on b.example at 20:00; today 20 + 5. */
async function aWeek() {
  for (let daysAgo = 1; daysAgo <= 5; daysAgo++) await store('a.example', at(daysAgo, 9), 10);
  await store('b.example', at(3, 20), 30);
  await store('a.example', at(0, 9), 20);
  await store('c.example', at(0, 14), 5);
}

describe('the time report', () => {
  it('gives the active time of each of the last four weeks’ days, today last', async () => {
    await aWeek();
    const { days } = await timeReport(db, NOW);
    expect(days).toHaveLength(REPORT_DAYS);
    expect(days.at(-1)).toEqual({ day: '2026-11-28', activeMs: 25 * MIN });
    expect(days[0].day).toBe('2026-11-01');
    expect(days.slice(-6).map((d) => d.activeMs / MIN)).toEqual([10, 10, 40, 10, 10, 25]);
    expect(days.slice(0, -6).every((d) => d.activeMs === 0)).toBe(true);
  });

  it('compares today with the median of the days before it, in all and up to this time of day', async () => {
    await aWeek();
    const { today } = await timeReport(db, NOW);
    expect(today).toEqual({ activeMs: 25 * MIN, usualMs: 10 * MIN, usualByNowMs: 10 * MIN, usualDays: 5 });
    // At 21:00 the 20:00 visit of three days ago is before this time of day: still a median of 10.
    // With two more days of an hour each the median moves.
    await store('b.example', at(2, 11), 60);
    await store('b.example', at(4, 11), 60);
    const later = (await timeReport(db, at(0, 21))).today;
    expect(later.usualMs).toBe(40 * MIN); // 10, 40, 70, 70, 10 → 40
    expect(later.usualByNowMs).toBe(40 * MIN);
    expect((await timeReport(db, at(0, 10, 30))).today.usualByNowMs).toBe(10 * MIN); // by 10:30 only the 9:00 visits count
  });

  it('has no usual day before there is a day before today', async () => {
    await store('a.example', at(0, 9), 20);
    expect((await timeReport(db, NOW)).today).toEqual({ activeMs: 20 * MIN, usualMs: null, usualByNowMs: null, usualDays: 0 });
  });

  it('names the sites with the most time and sums the others', async () => {
    for (let i = 0; i < TOP_SITES + 2; i++) {
      await store(`site${i}.example`, at(1, 10), i + 1);
      await store(`site${i}.example`, at(2, 10), i + 1);
    }
    const { sites, otherSites } = await timeReport(db, NOW);
    expect(sites.map((s) => s.host)).toEqual(Array.from({ length: TOP_SITES }, (_, i) => `site${TOP_SITES + 1 - i}.example`));
    expect(sites[0]).toEqual({ host: `site${TOP_SITES + 1}.example`, activeMs: 2 * (TOP_SITES + 2) * MIN, visits: 2 });
    expect(otherSites).toEqual({ sites: 2, activeMs: 2 * (1 + 2) * MIN, visits: 4 });
  });

  it('spreads the time over the hours of the day: an average of the days before today, from the first with a visit, and today', async () => {
    await aWeek();
    await store('a.example', at(7, 9), 12); // a week ago; the two days after it without browsing count as days
    const { byHour } = await timeReport(db, NOW);
    expect(byHour.averageMs).toHaveLength(24);
    expect(byHour.averageMs![9]).toBeCloseTo((5 * 10 + 12) * MIN / 7, 6);
    expect(byHour.averageMs![20]).toBeCloseTo(30 * MIN / 7, 6);
    expect(byHour.averageMs![14]).toBe(0); // today's 14:00 visit is not in the average
    expect(byHour.todayMs[14]).toBe(5 * MIN);
    expect(byHour.todayMs.reduce((a, b) => a + b)).toBe(25 * MIN);
  });

  it('has no average day before there is a day before today', async () => {
    await store('a.example', at(0, 9), 20);
    expect((await timeReport(db, NOW)).byHour).toMatchObject({ averageMs: null });
  });

  it('leaves out what is older than four weeks, later than now, without time on record, or damaged', async () => {
    await store('old.example', at(REPORT_DAYS, 23, 59), 10);
    await store('first.example', at(REPORT_DAYS - 1, 0, 0), 7);
    await store('later.example', at(0, 16), 10);
    await store('history.example', at(1, 10), 0, { source: 'history' });
    seq++;
    await db.put('visits', { ...visitAt('broken.example', at(1, 12)), activeMs: '5' as unknown as number, key: 'broken', seq });
    seq++;
    await db.put('visits', { ...visitAt('broken.example', at(1, 12)), host: undefined as unknown as string, key: 'no-host', seq });
    const report = await timeReport(db, NOW);
    expect(report.sites.map((s) => s.host)).toEqual(['first.example']);
    expect(report.days[0].activeMs).toBe(7 * MIN);
  });

  it('loses a forgotten site’s time at once', async () => {
    await aWeek();
    await store('www.b.example', at(0, 12), 15);
    const before = await timeReport(db, NOW);
    expect(before.sites.map((s) => s.host)).toEqual(['a.example', 'b.example', 'www.b.example', 'c.example']);
    await forgetData(db, { scope: 'site', host: 'b.example' }, NOW);
    const after = await timeReport(db, NOW);
    expect(after.sites.map((s) => s.host)).toEqual(['a.example', 'c.example']);
    expect(after.days.slice(-6).map((d) => d.activeMs / MIN)).toEqual([10, 10, 10, 10, 10, 25]);
    expect(after.byHour.averageMs![20]).toBe(0);
    expect(after.today.activeMs).toBe(25 * MIN);
  });

  it('loses the time of the days that retention cuts', async () => {
    await aWeek();
    await applyRetention(db, 3, 3, NOW); // keeps the visits begun from three days ago on
    const { days, sites } = await timeReport(db, NOW);
    expect(days.slice(-6).map((d) => d.activeMs / MIN)).toEqual([0, 0, 40, 10, 10, 25]);
    expect(sites.find((s) => s.host === 'a.example')?.activeMs).toBe((3 * 10 + 20) * MIN);
  });
});
