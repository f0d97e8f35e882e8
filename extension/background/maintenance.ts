// Housekeeping on a timer and on tab close: finish visits whose page went quiet, apply retention,
// and learn whatever is pending.
import { database } from '../storage/db';
import { applyRetention } from '../storage/forget';
import { getSettings } from '../storage/settings';
import { finishOpenVisits } from '../storage/visits';
import { catchUp } from './learner-service';

export const MAINTENANCE_ALARM = 'tabula-maintenance';
/** An open visit not updated for this long is finished (its tab crashed or its last report was lost). */
const QUIET_MS = 30 * 60_000;

export async function maintain(now = Date.now()): Promise<void> {
  const db = await database();
  await finishOpenVisits(db, { idleMs: QUIET_MS, now });
  const settings = await getSettings(db);
  await applyRetention(db, settings.visitRetentionDays, settings.eventRetentionDays, now);
  await catchUp();
}

export async function onTabClosed(tabId: number): Promise<void> {
  if ((await finishOpenVisits(await database(), { tabId })) > 0) await catchUp();
}
