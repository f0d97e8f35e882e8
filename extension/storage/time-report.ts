// Where the time went, as time trackers show it: active time per day over the last four weeks,
// per site, today against the usual day, and by hour of the day. Worked out at each request from
// the visits' index in memory (visit-index.ts), which a forget or the retention cut drops, so
// they change it at once. A visit's active time counts on the day and hour it began; only its host,
// start and active time are read.
import type { Database } from './db';
import { visitIndex } from './visit-index';

export const REPORT_DAYS = 28;
/** Sites named one by one; the others are summed as "other sites". */
export const TOP_SITES = 8;

export interface SiteTime {
  host: string;
  activeMs: number;
  visits: number;
}

export interface TimeReport {
  /** The report's local days, oldest first, today last: `YYYY-MM-DD` and the active time begun that day. */
  days: { day: string; activeMs: number }[];
  /** The sites with the most active time over those days, most first. */
  sites: SiteTime[];
  /** Every other site, summed. */
  otherSites: { sites: number; activeMs: number; visits: number };
  today: {
    activeMs: number;
    /** The median of the days before today (from the first with a visit; days without any count as 0); null with none. */
    usualMs: number | null;
    /** The same median, of each day's time up to this moment of the day. */
    usualByNowMs: number | null;
    usualDays: number;
  };
  /**
   * Active time by hour of the day (0..23): on an average day of those the usual day is the
   * median of (the days before today, from the first with a visit; null with none), and today.
   */
  byHour: { averageMs: number[] | null; todayMs: number[] };
}

/** The report for the four weeks that end with the local day of `now`. */
export async function timeReport(db: Database, now = Date.now()): Promise<TimeReport> {
  const first = dayStarts(now)[0];
  const newestFirst = await visitIndex(db).visits();
  let from = newestFirst.length;
  while (from > 0 && newestFirst[from - 1].startedAt < first) from--; // the report's visits are the newest
  return summariseTime(newestFirst.slice(0, from).reverse(), now);
}

/** The report of visits in the order they began (a record without a host, start or active time is passed over). */
export function summariseTime(visits: unknown[], now: number): TimeReport {
  const starts = dayStarts(now);
  const perDayHour = Array.from({ length: REPORT_DAYS }, () => new Array<number>(24).fill(0));
  const perSite = new Map<string, SiteTime>();
  let firstDay = REPORT_DAYS;
  let day = 0;
  for (const record of visits) {
    if (!isTimed(record) || record.startedAt > now) continue;
    const visit = record;
    while (day + 1 < REPORT_DAYS && visit.startedAt >= starts[day + 1]) day++; // the index gives them in time order
    firstDay = Math.min(firstDay, day);
    perDayHour[day][hourOf(visit.startedAt, starts, day)] += visit.activeMs;
    const site = perSite.get(visit.host) ?? { host: visit.host, activeMs: 0, visits: 0 };
    site.activeMs += visit.activeMs;
    site.visits++;
    perSite.set(visit.host, site);
  }
  const dayTotals = perDayHour.map(sum);
  const bySize = [...perSite.values()].sort((a, b) => b.activeMs - a.activeMs || a.host.localeCompare(b.host));
  const others = bySize.slice(TOP_SITES);
  const previous = perDayHour.slice(firstDay, REPORT_DAYS - 1);
  const todayIndex = REPORT_DAYS - 1;
  const hourNow = (now - starts[todayIndex]) / 3_600_000; // hours into today (wall-clock hours on most days)
  return {
    days: starts.map((start, i) => ({ day: dayKey(start), activeMs: dayTotals[i] })),
    sites: bySize.slice(0, TOP_SITES),
    otherSites: { sites: others.length, activeMs: sum(others.map((s) => s.activeMs)), visits: sum(others.map((s) => s.visits)) },
    today: {
      activeMs: dayTotals[todayIndex],
      usualMs: median(previous.map(sum)),
      usualByNowMs: median(previous.map((hours) => upTo(hours, hourNow))),
      usualDays: previous.length,
    },
    byHour: {
      averageMs: previous.length === 0 ? null : Array.from({ length: 24 }, (_, hour) => sum(previous.map((hours) => hours[hour])) / previous.length),
      todayMs: perDayHour[todayIndex],
    },
  };
}

/** The fields the report reads, checked alone (a full visit check would be most of the report's time). */
function isTimed(record: unknown): record is { host: string; startedAt: number; activeMs: number } {
  const { host, startedAt, activeMs } = (record ?? {}) as Record<string, unknown>;
  return typeof host === 'string' && Number.isFinite(startedAt) && typeof activeMs === 'number' && activeMs > 0 && activeMs < Infinity;
}

const HOUR_MS = 3_600_000;

/** The local hour a moment of day `day` falls in: counted from midnight on a day of 24 hours, asked of the clock on a day the clocks change. */
function hourOf(at: number, starts: number[], day: number): number {
  const length = (day + 1 < starts.length ? starts[day + 1] : starts[day] + 24 * HOUR_MS) - starts[day];
  return length === 24 * HOUR_MS ? Math.floor((at - starts[day]) / HOUR_MS) : new Date(at).getHours();
}

/** The local midnights that begin each of the report's days, oldest first (daylight saving changes included). */
function dayStarts(now: number): number[] {
  const today = new Date(now);
  return Array.from({ length: REPORT_DAYS }, (_, i) =>
    new Date(today.getFullYear(), today.getMonth(), today.getDate() - (REPORT_DAYS - 1 - i)).getTime());
}

/** A day's time up to `hours` into it: the whole hours before, and that share of the hour it falls in. */
function upTo(hours: number[], at: number): number {
  const whole = Math.min(24, Math.floor(at));
  return sum(hours.slice(0, whole)) + (whole < 24 ? hours[whole] * (at - whole) : 0);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function dayKey(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
