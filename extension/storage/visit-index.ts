// The stored visits as the popup lists, searches and sums them, held in memory by the background:
// for each readable visit its id, start, host, active time and the lower-cased text a search looks
// in, newest first. A year of use is some 30,000 visits; reading them all from IndexedDB for each
// page of the list, each search, the habits and the time report took seconds, and going through
// this index takes milliseconds; the habits and the number of sites are kept with it, visit by
// visit. It is a cache of the store, like the learner: read whole at its
// first use after the background wakes; a recorded report updates its visit in place; a forget,
// the retention cut, an import or a wipe drops it, and the next use reads the store again (as it
// does when the store holds a record it was not told of).
import { isVisit } from '../../model/visit';
import type { StoredVisit } from '../contract-types';
import type { Database } from './db';

export interface IndexedVisit {
  id: number;
  startedAt: number;
  host: string;
  activeMs: number;
  /** Title and address, lower-cased: what a search looks in. */
  text: string;
}

const READ_BATCH = 2_000;

export class VisitIndex {
  /** Newest first (start, then id); undefined until read, and after a drop. */
  private list: IndexedVisit[] | undefined;
  /** The highest id read or put (readable or not): to see a record added past the index. */
  private highestId = 0;
  private reading: Promise<void> | undefined;
  /** Bumped by each drop, so that a read begun before a drop is not kept. */
  private generation = 0;
  /** Reports recorded while the store is being read, applied on top of what it returns. */
  private pending: StoredVisit[] = [];
  /** Visits by weekday (0 = Sunday) and local hour, and by host: kept with the list, visit by visit. */
  private habitGrid: number[][] = emptyGrid();
  private hostCounts = new Map<string, number>();

  constructor(private readonly db: Database) {}

  /** Visits by weekday (0 = Sunday) and hour of the day, local time: 7 rows of 24. */
  async habits(): Promise<number[][]> {
    await this.visits();
    return this.habitGrid.map((row) => [...row]);
  }

  /** How many sites (hosts) the visits are of. */
  async sites(): Promise<number> {
    await this.visits();
    return this.hostCounts.size;
  }

  async visits(): Promise<readonly IndexedVisit[]> {
    for (;;) {
      if (this.list) {
        if (await this.matchesStore()) return this.list;
        this.drop();
      }
      this.reading ??= this.read();
      await this.reading;
      if (this.list) return this.list;
    }
  }

  /**
   * Whether the store's highest id is still the one the index knows (one small request; a count
   * would read every key). Every write of Tabula's own goes through `put` or `drop`; this catches
   * a record added any other way (by a test, a tool, an older version), as ids only grow.
   */
  private async matchesStore(): Promise<boolean> {
    const last = await this.db.transaction('visits').store.openKeyCursor(null, 'prev');
    return ((last?.key as number | undefined) ?? 0) === this.highestId;
  }

  private async read(): Promise<void> {
    const generation = this.generation;
    this.pending = [];
    try {
      const records = await this.readAll();
      if (generation !== this.generation) return; // dropped meanwhile: `visits` reads again
      this.highestId = records.reduce((highest, record) => Math.max(highest, record.id), 0);
      this.list = records.filter((record) => isVisit(record)).map(entryOf).sort(newestFirst);
      this.habitGrid = emptyGrid();
      this.hostCounts = new Map();
      for (const entry of this.list) this.tally(entry, 1);
      for (const visit of this.pending) this.put(visit);
    } finally {
      this.pending = [];
      this.reading = undefined;
    }
  }

  /**
   * Every record, 2,000 at a time: a whole year in one request would hold the background's thread
   * for a second while it is copied in, and nothing else would be answered meanwhile.
   */
  private async readAll(): Promise<StoredVisit[]> {
    const records: StoredVisit[] = [];
    for (;;) {
      const after = records.length > 0 ? IDBKeyRange.lowerBound(records[records.length - 1].id, true) : undefined;
      const batch = (await this.db.getAll('visits', after, READ_BATCH)) as StoredVisit[];
      records.push(...batch);
      if (batch.length < READ_BATCH) return records;
    }
  }

  /** A visit written (new or updated): its entry takes its place in the order. */
  put(visit: StoredVisit): void {
    if (!this.list) {
      if (this.reading) this.pending.push(visit);
      return; // not read yet: the read will see it
    }
    this.highestId = Math.max(this.highestId, visit.id);
    const at = this.list.findIndex((entry) => entry.id === visit.id);
    if (at >= 0) this.tally(this.list.splice(at, 1)[0], -1);
    if (!isVisit(visit)) return;
    const entry = entryOf(visit);
    this.list.splice(insertionPoint(this.list, entry), 0, entry);
    this.tally(entry, 1);
  }

  private tally(entry: IndexedVisit, by: 1 | -1): void {
    const at = new Date(entry.startedAt);
    this.habitGrid[at.getDay()][at.getHours()] += by;
    const left = (this.hostCounts.get(entry.host) ?? 0) + by;
    if (left > 0) this.hostCounts.set(entry.host, left);
    else this.hostCounts.delete(entry.host);
  }

  drop(): void {
    this.generation++;
    this.list = undefined;
  }
}

const indexes = new WeakMap<Database, VisitIndex>();

/** The index of a database's visits (one per open database). */
export function visitIndex(db: Database): VisitIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new VisitIndex(db)));
  return index;
}

function emptyGrid(): number[][] {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

function entryOf(visit: StoredVisit): IndexedVisit {
  return { id: visit.id, startedAt: visit.startedAt, host: visit.host, activeMs: visit.activeMs, text: `${visit.title} ${visit.url}`.toLowerCase() };
}

function newestFirst(a: IndexedVisit, b: IndexedVisit): number {
  return b.startedAt - a.startedAt || b.id - a.id;
}

/** Where an entry goes in a list kept newest first (binary search). */
function insertionPoint(list: IndexedVisit[], entry: IndexedVisit): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (newestFirst(list[middle], entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
