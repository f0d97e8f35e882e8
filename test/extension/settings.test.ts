// Settings: defaults, validated changes, nothing stored on a bad change.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { open } from '../../extension/storage/db';
import { DEFAULT_SETTINGS, getSettings, settingsProblems, updateSettings } from '../../extension/storage/settings';

describe('settings', () => {
  it('starts from the defaults and keeps valid changes', async () => {
    const db = await open('settings-test-1');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await updateSettings(db, { paused: true, excluded: ['Example.com', 'example.com'], visitRetentionDays: 30 });
    expect(await getSettings(db)).toMatchObject({ paused: true, excluded: ['example.com'], visitRetentionDays: 30 });
    db.close();
  });

  it('refuses a bad change and keeps what was stored', async () => {
    const db = await open('settings-test-2');
    await updateSettings(db, { paused: true });
    await expect(updateSettings(db, { paused: 'yes' })).rejects.toThrow('true or false');
    await expect(updateSettings(db, { visitRetentionDays: 0 })).rejects.toThrow('whole number of days');
    await expect(updateSettings(db, { __proto__: 1, sneaky: 1 })).rejects.toThrow('Unknown setting');
    await expect(updateSettings(db, { excluded: new Array(1001).fill('a.com') })).rejects.toThrow('at most 1000');
    expect((await getSettings(db)).paused).toBe(true);
    db.close();
  });

  it('falls back to the default of a stored value it cannot read, says which, and keeps the rest', async () => {
    const db = await open('settings-test-3');
    await db.put('settings', { paused: true, excluded: 'bank.example' as never, visitRetentionDays: -4, eventRetentionDays: 7, historyImport: false }, 'settings');
    const settings = await getSettings(db);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, paused: true });
    expect([...settingsProblems.keys()].sort()).toEqual(['excluded', 'visitRetentionDays']);
    await db.put('settings', 'garbage' as never, 'settings');
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect([...settingsProblems.keys()]).toEqual(['settings']);
    await updateSettings(db, { paused: false }); // the next change writes readable settings again
    expect(settingsProblems.size).toBe(0);
    db.close();
  });

  describe('a change that cannot be written whole (a full disk)', () => {
    afterEach(() => vi.restoreAllMocks());

    /** Makes every `put` or `add` into one store throw as a full disk does. */
    function failWrites(method: 'put' | 'add', store: 'forgotten' | 'settings'): void {
      const write = IDBObjectStore.prototype[method];
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === store) throw new DOMException('The disk is full.', 'QuotaExceededError');
        return write.apply(this, args);
      });
    }

    it('leaves a resume undone, pause and tombstone both, so that asking again resumes', async () => {
      const db = await open('settings-test-4');
      await updateSettings(db, { paused: true }, 1_000);
      failWrites('put', 'forgotten');
      await expect(updateSettings(db, { paused: false }, 2_000)).rejects.toThrow('The disk is full.');
      vi.restoreAllMocks();
      expect((await getSettings(db)).paused).toBe(true);
      expect(await db.getAll('forgotten')).toMatchObject([{ scope: 'paused', from: 1_000, to: Number.MAX_SAFE_INTEGER }]);
      await updateSettings(db, { paused: false }, 3_000);
      expect((await getSettings(db)).paused).toBe(false);
      expect(await db.getAll('forgotten')).toMatchObject([{ scope: 'paused', from: 1_000, to: 3_000, at: 3_000 }]);
      db.close();
    });

    it('leaves a pause\'s tombstone as it was when the setting itself cannot be written', async () => {
      const db = await open('settings-test-6');
      await updateSettings(db, { paused: true }, 1_000);
      failWrites('put', 'settings');
      await expect(updateSettings(db, { paused: false }, 2_000)).rejects.toThrow('The disk is full.');
      vi.restoreAllMocks();
      expect((await getSettings(db)).paused).toBe(true);
      expect(await db.getAll('forgotten')).toMatchObject([{ scope: 'paused', from: 1_000, to: Number.MAX_SAFE_INTEGER }]);
      db.close();
    });

    it('leaves the exclusion list as it was when the entry taken off it cannot be noted', async () => {
      const db = await open('settings-test-5');
      await updateSettings(db, { excluded: ['bank.example', 'clinic.example'] });
      const noted = await db.getAll('forgotten'); // the default entries, taken off the list
      failWrites('add', 'forgotten');
      await expect(updateSettings(db, { excluded: ['bank.example'] })).rejects.toThrow('The disk is full.');
      vi.restoreAllMocks();
      expect((await getSettings(db)).excluded).toEqual(['bank.example', 'clinic.example']);
      expect(await db.getAll('forgotten')).toEqual(noted);
      await updateSettings(db, { excluded: ['bank.example'] }, 4_000);
      expect((await db.getAll('forgotten')).slice(noted.length)).toMatchObject([{ scope: 'lifted', entry: 'clinic.example', at: 4_000 }]);
      db.close();
    });
  });
});
