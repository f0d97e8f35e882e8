// A database written by a newer Tabula (a downgrade): every request says so in words, the data can
// still be exported as it is, and a reset that wipes the data starts again from an empty database.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { visitAt } from './fixtures';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  const newer = await openDB('tabula', 99, {
    upgrade(db) {
      db.createObjectStore('visits', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('settings');
      db.createObjectStore('something-new');
    },
  });
  await newer.put('visits', { ...visitAt('news.example', Date.now()), key: 'from-the-future', seq: 1 });
  newer.close();
});

describe('a database of a newer version', () => {
  it('is refused with a message that says what happened and the way out', async () => {
    const data = await import('../../extension/background/handlers/data');
    await expect(data.onSettingsGet()).rejects.toThrow(/newer version of Tabula.*export your data.*reset/);
    await expect(data.onVisits({})).rejects.toThrow('newer version');
  });

  it('can still be exported as it is, and deleted by the way-out reset', async () => {
    const data = await import('../../extension/background/handlers/data');
    const exported = await data.onDataExport();
    expect(exported.visits.map((visit) => visit.key)).toEqual(['from-the-future']);
    const storage = await import('../../extension/storage/db');
    expect(await storage.deleteNewerDatabase()).toBe(true);
    expect((await data.onVisits({})).total).toBe(0);
    expect(await storage.deleteNewerDatabase()).toBe(false); // a database of this version is never deleted so
  });
});

describe('the way out', () => {
  it('is a reset that wipes the data: the newer database goes, and Tabula starts again', async () => {
    vi.stubGlobal('navigator', {}); // the overview asks for a storage estimate where there is one
    const model = await import('../../extension/background/handlers/model');
    await expect(model.onReset({ wipeData: false })).rejects.toThrow('newer version');
    const overview = await model.onReset({ wipeData: true });
    expect(overview).toMatchObject({ visitsLearned: 0, storedVisits: 0 });
    vi.unstubAllGlobals();
  });
});
