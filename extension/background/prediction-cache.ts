// Each open tab's latest prediction, kept in storage.session (memory only, gone when the browser
// closes, out of content scripts' reach) so that the popup can show it at once, even while the
// background is asleep, and then replace it with the live answer. The background writes an entry
// when a tab's visit is reported or predicted, and drops entries when their tab closes or when
// the data or model behind them changes (forget, settings, reset, import, relearning).
import { browser, sessionArea } from '../browser-api';
import type { TabPrediction } from '../contract-types';
import { pageUrl } from '../validate';

export interface CachedPrediction {
  prediction: TabPrediction;
  /** The background's `storageFullAt` when the entry was written, so the popup lays out its warning at once. */
  storageFullAt: number;
  savedAt: number;
}

const TAB_KEY = 'prediction:tab:';
/**
 * The entry of the tab whose visit was reported last, again: the page an extension page predicts
 * for, and most often the tab in front, so the popup usually needs one read, not two.
 */
const LATEST_KEY = 'prediction:latest';

interface Latest {
  tabId: number;
  entry: CachedPrediction;
}

/** An entry not refreshed for this long is left unread: its visit has likely been finished as quiet (see maintenance). */
export const CACHED_PREDICTION_MAX_AGE_MS = 30 * 60_000;

/** Only these are kept: predictions for a stored visit. Paused or excluded pages leave nothing. */
const KEPT: TabPrediction['status'][] = ['ok', 'no-data'];

/** Counts clears and drops: a write whose prediction was computed before one of them is dropped. */
let generation = 0;
let protecting: Promise<void> | undefined;
/** The tab last written as the last reported, in this worker's life: its copy is refreshed with it. */
let latestTab: number | undefined;

/** Take it before computing a prediction; a clear or drop after that makes `keepPrediction` skip it. */
export function cacheGeneration(): number {
  return generation;
}

/** Stores a tab's prediction (or drops the tab's entry when the prediction is not one to keep). */
export async function keepPrediction(tabId: number, prediction: TabPrediction, since: number, storageFullAt: number, latest = false): Promise<void> {
  const area = sessionArea();
  if (!area) return;
  if (!KEPT.includes(prediction.status)) return dropTabPrediction(tabId);
  protecting ??= area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined) ?? Promise.resolve();
  await protecting;
  // Checked last, right before the write: a clear or drop since the prediction was computed wins.
  if (since !== generation) return;
  const entry: CachedPrediction = { prediction, storageFullAt, savedAt: Date.now() };
  if (latest) latestTab = tabId;
  const asLatest = tabId === latestTab ? { [LATEST_KEY]: { tabId, entry } satisfies Latest } : {};
  await area.set({ [keyOf(tabId)]: entry, ...asLatest });
}

/** Drops a tab's entry (its page was left, or it closed), and the copy as the last reported if it is that. */
export async function dropTabPrediction(tabId: number): Promise<void> {
  generation++; // a prediction of the page left, still being computed, must not land after this
  if (latestTab === tabId) latestTab = undefined;
  const area = sessionArea();
  if (!area) return;
  const latest = (await area.get(LATEST_KEY))[LATEST_KEY] as Latest | undefined;
  await area.remove(latest?.tabId === tabId ? [keyOf(tabId), LATEST_KEY] : keyOf(tabId));
}

/** Drops every entry: the data or the model behind them has changed. The area holds nothing else. */
export async function clearPredictions(): Promise<void> {
  generation++;
  latestTab = undefined;
  await sessionArea()?.clear();
}

/**
 * For the popup: the entry of the tab it was opened over, chosen as the background chooses the
 * page to predict for (that tab's visit; from an extension page, the last reported one).
 */
export async function readTabPrediction(now = Date.now()): Promise<CachedPrediction | undefined> {
  const area = sessionArea();
  if (!area) return undefined;
  const [[tab], found] = await Promise.all([browser.tabs.query({ active: true, currentWindow: true }), area.get(LATEST_KEY)]);
  if (!tab || tab.incognito || tab.id === undefined) return undefined;
  const latest = found[LATEST_KEY] as Latest | undefined;
  const ownPage = tab.url?.startsWith(browser.runtime.getURL('')) ?? false; // never has a visit of its own
  const elsewhere = !tab.url || ownPage;
  let entry = latest?.tabId === tab.id ? latest.entry : undefined;
  if (!entry && !ownPage) entry = (await area.get(keyOf(tab.id)))[keyOf(tab.id)] as CachedPrediction | undefined;
  if (!entry && elsewhere) entry = latest?.entry;
  if (!entry || now - entry.savedAt > CACHED_PREDICTION_MAX_AGE_MS) return undefined;
  // The tab may have moved to another page whose visit is not reported yet.
  if (!elsewhere && entry.prediction.url !== pageAddress(tab.url!)) return undefined;
  return entry;
}

function keyOf(tabId: number): string {
  return TAB_KEY + tabId;
}

/** The address as visits store it (pageUrl's rule), or undefined for anything but a web page. */
function pageAddress(raw: string): string | undefined {
  try {
    return pageUrl(raw).url;
  } catch {
    return undefined;
  }
}
