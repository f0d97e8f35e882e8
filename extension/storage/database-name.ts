// Which IndexedDB database this context opens: the user's, or in a page that shows the sample
// (extension/sample/), the sample's. Its own small module, so that what only needs to know whether
// it runs in the sample (the kept predictions) does not load the database's code.

export const DB_NAME = 'tabula';
/** The sample's database: only a page showing the sample opens it, and such a page never opens DB_NAME. */
export const SAMPLE_DB_NAME = 'tabula-sample';

let name = DB_NAME;

/** Makes this context's database the sample's, for good (db.ts refuses the change once a database is open). */
export function useSampleDatabase(): void {
  name = SAMPLE_DB_NAME;
}

export function databaseName(): string {
  return name;
}

/** True in a page that shows the sample. */
export function showsSample(): boolean {
  return name === SAMPLE_DB_NAME;
}
