// Receiving visit reports from content scripts: validated, tied to the page that sent them,
// filtered by the user's rules, stored, and learned once finished (by the page's final report,
// or by any report once its tab is gone). A report is answered the same whatever happened, but for
// one question the report a page sends once it has been read asks (`askText`): whether the page's
// own words may be read for its keywords, which they never are on an excluded site or while
// recording is paused. That answer rests on the settings of now alone, never on what was stored:
// a page choosing when its visit began must not learn what was forgotten, or when.
import { browser, type Runtime } from '../../browser-api';
import type { Settings, Visit, VisitUpdate } from '../../contract-types';
import { isExcluded } from '../../exclusions';
import { InvalidRequest } from '../../errors';
import { topWords } from '../../keywords';
import { database } from '../../storage/db';
import { retentionCut } from '../../storage/forget';
import { getSettings } from '../../storage/settings';
import { recordUpdate } from '../../storage/visits';
import { pageUrl, validatePageText, validateVisitUpdate } from '../../validate';
import { catchUp } from '../learner-service';
import { dropTabPrediction } from '../prediction-cache';
import { FloodGate, isGlance } from './flood-gate';
import { keepReportedTab } from './tab';

/** Why reports were not stored, counted for the proof suite and the popup. */
export const dropped = { incognito: 0, paused: 0, excluded: 0, finished: 0, expired: 0, forgotten: 0, wrongSender: 0, flood: 0 };

/** The pages' questions whether their words may be read, by answer, for the proof suite. */
export const textAsked = { yes: 0, no: 0 };

const gate = new FloodGate();
const RECEIVED: Readonly<Record<string, never>> = Object.freeze({});

export async function onVisitUpdate(payload: VisitUpdate, sender: Runtime.MessageSender): Promise<{ textWanted?: boolean }> {
  if (sender.tab?.incognito) {
    dropped.incognito++; // the manifest keeps Tabula out of private windows; this is the second lock
    return RECEIVED;
  }
  const update = validateVisitUpdate(payload);
  await recordReport(update, sender);
  if (!update.askText) return RECEIVED;
  // The settings as they are now (they may have changed while the report was stored).
  const textWanted = textMayBeRead(await getSettings(await database()), update.visit, sender);
  textAsked[textWanted ? 'yes' : 'no']++;
  return { textWanted };
}

/** Stores a report if it may be. */
async function recordReport(update: VisitUpdate, sender: Runtime.MessageSender): Promise<void> {
  if (!fromItsOwnPage(update.visit, sender)) {
    dropped.wrongSender++;
    throw new InvalidRequest('A page can only report its own visits.');
  }
  const tabId = sender.tab?.id;
  if (!gate.admitReport(tabId, Date.now())) {
    dropped.flood++;
    return;
  }
  const db = await database();
  const settings = await getSettings(db);
  const reason = notRecorded(settings, update.visit.host, update.visit.path)
    ?? (update.visit.startedAt < retentionCut(settings.visitRetentionDays) ? 'expired' : undefined);
  if (reason) {
    dropped[reason]++;
    return;
  }
  // Where the user came from is kept only if that site may be recorded itself.
  if (isExcluded(update.visit.referrerHost, '/', settings.excluded)) update.visit.referrerHost = '';
  // A report whose tab is gone is the page's last: Firefox can deliver one after its tab has
  // closed (naming no tab) and lose the final report, and a report can arrive after the tab-closed
  // event that would have finished its visit. Kept open, such a visit would never be finished.
  const last = update.final || tabId === undefined || !(await tabIsOpen(tabId));
  const now = Date.now();
  if (isGlance(update.visit) && !(last ? gate.admitGlance(tabId, update.visit.host, now) : gate.hasGlance(tabId, update.visit.host, now))) {
    dropped.flood++; // a page making glance after glance: past the burst a person makes
    return;
  }
  const recorded = await recordUpdate(db, { ...update, final: last }, tabId);
  if ('refused' in recorded) {
    dropped[recorded.refused]++;
    return;
  }
  // Visits this new page finished are spent as their last reports would have spent them.
  for (const visit of recorded.ended) if (isGlance(visit)) gate.spendGlance(tabId, visit.host, now);
  if (recorded.finished) void catchUp().catch((error) => console.error('Tabula could not learn a visit', error));
  // The popup shows the tab's prediction from this at once; a finished visit's page is gone.
  if (tabId !== undefined) void (recorded.finished ? dropTabPrediction(tabId) : keepReportedTab(tabId)).catch(() => undefined);
}

/**
 * The keywords of a page's main text, which the page hands over once a visit, after it was told it
 * may (the answer to its report's `askText`): counted here, so that no page runs the counting. The
 * same rule holds as for that answer: a page that may not be recorded now (the site excluded or
 * recording paused since) gets none. The text itself is neither kept nor stored.
 */
export async function onPageKeywords(payload: unknown, sender: Runtime.MessageSender): Promise<{ keywords: string[] }> {
  const page = validatePageText(payload);
  if (!fromItsOwnPage(page, sender)) throw new InvalidRequest('A page can only send its own text.');
  const settings = await getSettings(await database());
  if (!textMayBeRead(settings, page, sender)) return { keywords: [] };
  return { keywords: topWords(page.text, page.lang) };
}

/**
 * Whether a page's text may be read: its visit would be stored (not in a private window, not
 * excluded, not while paused), both at the address it asks about and at the document's own, since
 * a single-page app may have moved to an excluded path since, and its text is then that path's.
 */
function textMayBeRead(settings: Settings, page: { host: string; path: string }, sender: Runtime.MessageSender): boolean {
  if (sender.tab?.incognito || notRecorded(settings, page.host, page.path)) return false;
  try {
    const { host, path } = pageUrl(sender.url ?? '');
    return notRecorded(settings, host, path) === undefined;
  } catch {
    return false;
  }
}

/** Why a page at this address is not recorded now (recording paused, the page excluded), if it is not. */
function notRecorded(settings: Settings, host: string, path: string): 'paused' | 'excluded' | undefined {
  return settings.paused ? 'paused' : isExcluded(host, path, settings.excluded) ? 'excluded' : undefined;
}

/**
 * A content script runs in its page, beside the page's own scripts: a report must be of the site
 * of the document that sent it. Sites, not addresses: a single-page app changes its address
 * within its site, and its last report of the previous address comes from the new one.
 */
function fromItsOwnPage(visit: Pick<Visit, 'host'>, sender: Runtime.MessageSender): boolean {
  try {
    return pageUrl(sender.url ?? '').host === visit.host;
  } catch {
    return false;
  }
}

function tabIsOpen(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(() => true, () => false);
}
