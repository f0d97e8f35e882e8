// Reading stored visits for the popup: newest first, searchable, paged; the habits heatmap and the
// number of sites. All of them go through the visits' index in memory (visit-index.ts); a page of
// the list then reads only its own records.
import type { StoredVisit, VisitPage, VisitQuery } from '../contract-types';
import type { Database } from './db';
import { visitIndex } from './visit-index';

const MAX_PAGE = 200;

export async function queryVisits(db: Database, query: VisitQuery): Promise<VisitPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 50)), MAX_PAGE);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const all = await visitIndex(db).visits();
  const found = query.host || words.length > 0
    ? all.filter((visit) => (!query.host || visit.host === query.host) && words.every((word) => visit.text.includes(word)))
    : all;
  const ids = found.slice(offset, offset + limit).map((visit) => visit.id);
  const tx = db.transaction('visits');
  const records = await Promise.all(ids.map((id) => tx.store.get(id)));
  // A record deleted since the index was read is left out (a damaged one is not in the index at all).
  const visits = records.filter((record): record is StoredVisit => record !== undefined);
  return { visits, total: found.length };
}

/** Visits by weekday (0 = Sunday) and hour of the day, local time: 7 rows of 24. */
export function habits(db: Database): Promise<number[][]> {
  return visitIndex(db).habits();
}

export function countSites(db: Database): Promise<number> {
  return visitIndex(db).sites();
}

/** The readable stored visits (IndexedDB's own count reads every key). */
export async function countVisits(db: Database): Promise<number> {
  return (await visitIndex(db).visits()).length;
}
