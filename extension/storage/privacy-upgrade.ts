// Versions 3 to 6 of the database bring what was stored before them under today's privacy rules:
// titles, descriptions and addresses as page-text-rules.ts keeps them, and no referrer
// that the exclusion list covers. When anything changes, the model is marked for relearning, so it
// forgets it too.
import type { IDBPTransaction, StoreNames } from 'idb';
import { isExcluded } from '../exclusions';
import { keptAddress, redactPage } from '../page-text-rules';
import type { TabulaDB } from './db';
import { DEFAULT_SETTINGS } from './settings';

type UpgradeTransaction = IDBPTransaction<TabulaDB, StoreNames<TabulaDB>[], 'versionchange'>;

/** Runs inside the upgrade's transaction; returns how many visits changed. */
export async function applyPrivacyRulesToStoredVisits(tx: UpgradeTransaction): Promise<number> {
  const stored = await tx.objectStore('settings').get('settings');
  const excluded = Array.isArray(stored?.excluded) ? stored.excluded.filter((entry) => typeof entry === 'string') : DEFAULT_SETTINGS.excluded;
  let changed = 0;
  for (let c = await tx.objectStore('visits').openCursor(); c; c = await c.continue()) {
    const visit = c.value;
    if ([visit.url, visit.host, visit.path, visit.title, visit.description, visit.referrerHost].some((field) => typeof field !== 'string')) continue;
    let kept: typeof visit;
    try {
      kept = { ...redactPage(keptAddress(visit)), referrerHost: isExcluded(visit.referrerHost, '/', excluded) ? '' : visit.referrerHost };
    } catch {
      continue; // a damaged record (the learner passes over it too) must not stop the others' upgrade
    }
    if (kept.title === visit.title && kept.description === visit.description && kept.referrerHost === visit.referrerHost && kept.url === visit.url) continue;
    await c.update(kept);
    changed++;
  }
  const checkpoint = changed > 0 ? await tx.objectStore('model').get('checkpoint') : undefined;
  if (checkpoint) await tx.objectStore('model').put({ ...checkpoint, relearn: true }, 'checkpoint');
  return changed;
}
