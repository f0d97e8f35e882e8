// Visits and their interaction events in IndexedDB: recording reports, finishing visits in the
// order they are learned (seq), and reading them back. An open visit carries its tabId; a
// finished one has a seq instead, so the 'by-tab' index lists exactly the open visits.
import type { Visit } from '../../model/visit';
import type { StoredVisit, VisitUpdate } from '../contract-types';
import type { IDBPTransaction, StoreNames } from 'idb';
import { keptAddress } from '../page-text-rules';
import type { Database, InteractionEvent, TabulaDB } from './db';
import { beganExcluded, isForgotten, isForgottenSite, type Tombstone } from './forgotten';
import { isQuotaError, makeRoom } from './pressure';
import { finishAll, nextSeq, SEQ_STORES } from './seq';
import { visitIndex, type VisitIndex } from './visit-index';

type VisitRecord = TabulaDB['visits']['value'];

export interface Recorded {
  id: number;
  /** True when this update finished the visit, or others of its tab (they now have a seq and can be learned). */
  finished: boolean;
  /** The visits of the tab that this update, of a new page, finished (their last reports never came). */
  ended: Visit[];
}

/** Why an update was not stored: its visit is finished already, or the user forgot it. */
export interface Refused {
  refused: 'finished' | 'forgotten' | 'excluded';
}

/** Stores a content-script update, unless its visit is finished or was forgotten. */
export async function recordUpdate(db: Database, update: VisitUpdate, tabId: number | undefined): Promise<Recorded | Refused> {
  try {
    return await writeUpdate(db, update, tabId);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await makeRoom(db); // a full disk costs the oldest fine-grained events first, never the model
    return writeUpdate(db, update, tabId);
  }
}

async function writeUpdate(db: Database, update: VisitUpdate, tabId: number | undefined): Promise<Recorded | Refused> {
  const tx = db.transaction(['visits', 'counters', 'events', 'forgotten'], 'readwrite');
  settledQuietly(tx.done);
  try {
    return await writeIn(tx, update, tabId, visitIndex(db));
  } catch (error) {
    abortQuietly(tx); // a failed write leaves nothing half done (no seq given to a visit not stored)
    throw error;
  }
}

type UpdateTransaction = IDBPTransaction<TabulaDB, ['visits', 'counters', 'events', 'forgotten'], 'readwrite'>;

async function writeIn(tx: UpdateTransaction, update: VisitUpdate, tabId: number | undefined, index: VisitIndex): Promise<Recorded | Refused> {
  const { key, final } = update;
  const visits = tx.objectStore('visits');
  const seqStores = { visits, counters: tx.objectStore('counters') };
  const existing = await visits.index('by-key').get(key);
  const forgotten = await tx.objectStore('forgotten').getAll();
  const reported = { ...update.visit, key, startedAt: existing?.startedAt ?? update.visit.startedAt };
  const refused: Refused['refused'] | undefined = existing?.seq !== undefined ? 'finished'
    : isForgotten(reported, forgotten) ? 'forgotten' : beganExcluded(reported, forgotten) ? 'excluded' : undefined;
  if (refused) {
    await tx.done;
    return { refused };
  }
  // Of a results page, the path is kept only as far as it is not what was typed.
  const visit = keptAddress(withoutForgottenReferrer(update.visit, forgotten));
  // A new page in a tab ends the tab's previous visit, even if its last report was lost.
  const ended = existing || tabId === undefined ? [] : await visits.index('by-tab').getAll(tabId);
  await finishAll(seqStores, ended);
  const record: VisitRecord = { ...visit, key, startedAt: existing?.startedAt ?? visit.startedAt };
  if (existing?.id !== undefined) record.id = existing.id;
  if (existing?.feedback) record.feedback = existing.feedback;
  if (final) record.seq = await nextSeq(seqStores);
  else if (tabId !== undefined) record.tabId = tabId;
  const id = await visits.put(record);
  await tx.objectStore('events').add(eventOf(key, visit));
  await tx.done;
  index.put({ ...record, id } as StoredVisit);
  return { id, finished: final || ended.length > 0, ended };
}

/**
 * A transaction that fails (a full disk) rejects both the failed request and `done`; the request's
 * rejection is the one thrown, so `done` is marked handled here rather than reported as unhandled.
 */
export function settledQuietly(done: Promise<void>): void {
  done.catch(() => undefined);
}

export function abortQuietly(tx: IDBPTransaction<TabulaDB, StoreNames<TabulaDB>[], 'readwrite'>): void {
  try {
    tx.abort();
  } catch {
    // already finished or aborted by the browser
  }
}

/** A forgotten site is not kept as the page a visit came from. */
export function withoutForgottenReferrer<T extends Visit>(visit: T, forgotten: readonly Tombstone[]): T {
  return isForgottenSite(visit.referrerHost, forgotten) ? { ...visit, referrerHost: '' } : visit;
}

function eventOf(visitKey: string, visit: Visit): InteractionEvent {
  const { host, endedAt: at, activeMs, scrollDepth, clicks, keys, selections, mediaMs } = visit;
  return { visitKey, host, at, activeMs, scrollDepth, clicks, keys, selections, mediaMs };
}

/** How far a history entry's time may lie outside a recorded visit of the same address and still be that visit. */
const SAME_VISIT_SLACK_MS = 60_000;

/** Whether a history entry is the browser's record of a visit stored already (the same address, around the same time). */
export function isSameVisit(stored: Visit, entry: Visit): boolean {
  return stored.url === entry.url
    && stored.startedAt - SAME_VISIT_SLACK_MS <= entry.startedAt && entry.startedAt <= stored.endedAt + SAME_VISIT_SLACK_MS;
}

/**
 * Adds already finished visits (imported history) in order. Skipped: keys already present, what
 * the user forgot, and entries that a page already recorded (a visit of the same address around
 * the same time), so that a page is never counted twice.
 */
export async function addFinishedVisits(db: Database, visits: { key: string; visit: Visit }[]): Promise<number> {
  const tx = db.transaction(['visits', 'counters', 'forgotten'], 'readwrite');
  settledQuietly(tx.done);
  const stores = { visits: tx.objectStore('visits'), counters: tx.objectStore('counters') };
  const forgotten = await tx.objectStore('forgotten').getAll();
  const recordedByHost = new Map<string, VisitRecord[]>();
  const recorded = async (host: string) => {
    if (!recordedByHost.has(host)) recordedByHost.set(host, await stores.visits.index('by-host').getAll(host));
    return recordedByHost.get(host)!;
  };
  let added = 0;
  for (const { key, visit: entry } of visits) {
    if (isForgotten({ ...entry, key }, forgotten)) continue; // judged on the whole path
    if ((await stores.visits.index('by-key').getKey(key)) !== undefined) continue;
    const visit = keptAddress(entry); // as the page's own record of it is kept
    if ((await recorded(visit.host)).some((stored) => isSameVisit(stored, visit))) continue;
    await stores.visits.put({ ...withoutForgottenReferrer(visit, forgotten), key, seq: await nextSeq(stores) });
    added++;
  }
  await tx.done;
  if (added > 0) visitIndex(db).drop();
  return added;
}

/** Finishes open visits: those of a closed tab, those not updated for `idleMs`, or (given neither) all. */
export async function finishOpenVisits(db: Database, which: { tabId?: number; idleMs?: number; now?: number }): Promise<number> {
  const tx = db.transaction(SEQ_STORES, 'readwrite');
  settledQuietly(tx.done);
  const stores = { visits: tx.objectStore('visits'), counters: tx.objectStore('counters') };
  const byTab = stores.visits.index('by-tab');
  const cutoff = (which.now ?? Date.now()) - (which.idleMs ?? 0);
  const open = which.tabId !== undefined
    ? await byTab.getAll(which.tabId)
    : (await byTab.getAll()).filter((visit) => which.idleMs === undefined || visit.endedAt <= cutoff);
  const finished = await finishAll(stores, open);
  await tx.done;
  return finished;
}

/** Finished visits after a seq, in the order they are to be learned (at most `limit` of them). */
export async function visitsAfter(db: Database, seq: number, limit?: number): Promise<StoredVisit[]> {
  return (await db.getAllFromIndex('visits', 'by-seq', IDBKeyRange.lowerBound(seq, true), limit)) as StoredVisit[];
}

/**
 * Records a user's correction on a visit, read again inside the transaction: a copy read earlier
 * may be stale (finished since), and writing it back would open the visit again.
 */
export async function setFeedback(db: Database, id: number, feedback: 'useful' | 'not-interested'): Promise<StoredVisit | undefined> {
  const tx = db.transaction('visits', 'readwrite');
  const visit = await tx.store.get(id);
  if (visit) await tx.store.put({ ...visit, feedback });
  await tx.done;
  return visit && ({ ...visit, feedback } as StoredVisit);
}

/** The seq of the last finished visit (0 when there is none). */
export async function lastFinishedSeq(db: Database): Promise<number> {
  const last = await db.transaction('visits').store.index('by-seq').openKeyCursor(null, 'prev');
  return (last?.key as number | undefined) ?? 0;
}

/** The finished visit learned last (the highest seq), if any. */
export async function lastFinishedVisit(db: Database): Promise<StoredVisit | undefined> {
  const last = await db.transaction('visits').store.index('by-seq').openCursor(null, 'prev');
  return last?.value as StoredVisit | undefined;
}

/** The open visit of a tab, if its page has reported one. */
export async function openVisitOfTab(db: Database, tabId: number): Promise<StoredVisit | undefined> {
  const open = (await db.getAllFromIndex('visits', 'by-tab', tabId)) as StoredVisit[];
  return open.sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** The open visit updated most recently: the web page the user was on last. */
export async function latestOpenVisit(db: Database): Promise<StoredVisit | undefined> {
  const open = (await db.getAllFromIndex('visits', 'by-tab')) as StoredVisit[];
  return open.sort((a, b) => b.endedAt - a.endedAt)[0];
}
