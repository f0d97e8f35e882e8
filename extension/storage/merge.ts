// Merging the visits of a data file with those stored, in one transaction. What this browser's
// rules keep out stays out (the exclusion list, the tombstones of what was forgotten, the retention
// period); a visit already stored is counted once, by its key; and a
// history entry of a visit that a page recorded is not a second visit. When anything changes,
// every finished visit gets a new seq in time order (its start, then its key) and the checkpoint
// is marked for relearning, in the same transaction: two browsers that hold the same visits then
// learn them in the same order, and a background stopped before relearning relearns when it wakes.
// A transaction that fails is aborted whole, so a failed import leaves everything as it was.
import type { IDBPTransaction } from 'idb';
import type { DataImportResult, Settings } from '../contract-types';
import type { ImportedVisit } from '../data-file';
import { isExcluded } from '../exclusions';
import { keptAddress } from '../page-text-rules';
import type { Database, TabulaDB } from './db';
import { retentionCut } from './forget';
import { isForgotten, type Tombstone } from './forgotten';
import { abortQuietly, isSameVisit, settledQuietly, withoutForgottenReferrer } from './visits';
import { visitIndex } from './visit-index';

type VisitRecord = TabulaDB['visits']['value'];
const WRITES_AT_ONCE = 500;
type MergeTransaction = IDBPTransaction<TabulaDB, ('visits' | 'counters' | 'events' | 'forgotten' | 'model')[], 'readwrite'>;

/** This browser's rules that imported visits must keep to. */
export interface MergeRules {
  excluded: readonly string[];
  /** Visits begun before this are past this browser's retention period. */
  retentionCut: number;
}

/** The rules of these settings, at `now`. */
export function mergeRules(settings: Settings, now = Date.now()): MergeRules {
  return { excluded: settings.excluded, retentionCut: retentionCut(settings.visitRetentionDays, now) };
}

/** What a merge did with the visits it was given: the counts of the import's result (`doubled` counts history entries not added and stored ones removed). */
export interface Merged extends Pick<DataImportResult, 'added' | 'alreadyStored' | 'excluded' | 'forgotten' | 'expired' | 'doubled'> {
  /** Whether the stored visits changed, so that the model is to be relearned from them. */
  changed: boolean;
}

/** Called as the visits are written: how many so far, of how many. */
export type OnWritten = (done: number, total: number) => void;

export async function mergeVisits(db: Database, incoming: readonly ImportedVisit[], rules: MergeRules, onWritten?: OnWritten): Promise<Merged> {
  const counts = { added: 0, alreadyStored: 0, excluded: 0, forgotten: 0, expired: 0, doubled: 0 };
  const allowed = await allowedByRules(incoming, rules, counts);
  const tx = db.transaction(['visits', 'counters', 'events', 'forgotten', 'model'], 'readwrite');
  settledQuietly(tx.done);
  try {
    const merged = await mergeIn(tx, allowed, rules, counts, onWritten);
    await tx.done;
    if (merged.changed) visitIndex(db).drop();
    return merged;
  } catch (error) {
    abortQuietly(tx); // nothing half done: not a visit added, not a seq changed
    throw error;
  }
}

type Counts = Omit<Merged, 'changed'>;

/**
 * The visits this browser's settings allow: not excluded, not past retention. Checked before the
 * transaction, a thousand at a time with a pause between, since matching thousands of visits
 * against the exclusion list takes long enough to hold up a page that shares the thread.
 */
async function allowedByRules(incoming: readonly ImportedVisit[], rules: MergeRules, counts: Counts): Promise<ImportedVisit[]> {
  const allowed: ImportedVisit[] = [];
  for (let first = 0; first < incoming.length; first += 1_000) {
    if (first > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const imported of incoming.slice(first, first + 1_000)) {
      const { host, path, startedAt } = imported.visit;
      if (isExcluded(host, path, rules.excluded)) counts.excluded++;
      else if (startedAt < rules.retentionCut) counts.expired++;
      else allowed.push(imported);
    }
  }
  return allowed;
}

async function mergeIn(tx: MergeTransaction, incoming: readonly ImportedVisit[], rules: MergeRules, counts: Counts, onWritten?: OnWritten): Promise<Merged> {
  const visits = tx.objectStore('visits');
  // A pause is this browser's own: it kept this browser from recording (and keeps its history of
  // then out of an import), not another browser's visits of then, which that browser was let record.
  const tombstones = (await tx.objectStore('forgotten').getAll()).filter((tombstone) => tombstone.scope !== 'paused');
  const stored = await visits.getAll();
  const keys = new Set(stored.map((visit) => visit.key));
  const candidates: VisitRecord[] = [];
  for (const { key, visit } of incoming) {
    if (keys.has(key)) counts.alreadyStored++;
    else if (isForgotten({ ...visit, key }, tombstones)) counts.forgotten++;
    else {
      keys.add(key);
      candidates.push({ ...keptReferrer(keptAddress(visit), rules, tombstones), key });
    }
  }
  // One visit, recorded by its page and by the browser's history: the page's record is the one kept,
  // whichever browser held which, so that the merged visits do not depend on the order of imports.
  const pages = pageVisitsByUrl([...stored, ...candidates]);
  const isDouble = (visit: VisitRecord) => visit.source === 'history' && (pages.get(visit.url) ?? []).some((page) => isSameVisit(page, visit));
  const added = candidates.filter((visit) => !isDouble(visit));
  const replaced = stored.filter((visit) => visit.seq !== undefined && isDouble(visit));
  counts.added = added.length;
  counts.doubled = candidates.length - added.length + replaced.length;
  if (added.length === 0 && replaced.length === 0) return { ...counts, changed: false };

  const events = tx.objectStore('events');
  for (const visit of replaced) {
    for (const id of await events.index('by-visit').getAllKeys(visit.key)) await events.delete(id);
    await visits.delete(visit.id!);
  }
  const gone = new Set(replaced.map((visit) => visit.id));
  await renumber(tx, [...stored.filter((visit) => visit.seq !== undefined && !gone.has(visit.id)), ...added], onWritten);
  const checkpoint = await tx.objectStore('model').get('checkpoint');
  if (checkpoint) await tx.objectStore('model').put({ ...checkpoint, relearn: true }, 'checkpoint');
  return { ...counts, changed: true };
}

/**
 * Gives the finished visits new seqs in learning order, past every seq given so far (seqs only
 * grow: see seq.ts), and writes them, the new ones included.
 */
async function renumber(tx: MergeTransaction, finished: VisitRecord[], onWritten?: OnWritten): Promise<void> {
  const visits = tx.objectStore('visits');
  const counters = tx.objectStore('counters');
  const highest = await visits.index('by-seq').openKeyCursor(null, 'prev');
  let seq = Math.max((await counters.get('seq')) ?? 0, (highest?.key as number | undefined) ?? 0);
  finished.sort(learningOrder);
  // Written WRITES_AT_ONCE at a time: one by one, each is a round trip (and there may be tens of
  // thousands); all at once, the page that shares the background's thread (Firefox's popup) waits.
  for (let first = 0; first < finished.length; first += WRITES_AT_ONCE) {
    const writes = finished.slice(first, first + WRITES_AT_ONCE).map((visit) => {
      visit.seq = ++seq;
      const write = visits.put(visit);
      write.catch(() => undefined); // a failure fails the transaction, and is thrown once, below
      return write;
    });
    await Promise.all(writes);
    onWritten?.(first + writes.length, finished.length);
  }
  await counters.put(seq, 'seq');
}

/** The order in which merged visits are learned: by start, then by key (the same on every device). */
export function learningOrder(a: { startedAt: number; key: string }, b: { startedAt: number; key: string }): number {
  const [ta, tb] = [timeOf(a), timeOf(b)];
  if (ta !== tb) return ta < tb ? -1 : 1;
  const [ka, kb] = [String(a.key), String(b.key)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A record damaged on disk may have no time: it sorts first, and learning passes over it. */
function timeOf(visit: { startedAt: number }): number {
  return Number.isFinite(visit.startedAt) ? visit.startedAt : -Infinity;
}

/** The page a visit came from is kept only if this browser may name that site: not excluded, not forgotten. */
function keptReferrer<T extends VisitRecord | ImportedVisit['visit']>(visit: T, rules: MergeRules, tombstones: readonly Tombstone[]): T {
  if (visit.referrerHost !== '' && isExcluded(visit.referrerHost, '/', rules.excluded)) return { ...visit, referrerHost: '' };
  return withoutForgottenReferrer(visit, tombstones);
}

function pageVisitsByUrl(visits: readonly VisitRecord[]): Map<string, VisitRecord[]> {
  const pages = new Map<string, VisitRecord[]>();
  for (const visit of visits) {
    if (visit.source === 'history') continue;
    const list = pages.get(visit.url);
    if (list) list.push(visit);
    else pages.set(visit.url, [visit]);
  }
  return pages;
}
