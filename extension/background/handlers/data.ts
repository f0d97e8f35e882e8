// The stored data as the user sees it: browse, where the time went, forget (with exact unlearning), export; settings.
import type { DataExport, ForgetRequest, ForgetResult, Settings, StoredVisit, TimeReport, VisitPage, VisitQuery } from '../../contract-types';
import { InvalidRequest } from '../../errors';
import { database, NewerDatabaseError, readAsItIs } from '../../storage/db';
import { countForget } from '../../storage/forget';
import { queryVisits } from '../../storage/query';
import { checkSettingsChange, DEFAULT_SETTINGS, getSettings, updateSettings } from '../../storage/settings';
import { timeReport } from '../../storage/time-report';
import { finishOpenVisits } from '../../storage/visits';
import { importHistory } from '../history-import';
import { applyRetentionAndRelearn, catchUp, forget } from '../learner-service';
import { clearPredictions } from '../prediction-cache';

export async function onVisits(query: VisitQuery): Promise<VisitPage> {
  return queryVisits(await database(), checkQuery(query));
}

export async function onTimeReport(): Promise<TimeReport> {
  return timeReport(await database());
}

export async function onForget(request: ForgetRequest): Promise<ForgetResult> {
  const checked = checkForget(request);
  await clearPredictions(); // a forgotten page's prediction must not show again: not while relearning,
  const { visits, events, relearned } = await forget(checked);
  await clearPredictions(); // nor one kept meanwhile
  return { removedVisits: visits, removedEvents: events, relearnedVisits: relearned };
}

export async function onForgetPreview(request: ForgetRequest): Promise<{ visits: number; events: number }> {
  return countForget(await database(), checkForget(request));
}

export async function onDataExport(): Promise<DataExport> {
  const db = await database().catch(async (error: unknown) => {
    if (error instanceof NewerDatabaseError) return undefined;
    throw error;
  });
  if (!db) return exportAsItIs();
  return {
    format: 'tabula-data',
    version: 1,
    exportedAt: Date.now(),
    visits: (await db.getAll('visits')) as StoredVisit[],
    settings: await getSettings(db),
  };
}

/** The data of a newer Tabula's database, read as it is: the way out before a reset. */
async function exportAsItIs(): Promise<DataExport> {
  const { visits = [], settings = [] } = await readAsItIs(['visits', 'settings']);
  return { format: 'tabula-data', version: 1, exportedAt: Date.now(), visits: visits as StoredVisit[], settings: (settings[0] ?? DEFAULT_SETTINGS) as Settings };
}

export async function onSettingsGet(): Promise<Settings> {
  return getSettings(await database());
}

export async function onSettingsSet(change: Partial<Settings>): Promise<Settings> {
  const db = await database();
  const before = await getSettings(db);
  const { excluded } = checkSettingsChange(change); // the whole change is checked before any of it is done
  if (change.historyImport === true && !before.historyImport) {
    if (before.paused || change.paused === true) throw new InvalidRequest('Recording is paused: resume it to import your history.');
    await importHistory(); // refuses, changing nothing, without the permission
  }
  // The entries taken off the list and a pause begun or ended are noted with the change, in one write.
  const settings = await updateSettings(db, change);
  // Pausing ends the visits open now, as last reported: the rest of them is not recorded, and
  // their pages' last reports, which come while paused, are not taken.
  if (settings.paused && !before.paused && (await finishOpenVisits(db, {})) > 0) await catchUp();
  // Shorter retention takes effect at once: what it no longer keeps goes, and is unlearned.
  if (settings.visitRetentionDays < before.visitRetentionDays || settings.eventRetentionDays < before.eventRetentionDays) {
    await applyRetentionAndRelearn(settings.visitRetentionDays, settings.eventRetentionDays);
  }
  await clearPredictions(); // a paused or newly excluded site must not show its prediction
  return settings;
}

function checkQuery(query: VisitQuery): VisitQuery {
  const { search, host, limit, offset } = query ?? {};
  if (search !== undefined && (typeof search !== 'string' || search.length > 200)) throw new InvalidRequest('The search must be text of at most 200 characters.');
  if (host !== undefined && (typeof host !== 'string' || host.length > 253)) throw new InvalidRequest('The site must be a host name.');
  for (const n of [limit, offset]) if (n !== undefined && !Number.isFinite(n)) throw new InvalidRequest('Paging takes numbers.');
  return { search, host, limit, offset };
}

function checkForget(request: ForgetRequest): ForgetRequest {
  switch (request?.scope) {
    case 'all':
      return { scope: 'all' };
    case 'visit':
      if (!Number.isInteger(request.id)) throw new InvalidRequest('A visit is named by its id.');
      return { scope: 'visit', id: request.id };
    case 'site':
      if (typeof request.host !== 'string' || request.host.length === 0 || request.host.length > 253) throw new InvalidRequest('A site is named by its host.');
      return { scope: 'site', host: request.host.toLowerCase() };
    case 'matching':
      if (typeof request.entry !== 'string') throw new InvalidRequest('Name a site or a pattern of the exclusion list.');
      return { scope: 'matching', entry: request.entry };
    case 'day':
      if (typeof request.day !== 'string') throw new InvalidRequest('A day must be written YYYY-MM-DD.');
      return { scope: 'day', day: request.day };
    default:
      throw new InvalidRequest('Forget a visit, a site, a day or everything.');
  }
}
