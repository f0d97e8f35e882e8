// Deleting what the user asks to forget: one visit, a site, a day, everything — visits and their
// events together, in one transaction. Relearning the model from what remains is the learner's job.
import type { ForgetRequest } from '../contract-types';
import { InvalidRequest } from '../errors';
import type { Database } from './db';

export interface Removed {
  visits: number;
  events: number;
}

export async function forgetData(db: Database, request: ForgetRequest): Promise<Removed> {
  return inForget(db, request, true);
}

/** What forgetting would remove, without removing it (for the confirmation). */
export async function countForget(db: Database, request: ForgetRequest): Promise<Removed> {
  return inForget(db, request, false);
}

async function inForget(db: Database, request: ForgetRequest, remove: boolean): Promise<Removed> {
  const tx = db.transaction(['visits', 'events'], 'readwrite');
  const visits = tx.objectStore('visits');
  const events = tx.objectStore('events');
  if (request.scope === 'all') {
    const removed = { visits: await visits.count(), events: await events.count() };
    if (remove) await Promise.all([visits.clear(), events.clear()]);
    await tx.done;
    return removed;
  }
  const ids = request.scope === 'visit'
    ? ((await visits.getKey(request.id)) === undefined ? [] : [request.id])
    : request.scope === 'site'
      ? await visits.index('by-host').getAllKeys(request.host)
      : await visits.index('by-started').getAllKeys(dayRange(request.day));
  let removedEvents = 0;
  for (const id of ids) {
    const visit = await visits.get(id);
    if (!visit) continue;
    const eventIds = await events.index('by-visit').getAllKeys(visit.key);
    removedEvents += eventIds.length;
    if (!remove) continue;
    for (const eventId of eventIds) await events.delete(eventId);
    await visits.delete(id);
  }
  await tx.done;
  return { visits: ids.length, events: removedEvents };
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
