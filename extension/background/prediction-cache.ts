// Each open tab's latest prediction, kept in storage.session for the popup (what the area holds
// and the popup's read of it: kept-prediction.ts). The background writes an entry when a tab's
// visit is reported or predicted, and drops entries when their tab closes or when the data or
// model behind them changes (forget, settings, reset, import, relearning).
import type { TabPrediction } from '../contract-types';
import { keptPredictions, LATEST_KEY, tabKey, type CachedPrediction, type LatestPrediction } from '../kept-prediction';

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
  const area = keptPredictions();
  if (!area) return;
  if (!KEPT.includes(prediction.status)) return dropTabPrediction(tabId);
  protecting ??= area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined) ?? Promise.resolve();
  await protecting;
  // Checked last, right before the write: a clear or drop since the prediction was computed wins.
  if (since !== generation) return;
  const entry: CachedPrediction = { prediction, storageFullAt, savedAt: Date.now() };
  if (latest) latestTab = tabId;
  const asLatest = tabId === latestTab ? { [LATEST_KEY]: { tabId, entry } satisfies LatestPrediction } : {};
  await area.set({ [tabKey(tabId)]: entry, ...asLatest });
}

/** Drops a tab's entry (its page was left, or it closed), and the copy as the last reported if it is that. */
export async function dropTabPrediction(tabId: number): Promise<void> {
  generation++; // a prediction of the page left, still being computed, must not land after this
  if (latestTab === tabId) latestTab = undefined;
  const area = keptPredictions();
  if (!area) return;
  const latest = (await area.get(LATEST_KEY))[LATEST_KEY];
  await area.remove(latest?.tabId === tabId ? [tabKey(tabId), LATEST_KEY] : tabKey(tabId));
}

/** Drops every entry: the data or the model behind them has changed. The area holds nothing else. */
export async function clearPredictions(): Promise<void> {
  generation++;
  latestTab = undefined;
  await keptPredictions()?.clear();
}
