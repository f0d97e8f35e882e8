// Cold start, opt-in: with the optional `history` permission, the browser's recent history becomes
// visits (site, title, time; no interaction known), so predictions help from the first day.
// Titles follow the page text rules, the query a title repeats included (page-text-rules.ts).
import { murmur3 } from '../../model/hash';
import type { Visit } from '../../model/visit';
import { browser } from '../browser-api';
import { InvalidRequest } from '../errors';
import { isExcluded } from '../exclusions';
import { isSearchPage, keptAddress, redactPage } from '../page-text-rules';
import { database } from '../storage/db';
import { retentionCut, tombstones } from '../storage/forget';
import { isForgotten } from '../storage/forgotten';
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
  const forgotten = await tombstones(db);
  const visits: { key: string; visit: Visit }[] = [];
  for (const item of items) {
    if (!item.url || !/^https?:/.test(item.url) || !item.lastVisitTime || item.lastVisitTime < from) continue;
    const visit = historyPage(item.url, item.title ?? '', Math.round(item.lastVisitTime));
    if (isExcluded(visit.host, visit.path, excluded)) continue;
    // Keyed by the address as it is kept (a results page's cut, no e-mail address, so no key says
    // what was searched for or whose a page is); a page imported before was keyed by its whole
    // address, which a forget of it names, or its stored record has.
    const key = historyKey(keptAddress(visit).url, visit.startedAt);
    const earlierKey = historyKey(visit.url, visit.startedAt);
    if (earlierKey !== key && (isForgotten({ ...visit, key: earlierKey }, forgotten) || (await db.getKeyFromIndex('visits', 'by-key', earlierKey)) !== undefined)) continue;
    visits.push({ key, visit });
  }
  visits.sort((a, b) => a.visit.startedAt - b.visit.startedAt);
  const added = await addFinishedVisits(db, visits);
  await catchUp();
  return added;
}

/**
 * A page as the browser's history (or a tab not reported yet) knows it: address, title and time,
 * no interaction, kind and sizes unknown. A results page is told by its query, as the content
 * script tells it: it is kind `search`, and keeps no title. The address keeps its whole path: the
 * store keeps it as `keptAddress` says (a results page's cut, no e-mail address) once exclusions
 * and forgets are judged on it.
 */
export function historyPage(rawUrl: string, rawTitle: string, at: number): Visit {
  const { url, host, path } = pageUrl(rawUrl);
  const page: Visit = {
    url, host, path, title: rawTitle.slice(0, 300), description: '', lang: '', kind: 'other', words: 0, links: 0, images: 0,
    videos: 0, referrerHost: '', activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0,
    startedAt: at, endedAt: at, source: 'history',
  };
  if (isSearchPage({ ...page, query: new URL(rawUrl).searchParams })) page.kind = 'search';
  return redactPage(page);
}

function historyKey(url: string, at: number): string {
  return `history-${at}-${murmur3(url, 0).toString(36)}`;
}
