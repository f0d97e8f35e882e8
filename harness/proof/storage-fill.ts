// Filling an origin's storage to the brim from one of its pages: random (incompressible) blobs in a
// database of their own, 1 MB at a time, then ever smaller, until even 1 KB no longer fits. Runs in
// the page, so it is self-contained. `emptyStorage` deletes that database again.

/** The database the filler writes into, apart from Tabula's own. */
export const FILLER = 'tabula-proof-filler';

export interface Filled {
  bytes: number;
  /** The first error that stopped a write, by name (QuotaExceededError, say). */
  stoppedBy: string;
  usage: number;
  quota: number;
}

export async function fillStorage(database: string, maxBytes: number): Promise<Filled> {
  const open = () => new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(database, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('blobs', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const randomBytes = (size: number) => {
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
    return bytes;
  };
  const put = (db: IDBDatabase, bytes: Uint8Array) => new Promise<void>((resolve, reject) => {
    const tx = db.transaction('blobs', 'readwrite');
    tx.objectStore('blobs').add(bytes);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
  let bytes = 0;
  let stoppedBy = '';
  for (const size of [1 << 20, 1 << 18, 1 << 16, 1 << 14, 1 << 12, 1 << 10]) {
    // A fresh connection for each size: after a quota error some browsers close the old one.
    let db: IDBDatabase;
    try {
      db = await open();
    } catch (error) {
      stoppedBy ||= (error as Error)?.name ?? String(error);
      break;
    }
    while (bytes + size <= maxBytes) {
      try {
        await put(db, randomBytes(size));
        bytes += size;
      } catch (error) {
        stoppedBy ||= (error as Error)?.name ?? String(error);
        break;
      }
    }
    db.close();
  }
  const estimate = await navigator.storage.estimate();
  return { bytes, stoppedBy: stoppedBy || 'none', usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}

export async function emptyStorage(database: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const request = indexedDB.deleteDatabase(database);
    request.onsuccess = () => resolve(true);
    request.onerror = () => resolve(false);
    request.onblocked = () => resolve(false);
  });
}
