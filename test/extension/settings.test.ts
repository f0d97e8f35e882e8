// Settings: defaults, validated changes, nothing stored on a bad change.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
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
});
