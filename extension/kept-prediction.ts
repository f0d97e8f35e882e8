// The predictions the background keeps in storage.session (memory only, gone when the browser
// closes, out of content scripts' reach): what the area holds, and the popup's read of it. The
// popup shows its tab's entry at once, even while the background is asleep, and then replaces it
// with the live answer. The background writes and drops the entries (background/prediction-cache.ts).
import { browser, sessionArea, type SessionArea } from './browser-api';
import type { TabPrediction } from './contract-types';
import { keptAddress } from './page-text-rules';
import { showsSample } from './storage/database-name';
import { pageUrl } from './validate';

export interface CachedPrediction {
  prediction: TabPrediction;
  /** The background's `storageFullAt` when the entry was written, so the popup lays out its warning at once. */
  storageFullAt: number;
  savedAt: number;
}

/** The entry of the tab whose visit was reported last, again, with its tab. */
export interface LatestPrediction {
  tabId: number;
  entry: CachedPrediction;
}

/**
 * Everything storage.session holds: one entry per tab, and a copy of the last reported tab's entry
 * (the page an extension page predicts for, and most often the tab in front, so the popup usually
 * needs one read, not two).
 */
export interface SessionItems {
  'prediction:latest': LatestPrediction;
  [tab: `prediction:tab:${number}`]: CachedPrediction;
}

export const LATEST_KEY = 'prediction:latest';

export function tabKey(tabId: number): `prediction:tab:${number}` {
  return `prediction:tab:${tabId}`;
}

/** The session area, or undefined where the browser has none, and in the sample's page: its predictions are not the user's to keep or read. */
export function keptPredictions(): SessionArea<SessionItems> | undefined {
  return showsSample() ? undefined : sessionArea<SessionItems>();
}

/** An entry not refreshed for this long is left unread: its visit has likely been finished as quiet (see maintenance). */
export const CACHED_PREDICTION_MAX_AGE_MS = 30 * 60_000;

/**
 * For the popup: the entry of the tab it was opened over, chosen as the background chooses the
 * page to predict for (that tab's visit; from an extension page, the last reported one).
 */
export async function readTabPrediction(now = Date.now()): Promise<CachedPrediction | undefined> {
  const area = keptPredictions();
  if (!area) return undefined;
  const [[tab], found] = await Promise.all([browser.tabs.query({ active: true, currentWindow: true }), area.get(LATEST_KEY)]);
  if (!tab || tab.incognito || tab.id === undefined) return undefined;
  const latest = found[LATEST_KEY];
  const ownPage = tab.url?.startsWith(browser.runtime.getURL('')) ?? false; // never has a visit of its own
  const elsewhere = !tab.url || ownPage;
  let entry = latest?.tabId === tab.id ? latest.entry : undefined;
  if (!entry && !ownPage) entry = (await area.get(tabKey(tab.id)))[tabKey(tab.id)];
  if (!entry && elsewhere) entry = latest?.entry;
  if (!entry || now - entry.savedAt > CACHED_PREDICTION_MAX_AGE_MS) return undefined;
  // The tab may have moved to another page whose visit is not reported yet.
  if (!elsewhere && entry.prediction.url !== pageAddress(tab.url!, tab.title ?? '')) return undefined;
  return entry;
}

/**
 * The address as visits store it, or undefined for anything but a web page: without query or
 * fragment (pageUrl's rule), and a results page's cut as the background cuts it, judged by the
 * same rules from the tab's title and query.
 */
function pageAddress(raw: string, title: string): string | undefined {
  try {
    const page = { ...pageUrl(raw), kind: 'other' as const, title };
    return keptAddress(page, new URL(raw).searchParams).url;
  } catch {
    return undefined;
  }
}
