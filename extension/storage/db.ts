// The one owner of Tabula's IndexedDB: the schema as a type, versioned upgrades, one database promise.
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LearnerSnapshot, WeekMark } from '../../model/index';
import type { Interaction } from '../../model/visit';
import type { Settings, StoredVisit } from '../contract-types';
import type { Tombstone } from './forgotten';
import { databaseName } from './database-name';
import { applyPrivacyRulesToStoredVisits } from './privacy-upgrade';

export { DB_NAME, SAMPLE_DB_NAME } from './database-name';
export const DB_VERSION = 6;

/** One fine-grained record of a visit's progress: the counters as a content-script update saw them. */
export interface InteractionEvent extends Interaction {
  id?: number;
  visitKey: string;
  host: string;
  at: number;
}

/** The model and exactly how far it has learned, written together in one put. */
export interface Checkpoint {
  snapshot: LearnerSnapshot;
  /** seq of the last visit learned (0: none). */
  lastSeq: number;
  savedAt: number;
  /** The model's daily marks of the last eight days of its visits, for "what changed this week" (model/weekly.ts). */
  weekly?: readonly WeekMark[];
  /**
   * Stored visits were forgotten after this snapshot was taken, in the same transaction that set
   * this: the snapshot may still hold them, so only its settings are kept and every remaining
   * visit is learned again.
   */
  relearn?: boolean;
}

export interface TabulaDB extends DBSchema {
  visits: {
    key: number;
    value: Omit<StoredVisit, 'id'> & { id?: number; tabId?: number };
    indexes: { 'by-key': string; 'by-seq': number; 'by-host': string; 'by-started': number; 'by-tab': number };
  };
  events: {
    key: number;
    value: InteractionEvent;
    indexes: { 'by-at': number; 'by-host': string; 'by-visit': string };
  };
  model: { key: 'checkpoint'; value: Checkpoint };
  settings: { key: 'settings'; value: Settings };
  /** The last seq given to a visit: seqs only grow, even when the visits holding the last ones are deleted. */
  counters: { key: 'seq'; value: number };
  /** What the user forgot, so that a page still open cannot report it back (see forgotten.ts). */
  forgotten: { key: number; value: Tombstone & { id?: number }; indexes: { 'by-at': number } };
}

export type Database = IDBPDatabase<TabulaDB>;

let opening: Promise<Database> | undefined;
/** The name `opening` was opened with: a context never moves from one database to the other. */
let openedAs: string | undefined;

/** The database, opened once per context and upgraded as needed: the user's, or in the sample's page the sample's. */
export function database(): Promise<Database> {
  if (opening && openedAs !== databaseName()) throw new Error('This page has already opened another Tabula database.');
  openedAs = databaseName();
  opening ??= open(openedAs).catch((error) => {
    opening = undefined; // let the next call try again
    throw isVersionError(error) ? new NewerDatabaseError() : error;
  });
  return opening;
}

/**
 * The database was written by a newer Tabula (an update rolled back, a profile copied from a newer
 * browser): this version cannot read it, and must not change it. Every request says so, with the
 * way out: update Tabula, or export the data (read as it is) and reset.
 */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor() {
    super('Your Tabula data was saved by a newer version of Tabula, which this version cannot read. '
      + 'Update Tabula to use it, or export your data (Model → Export stored data) and then reset to start again.');
  }
}

function isVersionError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'VersionError';
}

/** Every record of some stores as they are, at whatever version (to export data this Tabula cannot open). */
export async function readAsItIs(stores: string[]): Promise<Record<string, unknown[]>> {
  const db = await openDB(databaseName()); // no version: the database as it is, never upgraded
  try {
    const found = stores.filter((store) => db.objectStoreNames.contains(store as never));
    return Object.fromEntries(await Promise.all(found.map(async (store) => [store, await db.getAll(store as never)])));
  } finally {
    db.close();
  }
}

/** Deletes the database when it is of a newer version (the reset that is the way out); true if it did. */
export async function deleteNewerDatabase(): Promise<boolean> {
  try {
    await database();
    return false;
  } catch (error) {
    if (!(error instanceof NewerDatabaseError)) throw error;
    await deleteDB(databaseName());
    return true;
  }
}

/** Opens (and upgrades) a Tabula database by name: tests use their own names. */
export function open(name: string, version = DB_VERSION): Promise<Database> {
  return openDB<TabulaDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, transaction) {
      // Each step takes the schema from one version to the next and keeps what is stored.
      const step = (version: number) => oldVersion < version && version <= (newVersion ?? version);
      if (step(1)) {
        // Version 1 as it shipped, never to change: the upgrade proof writes its old database with this step alone.
        const visits = db.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
        visits.createIndex('by-key', 'key', { unique: true });
        visits.createIndex('by-seq', 'seq', { unique: true });
        visits.createIndex('by-host', 'host');
        visits.createIndex('by-started', 'startedAt');
        visits.createIndex('by-tab', 'tabId');
        const events = db.createObjectStore('events', { keyPath: 'id', autoIncrement: true });
        events.createIndex('by-at', 'at');
        events.createIndex('by-host', 'host');
        events.createIndex('by-visit', 'visitKey');
        db.createObjectStore('model');
        db.createObjectStore('settings');
      }
      if (step(2)) db.createObjectStore('counters'); // visits.ts reads a missing counter as the highest stored seq
      if (step(3)) db.createObjectStore('forgotten', { keyPath: 'id', autoIncrement: true }).createIndex('by-at', 'at');
      // Versions 3 (titles, referrers), 4 (results pages' paths), 5 (e-mail addresses in paths) and
      // 6 (addresses escaped more than once) each brought what was stored before them under the
      // privacy rules: the rules of now do all at once.
      if (oldVersion > 0 && (step(3) || step(4) || step(5) || step(6))) await applyPrivacyRulesToStoredVisits(transaction);
    },
    blocking(_current, _next, event) {
      // A newer version wants the database: step aside, or its upgrade waits for this connection.
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
    terminated() {
      opening = undefined; // closed by the browser (storage cleared, disk error): open again next time
    },
  });
}

/** Forgets the cached connection (tests, and after the database is deleted). */
export function closeDatabase(): void {
  void opening?.then((db) => db.close());
  opening = undefined;
}
