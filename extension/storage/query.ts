// Reading stored visits for the popup: newest first, searchable, paged; and the habits heatmap.
import { isVisit } from '../../model/visit';
import type { StoredVisit, VisitPage, VisitQuery } from '../contract-types';
import type { Database } from './db';

const MAX_PAGE = 200;

export async function queryVisits(db: Database, query: VisitQuery): Promise<VisitPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? 50)), MAX_PAGE);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const matches = (visit: StoredVisit) => (!query.host || visit.host === query.host)
    && words.every((word) => `${visit.title} ${visit.url}`.toLowerCase().includes(word));
  const visits: StoredVisit[] = [];
  let total = 0;
  for (let c = await db.transaction('visits').store.index('by-started').openCursor(null, 'prev'); c; c = await c.continue()) {
    const visit = c.value as StoredVisit;
    if (!isVisit(visit) || !matches(visit)) continue; // a damaged record is not shown (forget a day or all takes it)
    if (total >= offset && visits.length < limit) visits.push(visit);
    total++;
  }
  return { visits, total };
}

/** Visits by weekday (0 = Sunday) and hour of the day, local time: 7 rows of 24. */
export async function habits(db: Database): Promise<number[][]> {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (let c = await db.transaction('visits').store.index('by-started').openKeyCursor(); c; c = await c.continue()) {
    const at = new Date(c.key as number);
    grid[at.getDay()][at.getHours()]++;
  }
  return grid;
}

export async function countSites(db: Database): Promise<number> {
  let sites = 0;
  for (let c = await db.transaction('visits').store.index('by-host').openKeyCursor(null, 'nextunique'); c; c = await c.continue()) sites++;
  return sites;
}
