// Limits on what one page can make Tabula store. A person opens a few pages a minute in a tab; a
// hostile page that changes its address every second would make 3,600 visits an hour, and one
// that reports in a loop would keep the database busy. So: at most VISITS_PER_TAB new visits a
// minute in a tab and VISITS_PER_HOST a minute on a site across tabs, and reports per tab from a
// bucket that refills at REPORTS_PER_MINUTE. A visit already let in always gets its final report
// through, once, so the pages a person reads are never cut short by the limits.

export const VISITS_PER_TAB = 12;
export const VISITS_PER_HOST = 30;
export const REPORTS_PER_MINUTE = 40;
const MINUTE = 60_000;
/** Visits remembered, so that their later reports are known; the oldest are forgotten past this. */
const KNOWN_VISITS = 2_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class FloodGate {
  /** Visits let in, by key: whether their final report has been let through. */
  private readonly known = new Map<string, { finalSeen: boolean }>();
  private readonly newVisits = new Map<string, number[]>();
  private readonly buckets = new Map<number, Bucket>();

  /** Whether to store this report: false once its tab or site is over a limit. */
  admit(key: string, host: string, tabId: number | undefined, now: number, final = false): boolean {
    const known = this.known.get(key);
    if (known && final && !known.finalSeen) {
      known.finalSeen = true;
      return true;
    }
    if (tabId !== undefined && !this.take(tabId, now)) return false;
    if (known) return true;
    const byTab = tabId === undefined ? undefined : this.recent(`tab:${tabId}`, now);
    const byHost = this.recent(`host:${host}`, now);
    if ((byTab && byTab.length >= VISITS_PER_TAB) || byHost.length >= VISITS_PER_HOST) return false;
    byTab?.push(now);
    byHost.push(now);
    this.remember(key, final);
    return true;
  }

  /** Times of the new visits of a tab or site within the last minute (a live list). */
  private recent(name: string, now: number): number[] {
    const times = (this.newVisits.get(name) ?? []).filter((at) => now - at < MINUTE);
    this.newVisits.set(name, times);
    if (this.newVisits.size > KNOWN_VISITS) this.dropQuiet(now);
    return times;
  }

  private take(tabId: number, now: number): boolean {
    const bucket = this.buckets.get(tabId) ?? { tokens: REPORTS_PER_MINUTE, at: now };
    bucket.tokens = Math.min(REPORTS_PER_MINUTE, bucket.tokens + ((now - bucket.at) * REPORTS_PER_MINUTE) / MINUTE);
    bucket.at = now;
    this.buckets.set(tabId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens--;
    return true;
  }

  private remember(key: string, finalSeen: boolean): void {
    this.known.set(key, { finalSeen });
    if (this.known.size > KNOWN_VISITS) this.known.delete(this.known.keys().next().value as string);
  }

  private dropQuiet(now: number): void {
    for (const [name, times] of this.newVisits) if (times.every((at) => now - at >= MINUTE)) this.newVisits.delete(name);
  }
}
