// Predictions for the page the user is on, why, and their corrections.
import { isVisit, type PageFeatures } from '../../../model/visit';
import { browser } from '../../browser-api';
import type { StoredVisit, TabPrediction } from '../../contract-types';
import { isExcluded } from '../../exclusions';
import { InvalidRequest } from '../../errors';
import { keptAddress } from '../../page-text-rules';
import { database, type Database } from '../../storage/db';
import { getSettings } from '../../storage/settings';
import { lastFinishedVisit, latestOpenVisit, openVisitOfTab } from '../../storage/visits';
import { pressure } from '../../storage/pressure';
import { pageUrl } from '../../validate';
import { historyPage } from '../history-import';
import { correct, current, status } from '../learner-service';
import { cacheGeneration, keepPrediction } from '../prediction-cache';

/** Visits learned before the predictions start to mean something. */
export const USEFUL_AFTER_VISITS = 20;

export async function onTabPredict(request: { tabId?: number }): Promise<TabPrediction> {
  return predictAndKeep(tabOf(request), false);
}

/** The tab a request names (none: the active one): a tab's number, or a clear refusal. */
function tabOf(request: { tabId?: unknown } | undefined): number | undefined {
  const tabId = request?.tabId;
  if (tabId !== undefined && !(Number.isSafeInteger(tabId) && (tabId as number) >= 0)) throw new InvalidRequest('A tab is named by its number.');
  return tabId as number | undefined;
}

/** The prediction for the last finished visit: the sample's page, for the sample has no tab of its own. */
export async function predictLastVisit(): Promise<TabPrediction> {
  const db = await database();
  const last = await lastFinishedVisit(db);
  const visit = last && isVisit(last) ? last : undefined;
  return predict(db, visit ? { page: visit, visit } : {});
}

/** After a visit report from a tab: its prediction, kept for the popup, the tab marked as the last reported. */
export function keepReportedTab(tabId: number): Promise<TabPrediction> {
  return predictAndKeep(tabId, true);
}

async function predictAndKeep(tabId: number | undefined, reported: boolean): Promise<TabPrediction> {
  // While the model is learned again (a forget, the retention cut, new settings) it is not asked:
  // the answer says so at once, with how far it has got, and nothing is kept for the tab.
  if (status.relearning) return relearningAnswer();
  const since = cacheGeneration();
  const db = await database();
  const found = await pageOfTab(db, tabId);
  const prediction = await predict(db, found);
  // Kept only for the tab of a stored, still open visit: what the popup would be asked about.
  // A popup's own question is answered without waiting for the write.
  if (found.openTabId !== undefined && prediction.status !== 'relearning') {
    const kept = keepPrediction(found.openTabId, prediction, since, pressure.fullAt, reported).catch(() => undefined);
    if (reported) await kept;
  }
  return prediction;
}

function relearningAnswer(): TabPrediction {
  return { status: 'relearning', visitsLearned: status.progress?.done ?? 0, visitsUntilUseful: 0, ...(status.progress && { progress: { ...status.progress } }) };
}

async function predict(db: Database, { page, visit, tabUrl, incognito }: TabPage): Promise<TabPrediction> {
  if (status.relearning) return relearningAnswer(); // queued since this request came: do not wait behind it
  const learner = await current();
  const visitsLearned = learner.visitsLearned;
  const base = { visitsLearned, visitsUntilUseful: Math.max(0, USEFUL_AFTER_VISITS - visitsLearned) };
  if (incognito) return { status: 'incognito', ...base };
  const settings = await getSettings(db);
  // Paused is said first, wherever the popup is opened: pausing finishes the open visits, so
  // Tabula's own page (the dashboard) has no page to show then.
  if (settings.paused) return { status: 'paused', ...base };
  if (!page) return { status: pagelessStatus(tabUrl), ...base };
  const where = { url: page.url, host: page.host, title: page.title, ...base };
  // Excluded when the page or the address the tab is at now is (whole: a results page's stored
  // address is cut, and the tab may have moved on); of an excluded page only its site is said.
  const judged = tabUrl && /^https?:/.test(tabUrl) ? [page, pageUrl(tabUrl)] : [page];
  const excludedBy = settings.excluded.filter((entry) => judged.some(({ host, path }) => isExcluded(host, path, [entry])));
  if (excludedBy.length > 0) {
    const { host } = judged.find((where) => isExcluded(where.host, where.path, excludedBy)) ?? page;
    return { status: 'excluded', host, excludedBy, ...base };
  }
  const now = Date.now();
  // A site excluded since the model learned it is not offered as the next one, nor explained as
  // it: its visits may still be stored (the user may keep them), but it is no longer one to go to.
  const offered = (host: string): boolean => !isExcluded(host, '/', settings.excluded);
  const prediction = learner.predict(page, now, offered);
  const why = learner.explain(page, now, offered);
  return {
    status: visitsLearned < USEFUL_AFTER_VISITS ? 'no-data' : 'ok',
    ...where,
    engaged: prediction.engaged,
    activeSeconds: prediction.activeSeconds,
    next: prediction.next,
    why, // every feature, largest effect first: the popup shows five and the rest on demand, and the baseline leaves them all out
    feedback: visit?.feedback,
  };
}

export async function onTabFeedback(request: { tabId?: number; verdict: string; url?: unknown }): Promise<TabPrediction> {
  const tabId = tabOf(request);
  const { verdict, url } = request ?? {};
  if (verdict !== 'useful' && verdict !== 'not-interested') throw new InvalidRequest('A correction is “useful” or “not-interested”.');
  if (url !== undefined && typeof url !== 'string') throw new InvalidRequest('The page corrected is named by its address.');
  const db = await database();
  const { visit } = await pageOfTab(db, tabId);
  if (!visit) throw new InvalidRequest('There is no visit on this tab to correct.');
  // The page shown may have been left (its tab closed or moved on) since: another page is not corrected in its place.
  if (url !== undefined && visit.url !== url) throw new InvalidRequest('The page shown is no longer open, so nothing was corrected.');
  await correct(visit.id, verdict);
  return onTabPredict({ tabId });
}

interface TabPage {
  page?: PageFeatures;
  visit?: StoredVisit;
  /** The tab of that visit, while it is open. */
  openTabId?: number;
  tabUrl?: string;
  incognito?: boolean;
}

/** What a tab without a page to predict for is: a web page not known yet, Tabula's own page, or another of the browser's. */
function pagelessStatus(tabUrl: string | undefined): TabPrediction['status'] {
  if (tabUrl === undefined || /^https?:/.test(tabUrl)) return 'no-data';
  return tabUrl.startsWith(browser.runtime.getURL('')) ? 'no-page' : 'browser-page';
}

/**
 * The page of a tab (by default the active one): what its content script reported, or what the
 * tab itself says. From an extension page (the dashboard), or when the browser does not say what
 * the tab shows, it is the web page the user was on last.
 */
async function pageOfTab(db: Database, tabId: number | undefined): Promise<TabPage> {
  const tab = tabId !== undefined
    ? await browser.tabs.get(tabId).catch(() => undefined)
    : (await browser.tabs.query({ active: true, lastFocusedWindow: true }).catch(() => []))[0];
  if (tab?.incognito) return { incognito: true };
  const id = tab?.id ?? tabId;
  const elsewhere = !tab?.url || tab.url.startsWith(browser.runtime.getURL(''));
  const found = (id !== undefined ? await openVisitOfTab(db, id) : undefined) ?? (elsewhere ? await latestOpenVisit(db) : undefined);
  const visit = found && isVisit(found) ? found : undefined; // a damaged record is not predicted from
  if (visit) return { page: visit, visit, openTabId: (visit as { tabId?: number }).tabId, tabUrl: tab?.url };
  if (tab?.url && /^https?:/.test(tab.url)) {
    // Not reported yet: what the tab says (address and title), as a history entry knows a page.
    return { page: keptAddress(historyPage(tab.url, tab.title ?? '', Date.now())), tabUrl: tab.url };
  }
  return { tabUrl: tab?.url };
}
