// The user's settings: stored in IndexedDB beside the data they govern, validated on every change.
import type { Settings } from '../contract-types';
import { InvalidRequest } from '../errors';
import { DEFAULT_EXCLUSIONS, parseExclusion } from '../exclusions';
import type { Database } from './db';
import { noteLiftedExclusions, notePause } from './forgotten';
import { abortQuietly, settledQuietly } from './visits';

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  excluded: DEFAULT_EXCLUSIONS,
  visitRetentionDays: 90,
  eventRetentionDays: 7,
  historyImport: false,
};

/** Stored settings that could not be read, by name and why: each fell back to its default. */
export const settingsProblems = new Map<string, string>();

/**
 * The settings in force. Each stored value is checked as a change would be: one that cannot be
 * read (a record damaged on disk, or written by other code) falls back to its default and is
 * reported, rather than stopping every request that needs the settings.
 */
export async function getSettings(db: Database): Promise<Settings> {
  return settingsFrom(await db.get('settings', 'settings'));
}

/**
 * Applies a validated change and returns the settings as stored (a damaged value is replaced). The
 * tombstones a change calls for (an entry taken off the exclusion list, a pause begun or ended:
 * see forgotten.ts) are written in the same transaction, so that a failing write (a full disk)
 * leaves neither half: settings that say recording goes on while a pause's tombstone still refuses
 * every visit, or a pause without one.
 */
export async function updateSettings(db: Database, change: unknown, now = Date.now()): Promise<Settings> {
  const checked = checkSettingsChange(change);
  const tx = db.transaction(['settings', 'forgotten'], 'readwrite');
  settledQuietly(tx.done);
  let next: Settings;
  try {
    const before = settingsFrom(await tx.objectStore('settings').get('settings'));
    next = { ...before, ...checked };
    const forgotten = tx.objectStore('forgotten');
    await noteLiftedExclusions(forgotten, before.excluded, next.excluded, now);
    if (next.paused !== before.paused) await notePause(forgotten, next.paused, now);
    await tx.objectStore('settings').put(next, 'settings');
    await tx.done;
  } catch (error) {
    abortQuietly(tx); // a write refused on the way: none of the others is kept either
    throw error;
  }
  settingsProblems.clear();
  return next;
}

function settingsFrom(stored: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  settingsProblems.clear();
  if (stored === undefined) return settings;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    settingsProblems.set('settings', 'not an object');
    return settings;
  }
  for (const [name, value] of Object.entries(stored)) {
    try {
      Object.assign(settings, checkSettingsChange({ [name]: value }));
    } catch (error) {
      settingsProblems.set(name.slice(0, 40), (error as Error).message);
    }
  }
  return settings;
}

/** A change of the settings, validated; throws an InvalidRequest naming what will not do. */
export function checkSettingsChange(change: unknown): Partial<Settings> {
  if (typeof change !== 'object' || change === null) throw new InvalidRequest('Settings must be an object.');
  const out: Partial<Settings> = {};
  for (const [name, value] of Object.entries(change)) {
    switch (name) {
      case 'paused':
      case 'historyImport':
        if (typeof value !== 'boolean') throw new InvalidRequest(`“${name}” must be true or false.`);
        out[name] = value;
        break;
      case 'visitRetentionDays':
      case 'eventRetentionDays':
        if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 3650) {
          throw new InvalidRequest(`“${name}” must be a whole number of days from 1 to 3650.`);
        }
        out[name] = value as number;
        break;
      case 'excluded':
        if (!Array.isArray(value) || value.length > 1000) throw new InvalidRequest('The exclusion list must be a list of at most 1000 sites.');
        out.excluded = [...new Set(value.map((entry) => parseExclusion(entry)))];
        break;
      default:
        throw new InvalidRequest(`Unknown setting “${name.slice(0, 40)}”.`);
    }
  }
  return out;
}
