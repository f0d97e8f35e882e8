// Deleting what the user asks to forget: one visit, a site, a day, everything — visits and their
// events together, in one transaction. The same transaction marks the model checkpoint for
// relearning, so that a background stopped before the relearning is done cannot wake up with a
// model that still holds what was forgotten. Relearning itself is the learner's job.
import type { ForgetRequest } from '../contract-types';
import { InvalidRequest } from '../errors';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Database, TabulaDB } from './db';

export interface Removed {
  visits: number;
  events: number;
}

export async function forgetData(db: Database, request: ForgetRequest): Promise<Removed> {
  const tx = db.transaction(['visits', 'events', 'model'], 'readwrite');
  const visits = tx.objectStore('visits');
  const events = tx.objectStore('events');
  let removed: Removed;
  if (request.scope === 'all') {
    removed = { visits: await visits.count(), events: await events.count() };
    await Promise.all([visits.clear(), events.clear()]);
  } else {
    removed = { visits: 0, events: 0 };
    for (const id of await visitIds(visits, request)) {
      const visit = await visits.get(id);
      if (!visit) continue;
      const eventIds = await events.index('by-visit').getAllKeys(visit.key);
      for (const eventId of eventIds) await events.delete(eventId);
      await visits.delete(id);
      removed.visits++;
      removed.events += eventIds.length;
    }
  }
  const checkpoint = removed.visits > 0 ? await tx.objectStore('model').get('checkpoint') : undefined;
  if (checkpoint) await tx.objectStore('model').put({ ...checkpoint, relearn: true }, 'checkpoint');
  await tx.done;
  return removed;
}

/** What forgetting would remove, without removing it (for the confirmation). */
export async function countForget(db: Database, request: ForgetRequest): Promise<Removed> {
  const tx = db.transaction(['visits', 'events']);
  const visits = tx.objectStore('visits');
  const events = tx.objectStore('events');
  if (request.scope === 'all') return { visits: await visits.count(), events: await events.count() };
  const counted: Removed = { visits: 0, events: 0 };
  for (const id of await visitIds(visits, request)) {
    const visit = await visits.get(id);
    if (!visit) continue;
    counted.visits++;
    counted.events += await events.index('by-visit').count(visit.key);
  }
  return counted;
}

type VisitKeys = IDBPObjectStore<TabulaDB, ArrayLike<StoreNames<TabulaDB>>, 'visits', 'readonly' | 'readwrite'>;

async function visitIds(visits: VisitKeys, request: Exclude<ForgetRequest, { scope: 'all' }>): Promise<number[]> {
  switch (request.scope) {
    case 'visit':
      return (await visits.getKey(request.id)) === undefined ? [] : [request.id];
    case 'site':
      return visits.index('by-host').getAllKeys(request.host);
    case 'day':
      return visits.index('by-started').getAllKeys(dayRange(request.day));
  }
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

/** Deletes what is older than the retention settings. Returns the counts removed. */
export async function applyRetention(db: Database, visitDays: number, eventDays: number, now = Date.now()): Promise<Removed> {
  const tx = db.transaction(['visits', 'events'], 'readwrite');
  let visits = 0;
  let events = 0;
  const oldVisits = IDBKeyRange.upperBound(now - visitDays * 86_400_000, true);
  for (let c = await tx.objectStore('visits').index('by-started').openCursor(oldVisits); c; c = await c.continue()) {
    if (c.value.seq === undefined) continue; // an open visit is still being written
    await c.delete();
    visits++;
  }
  const oldEvents = IDBKeyRange.upperBound(now - eventDays * 86_400_000, true);
  for (let c = await tx.objectStore('events').index('by-at').openCursor(oldEvents); c; c = await c.continue()) {
    await c.delete();
    events++;
  }
  await tx.done;
  return { visits, events };
}
