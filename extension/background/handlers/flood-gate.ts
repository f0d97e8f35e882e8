// Limits on what one page can make Tabula store. A hostile page that changes its address every
// second would make 3,600 visits an hour, each a glance: a second or two, nothing done on it. A
// person glances at pages too, in bursts (skimming results, flicking through a gallery), but not
// for minutes on end. So glances come from budgets that refill slowly — per tab, and per site
// across tabs — while a visit the person did something on (a click, a key, a selection, media)
// is always kept. A glance is spent when it is finished, by its last report or by the tab's next
// page (a page left for a new document every second reports each visit as it is left, and the
// next page finishes it), and a visit that is a glance so far is stored only while the budgets
// hold one. Reports of any kind come from a per-tab bucket, so that no page keeps the database
// busy. Budgets are buckets: a burst is spent at once, then refills at its rate.

interface Budget {
  /** The most it holds, and what it refills per minute. */
  burst: number;
  perMinute: number;
}

export const REPORTS_PER_TAB: Budget = { burst: 120, perMinute: 60 };
export const GLANCES_PER_TAB: Budget = { burst: 100, perMinute: 3 };
export const GLANCES_PER_SITE: Budget = { burst: 300, perMinute: 10 };
/** A visit shorter than this with nothing done on it is a glance. */
export const GLANCE_MS = 5_000;
const MINUTE = 60_000;
/** Buckets kept; the fullest (longest unused) are dropped first past this, as a full bucket is a new one. */
const MAX_BUCKETS = 2_000;

export interface Glanced {
  startedAt: number;
  endedAt: number;
  clicks: number;
  keys: number;
  selections: number;
  mediaMs: number;
}

export function isGlance(visit: Glanced): boolean {
  return visit.endedAt - visit.startedAt < GLANCE_MS && visit.clicks === 0 && visit.keys === 0 && visit.selections === 0 && visit.mediaMs === 0;
}

export class FloodGate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Whether a tab may send one more report now. */
  admitReport(tabId: number | undefined, now: number): boolean {
    return tabId === undefined || this.take(`report:${tabId}`, REPORTS_PER_TAB, now);
  }

  /** Whether a finished glance of this tab and site may be stored now; if so, it is spent. */
  admitGlance(tabId: number | undefined, host: string, now: number): boolean {
    if (!this.hasGlance(tabId, host, now)) return false;
    this.spendGlance(tabId, host, now);
    return true;
  }

  /** Whether the budgets of this tab and site hold a glance now (a visit still open that is a glance so far may be stored). */
  hasGlance(tabId: number | undefined, host: string, now: number): boolean {
    const tabHas = tabId === undefined || this.peek(`glance:${tabId}`, GLANCES_PER_TAB, now) >= 1;
    return tabHas && this.peek(`site:${host}`, GLANCES_PER_SITE, now) >= 1;
  }

  /** Spends a glance of this tab and site, as far as their budgets hold one: a glance finished otherwise than by its last report. */
  spendGlance(tabId: number | undefined, host: string, now: number): void {
    if (tabId !== undefined) this.take(`glance:${tabId}`, GLANCES_PER_TAB, now);
    this.take(`site:${host}`, GLANCES_PER_SITE, now);
  }

  private peek(name: string, budget: Budget, now: number): number {
    const bucket = this.buckets.get(name);
    if (!bucket) return budget.burst;
    return Math.min(budget.burst, bucket.tokens + ((now - bucket.at) * budget.perMinute) / MINUTE);
  }

  private take(name: string, budget: Budget, now: number): boolean {
    const tokens = this.peek(name, budget, now);
    if (tokens < 1) return false;
    this.buckets.delete(name); // re-inserted last: the map stays in order of use
    this.buckets.set(name, { tokens: tokens - 1, at: now });
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value as string);
    return true;
  }
}
