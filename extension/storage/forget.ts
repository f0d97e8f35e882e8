// Deleting what the user asks to forget: one visit, a site (or any entry of the exclusion list), a
// day, everything — visits, their events, and the site's name wherever another visit holds it
// (as the page it came from), in one transaction. The same transaction leaves a tombstone (see
// forgotten.ts) and marks the model checkpoint for relearning, so that a background stopped
// before the relearning is done cannot wake up with a model that still holds what was forgotten.
// Relearning itself is the learner's job. Retention deletes the same way.
import type { ForgetRequest } from '../contract-types';
import { InvalidRequest } from '../errors';
import { isExcluded, parseExclusion } from '../exclusions';
import type { IDBPTransaction } from 'idb';
import type { Database, TabulaDB } from './db';
import { coversHost, isOngoingPause, siteHash, type Tombstone } from './forgotten';
import { visitIndex } from './visit-index';

export interface Removed {
  visits: number;
  events: number;
}

/** What a forget did: removed, and whether the model must be learned again without it. */
export interface Forgotten extends Removed {
  relearn: boolean;
}

type VisitRecord = TabulaDB['visits']['value'];
type ForgetTransaction = IDBPTransaction<TabulaDB, ('visits' | 'events' | 'model' | 'forgotten')[], 'readwrite'>;

/** A request narrowed to what it matches: an entry of the exclusion list, a day, one visit, or all. */
type Target =
  | { scope: 'visit'; id: number }
  | { scope: 'matching'; entry: string }
  | { scope: 'day'; from: number; to: number }
  | { scope: 'all' };

export async function forgetData(db: Database, request: ForgetRequest, now = Date.now()): Promise<Forgotten> {
  const target = targetOf(request);
  const tx = db.transaction(['visits', 'events', 'model', 'forgotten'], 'readwrite');
  const removed = target.scope === 'all' ? await removeAll(tx) : await removeMatching(tx, target);
  await tx.objectStore('forgotten').add(tombstoneOf(target, removed.keys, now));
  // A site or everything may be known to the model without a visit stored (an imported model).
  const relearn = removed.visits > 0 || removed.referrers > 0 || target.scope === 'matching' || target.scope === 'all';
  if (relearn) await markForRelearning(tx);
  await tx.done;
  visitIndex(db).drop();
  return { visits: removed.visits, events: removed.events, relearn };
}

/**
 * What forgetting would remove, without removing it (for the confirmation). It reads only what
 * an index narrows the request to: a day's visits by their start, a site's by its hosts (their
 * events by host, which counts those a visit left behind too), one visit by its id. Only a
 * pattern with a path has every visit read.
 */
export async function countForget(db: Database, request: ForgetRequest): Promise<Removed> {
  const target = targetOf(request);
  const tx = db.transaction(['visits', 'events']);
  const visits = tx.objectStore('visits');
  const events = tx.objectStore('events');
  if (target.scope === 'all') return { visits: await visits.count(), events: await events.count() };
  if (target.scope === 'matching' && !target.entry.includes('/')) {
    return { visits: await countCovered(visits.index('by-host'), target.entry), events: await countCovered(events.index('by-host'), target.entry) };
  }
  const counted: Removed = { visits: 0, events: 0 };
  const source = target.scope === 'day' ? visits.index('by-started') : visits;
  const range = target.scope === 'day' ? IDBKeyRange.bound(target.from, target.to, false, true) : target.scope === 'visit' ? target.id : null;
  for (let c = await source.openCursor(range); c; c = await c.continue()) {
    if (!matches(target, c.value)) continue;
    counted.visits++;
    counted.events += await events.index('by-visit').count(c.value.key);
  }
  return counted;
}

/** An index by host, as `countCovered` reads it. */
interface HostIndex {
  openKeyCursor(query: null, direction: IDBCursorDirection): Promise<HostCursor | null>;
  count(host: string): Promise<number>;
}
interface HostCursor {
  key: string;
  continue(): Promise<HostCursor | null>;
}

/** The records under the hosts `entry` covers: each host of the index read once, then its records counted. */
async function countCovered(index: HostIndex, entry: string): Promise<number> {
  let counted = 0;
  for (let c = await index.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) {
    if (coversHost(entry, c.key)) counted += await index.count(c.key);
  }
  return counted;
}

interface Removal extends Removed {
  /** Visits whose referrer was the forgotten site, cleared. */
  referrers: number;
  keys: string[];
}

async function removeAll(tx: ForgetTransaction): Promise<Removal> {
  const visits = tx.objectStore('visits');
  const events = tx.objectStore('events');
  const removal = { visits: await visits.count(), events: await events.count(), referrers: 0, keys: [] };
  await Promise.all([visits.clear(), events.clear()]);
  // One tombstone for everything replaces those before it, but for a pause still going on: what
  // is browsed from now until it ends must stay out of a later import too.
  const forgotten = tx.objectStore('forgotten');
  for (let c = await forgotten.openCursor(); c; c = await c.continue()) {
    if (!isOngoingPause(c.value)) await c.delete();
  }
  return removal;
}

async function removeMatching(tx: ForgetTransaction, target: Exclude<Target, { scope: 'all' }>): Promise<Removal> {
  const removal: Removal = { visits: 0, events: 0, referrers: 0, keys: [] };
  const events = tx.objectStore('events');
  const range = target.scope === 'visit' ? target.id : null; // one visit is read directly
  for (let c = await tx.objectStore('visits').openCursor(range); c; c = await c.continue()) {
    const visit = c.value;
    if (matches(target, visit)) {
      const eventIds = await events.index('by-visit').getAllKeys(visit.key);
      for (const eventId of eventIds) await events.delete(eventId);
      await c.delete();
      removal.visits++;
      removal.events += eventIds.length;
      removal.keys.push(visit.key);
    } else if (target.scope === 'matching' && coversHost(target.entry, visit.referrerHost)) {
      await c.update({ ...visit, referrerHost: '' });
      removal.referrers++;
    }
  }
  removal.events += await removeLeftoverEvents(tx, target);
  return removal;
}

/**
 * Events whose visit is already gone (kept longer than it, before events went with their visits)
 * are found by their own host or time, so that no forget misses them.
 */
async function removeLeftoverEvents(tx: ForgetTransaction, target: Exclude<Target, { scope: 'all' }>): Promise<number> {
  const events = tx.objectStore('events');
  let ids: number[] = [];
  if (target.scope === 'matching') {
    for (let c = await events.index('by-host').openKeyCursor(); c; c = await c.continue()) {
      if (coversHost(target.entry, c.key)) ids.push(c.primaryKey);
    }
  } else if (target.scope === 'day') {
    ids = await events.index('by-at').getAllKeys(IDBKeyRange.bound(target.from, target.to, false, true));
  }
  for (const id of ids) await events.delete(id);
  return ids.length;
}

async function markForRelearning(tx: ForgetTransaction): Promise<void> {
  const checkpoint = await tx.objectStore('model').get('checkpoint');
  if (checkpoint) await tx.objectStore('model').put({ ...checkpoint, relearn: true }, 'checkpoint');
}

function matches(target: Exclude<Target, { scope: 'all' }>, visit: VisitRecord): boolean {
  switch (target.scope) {
    case 'visit':
      return visit.id === target.id;
    case 'matching':
      return isExcluded(visit.host, visit.path, [target.entry]);
    case 'day':
      return target.from <= visit.startedAt && visit.startedAt < target.to;
  }
}

function tombstoneOf(target: Target, keys: string[], at: number): Tombstone {
  switch (target.scope) {
    case 'visit':
      return { scope: 'visit', key: keys[0] ?? '', at };
    case 'matching': // a site is kept as a hash of its name, a pattern as it is (the exclusion list holds it)
      return isPattern(target.entry) ? { scope: 'matching', entry: target.entry, at } : { scope: 'site', hash: siteHash(target.entry), at };
    case 'day':
      return { scope: 'day', from: target.from, to: target.to, at };
    case 'all':
      return { scope: 'all', at };
  }
}

function targetOf(request: ForgetRequest): Target {
  switch (request.scope) {
    case 'visit':
      return request;
    case 'site': // a site is what the exclusion list calls one: the host, www. and subdomains
      return { scope: 'matching', entry: siteEntry(request.host) };
    case 'matching':
      return { scope: 'matching', entry: parseExclusion(request.entry) };
    case 'day': {
      const range = dayRange(request.day);
      return { scope: 'day', from: range.lower as number, to: range.upper as number };
    }
    case 'all':
      return request;
  }
}

/** A host as a site entry of the exclusion list (no `www.`, no trailing dot, no pattern). */
function siteEntry(host: string): string {
  const entry = parseExclusion(host.replace(/\.$/, ''));
  if (isPattern(entry)) throw new InvalidRequest('A site is named by its host.');
  return entry;
}

function isPattern(entry: string): boolean {
  return entry.includes('*') || entry.includes('/');
}

/** The local-time bounds of a day written YYYY-MM-DD. */
export function dayRange(day: string): IDBKeyRange {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new InvalidRequest('A day must be written YYYY-MM-DD.');
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(start.getTime()) || start.getDate() !== Number(match[3])) throw new InvalidRequest(`“${day}” is not a day.`);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return IDBKeyRange.bound(start.getTime(), end.getTime(), false, true);
}

/**
 * Deletes what is older than the retention settings: finished visits begun before the start of the
 * local day `visitDays` ago (so the cut moves once a day, and the model is relearned at most that
 * often), with their events; other events after `eventDays`, never later than their visits; and
 * tombstones older than the cut, which give way to one for everything begun before the last of
 * them. When visits go, the checkpoint is marked for relearning, so the model holds only what is
 * kept.
 */
export async function applyRetention(db: Database, visitDays: number, eventDays: number, now = Date.now()): Promise<Forgotten> {
  const cut = retentionCut(visitDays, now);
  const tx = db.transaction(['visits', 'events', 'model', 'forgotten'], 'readwrite');
  const events = tx.objectStore('events');
  const removed: Forgotten = { visits: 0, events: 0, relearn: false };
  for (let c = await tx.objectStore('visits').index('by-started').openCursor(IDBKeyRange.upperBound(cut, true)); c; c = await c.continue()) {
    if (c.value.seq === undefined) continue; // an open visit is still being written
    const eventIds = await events.index('by-visit').getAllKeys(c.value.key);
    for (const eventId of eventIds) await events.delete(eventId);
    await c.delete();
    removed.visits++;
    removed.events += eventIds.length;
  }
  const eventCut = Math.max(now - eventDays * DAY_MS, cut); // never kept longer than the visits
  for (let c = await events.index('by-at').openCursor(IDBKeyRange.upperBound(eventCut, true)); c; c = await c.continue()) {
    await c.delete();
    removed.events++;
  }
  // Tombstones past the cut cover only visits that are past it too. They give way to one for
  // everything begun before the last of them: should the retention be raised later, a data file
  // or the history cannot bring back what they covered (nor, with it, anything else of then).
  const forgotten = tx.objectStore('forgotten');
  let last = -Infinity;
  for (let c = await forgotten.index('by-at').openCursor(IDBKeyRange.upperBound(cut, true)); c; c = await c.continue()) {
    last = Math.max(last, c.value.at);
    await c.delete();
  }
  if (last > -Infinity) await forgotten.add({ scope: 'all', at: last, retention: true });
  if (removed.visits > 0) {
    removed.relearn = true;
    await markForRelearning(tx);
  }
  await tx.done;
  if (removed.visits > 0) visitIndex(db).drop();
  return removed;
}

const DAY_MS = 86_400_000;

/** Visits begun before this time are past retention: the start of the local day `days` ago. */
export function retentionCut(days: number, now = Date.now()): number {
  const then = new Date(now - days * DAY_MS);
  return new Date(then.getFullYear(), then.getMonth(), then.getDate()).getTime();
}

/** The tombstones in force, for a report or an import to respect. */
export async function tombstones(db: Database): Promise<Tombstone[]> {
  return db.getAll('forgotten');
}
