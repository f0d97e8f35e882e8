// Housekeeping on a timer and on tab close: finish visits whose page went quiet, apply retention
// (relearning when visits went), and learn whatever is pending.
import { database } from '../storage/db';
import { getSettings } from '../storage/settings';
import { finishOpenVisits } from '../storage/visits';
import { applyRetentionAndRelearn, catchUp } from './learner-service';
import { clearPredictions } from './prediction-cache';

export const MAINTENANCE_ALARM = 'tabula-maintenance';
/** An open visit not updated for this long is finished (its tab crashed or its last report was lost). */
const QUIET_MS = 30 * 60_000;

export async function maintain(now = Date.now()): Promise<void> {
  const db = await database();
  await finishOpenVisits(db, { idleMs: QUIET_MS, now });
  const settings = await getSettings(db);
  const { relearned } = await applyRetentionAndRelearn(settings.visitRetentionDays, settings.eventRetentionDays, now);
  if (relearned > 0) await clearPredictions(); // they were made by a model that knew the deleted visits
  await catchUp();
}

export async function onTabClosed(tabId: number): Promise<void> {
  if ((await finishOpenVisits(await database(), { tabId })) > 0) await catchUp();
}
