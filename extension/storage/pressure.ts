// Storage pressure: when the disk or quota is full, the oldest fine-grained events go first.
// Visits and the model are kept; the user is told through the background's status.
import type { Database } from './db';

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'UnknownError' && /quota|space/i.test(error.message))
    || (error as { name?: string })?.name === 'QuotaExceededError';
}

export const pressure = { eventsPruned: 0, fullAt: 0 };

/**
 * Makes room after a quota error: notes it for the user, then deletes the oldest events. Pruning
 * can fail too (a full disk has no room even for a delete's journal); the note stays all the same.
 */
export async function makeRoom(db: Database): Promise<number> {
  pressure.fullAt = Date.now();
  return pruneOldestEvents(db);
}

/** Deletes the oldest share of interaction events (at least `minimum`); returns how many went. */
export async function pruneOldestEvents(db: Database, share = 0.25, minimum = 100): Promise<number> {
  const tx = db.transaction('events', 'readwrite');
  const total = await tx.store.count();
  let toDelete = Math.min(total, Math.max(minimum, Math.ceil(total * share)));
  let deleted = 0;
  for (let cursor = await tx.store.index('by-at').openCursor(); cursor && toDelete > 0; cursor = await cursor.continue()) {
    await cursor.delete();
    toDelete--;
    deleted++;
  }
  await tx.done;
  pressure.eventsPruned += deleted;
  return deleted;
}
