// Cold start, opt-in: with the optional `history` permission, the browser's recent history becomes
// visits (site, title, time; no interaction known), so predictions help from the first day.
// Titles follow the page text rules, the query a title repeats included (page-text-rules.ts).
import { murmur3 } from '../../model/hash';
import type { Visit } from '../../model/visit';
import { browser } from '../browser-api';
import { InvalidRequest } from '../errors';
import { isExcluded } from '../exclusions';
import { isSearchPage, redactPage, withoutSearchTerms } from '../page-text-rules';
import { database } from '../storage/db';
import { retentionCut } from '../storage/forget';
import { getSettings } from '../storage/settings';
import { addFinishedVisits } from '../storage/visits';
import { pageUrl } from '../validate';
import { catchUp } from './learner-service';

const HISTORY_DAYS = 30;
const MAX_ITEMS = 5_000;

/** Imports recent history; returns how many visits were added. */
export async function importHistory(now = Date.now()): Promise<number> {
  if (!(await browser.permissions.contains({ permissions: ['history'] }))) {
    throw new InvalidRequest('Allow Tabula to read your browsing history first.');
  }
  const db = await database();
  const { excluded, visitRetentionDays } = await getSettings(db);
  // Nothing from before the retention cut: Tabula keeps no visit that old, and no longer holds the
  // tombstones of what was forgotten then, which would otherwise come back from the history.
  const from = Math.max(now - HISTORY_DAYS * 86_400_000, retentionCut(visitRetentionDays, now));
  const items = await browser.history.search({ text: '', startTime: from, maxResults: MAX_ITEMS });
  const visits: { key: string; visit: Visit }[] = [];
  for (const item of items) {
    if (!item.url || !/^https?:/.test(item.url) || !item.lastVisitTime || item.lastVisitTime < from) continue;
    const { url, host, path } = pageUrl(item.url);
    if (isExcluded(host, path, excluded)) continue;
    const at = Math.round(item.lastVisitTime);
    const query = new URL(item.url).searchParams;
    const page = historyVisit(url, host, path, (item.title ?? '').slice(0, 300), at);
    // A results page is told by its query here, as by the content script: it is kind `search`,
    // keeps no title, and is stored without what its path may say of the search (its key too).
    if (isSearchPage({ ...page, query })) page.kind = 'search';
    const visit = redactPage(page);
    visits.push({ key: `history-${at}-${murmur3(withoutSearchTerms(visit).url, 0).toString(36)}`, visit });
  }
  visits.sort((a, b) => a.visit.startedAt - b.visit.startedAt);
  const added = await addFinishedVisits(db, visits);
  await catchUp();
  return added;
}

function historyVisit(url: string, host: string, path: string, title: string, at: number): Visit {
  return {
    url, host, path, title, description: '', lang: '', kind: 'other', words: 0, links: 0, images: 0, videos: 0,
    referrerHost: '', activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0,
    startedAt: at, endedAt: at, source: 'history',
  };
}
