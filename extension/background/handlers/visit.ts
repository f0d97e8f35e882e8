// Receiving visit reports from content scripts: validated, filtered by the user's rules, stored,
// and learned once finished.
import type { Runtime } from '../../browser-api';
import type { VisitUpdate } from '../../contract-types';
import { isExcluded } from '../../exclusions';
import { database } from '../../storage/db';
import { getSettings } from '../../storage/settings';
import { recordUpdate } from '../../storage/visits';
import { validateVisitUpdate } from '../../validate';
import { catchUp } from '../learner-service';

/** Why reports were not stored, counted for the proof suite and the popup. */
export const dropped = { incognito: 0, paused: 0, excluded: 0, finished: 0 };

export async function onVisitUpdate(payload: VisitUpdate, sender: Runtime.MessageSender): Promise<{ stored: boolean }> {
  if (sender.tab?.incognito) {
    dropped.incognito++; // the manifest keeps Tabula out of private windows; this is the second lock
    return { stored: false };
  }
  const update = validateVisitUpdate(payload);
  const db = await database();
  const settings = await getSettings(db);
  if (settings.paused) {
    dropped.paused++;
    return { stored: false };
  }
  if (isExcluded(update.visit.host, update.visit.path, settings.excluded)) {
    dropped.excluded++;
    return { stored: false };
  }
  const recorded = await recordUpdate(db, update, sender.tab?.id);
  if (!recorded) {
    dropped.finished++;
    return { stored: false };
  }
  if (recorded.finished) void catchUp().catch((error) => console.error('Tabula could not learn a visit', error));
  return { stored: true };
}
