// Receiving visit reports from content scripts: validated, filtered by the user's rules, stored,
// and learned once finished (by the page's final report, or by any report once its tab is gone).
import { browser, type Runtime } from '../../browser-api';
import type { VisitUpdate } from '../../contract-types';
import { isExcluded } from '../../exclusions';
import { database } from '../../storage/db';
import { getSettings } from '../../storage/settings';
import { recordUpdate } from '../../storage/visits';
import { validateVisitUpdate } from '../../validate';
import { catchUp } from '../learner-service';
import { dropTabPrediction } from '../prediction-cache';
import { keepReportedTab } from './tab';

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
  const tabId = sender.tab?.id;
  // A report whose tab is gone is the page's last: Firefox can deliver one after its tab has
  // closed (naming no tab) and lose the final report, and a report can arrive after the tab-closed
  // event that would have finished its visit. Kept open, such a visit would never be finished.
  const last = update.final || tabId === undefined || !(await tabIsOpen(tabId));
  const recorded = await recordUpdate(db, { ...update, final: last }, tabId);
  if (!recorded) {
    dropped.finished++;
    return { stored: false };
  }
  if (recorded.finished) void catchUp().catch((error) => console.error('Tabula could not learn a visit', error));
  // The popup shows the tab's prediction from this at once; a finished visit's page is gone.
  if (tabId !== undefined) void (recorded.finished ? dropTabPrediction(tabId) : keepReportedTab(tabId)).catch(() => undefined);
  return { stored: true };
}

function tabIsOpen(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(() => true, () => false);
}
