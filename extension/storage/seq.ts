// Seqs: the order in which finished visits are learned. A visit gets the next seq in the same
// transaction that finishes it. The last seq given is kept in its own store, so seqs only grow:
// were the visits holding the highest seqs deleted (retention, a forget), a new visit must not
// take a seq the learner has already passed, or it would never be learned.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { TabulaDB } from './db';

type Store<Name extends StoreNames<TabulaDB>> = IDBPObjectStore<TabulaDB, ArrayLike<StoreNames<TabulaDB>>, Name, 'readwrite'>;

/** The two stores of a readwrite transaction that finishes visits. */
export interface SeqStores {
  visits: Store<'visits'>;
  counters: Store<'counters'>;
}

/** Stores that every transaction finishing visits must include. */
export const SEQ_STORES: ['visits', 'counters'] = ['visits', 'counters'];

/** The next seq: one past both the last given and the highest stored (a database from before the counter). */
export async function nextSeq({ visits, counters }: SeqStores): Promise<number> {
  const highestStored = await visits.index('by-seq').openKeyCursor(null, 'prev');
  const seq = Math.max((await counters.get('seq')) ?? 0, (highestStored?.key as number | undefined) ?? 0) + 1;
  await counters.put(seq, 'seq');
  return seq;
}

/** Finishes open visits in the order given: each loses its tabId and gets the next seq. */
export async function finishAll(stores: SeqStores, open: TabulaDB['visits']['value'][]): Promise<number> {
  for (const visit of open) {
    delete visit.tabId;
    visit.seq = await nextSeq(stores);
    await stores.visits.put(visit);
  }
  return open.length;
}
