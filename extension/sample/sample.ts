// The sample to explore: the persona of docs/persona.md (seed 1), browsing for the 90 days up to
// yesterday, kept in a database of its own (SAMPLE_DB_NAME) and learned by a learner of its own.
// Both live in the page that shows the sample, never in the background: the background keeps
// recording the user's visits in the user's database, which this page never opens. The sample's
// visits go in as a data file's do (data-file.ts: every line checked, then merged and learned in
// time order), and closing the sample deletes its database.
import { deleteDB } from 'idb';
import { DataFileReader } from '../data-file';
import { generatePersona } from '../persona/generate';
import { closeDatabase, database } from '../storage/db';
import { SAMPLE_DB_NAME, useSampleDatabase } from '../storage/database-name';
import { mergeRules } from '../storage/merge';
import { getSettings } from '../storage/settings';
import { flush, importVisits, unload } from '../background/learner-service';

export const SAMPLE_DAYS = 90;
export const SAMPLE_SEED = 1;
const DAY_MS = 86_400_000;

/** The sample's visit log: one JSON line a visit, the 90 days before today (UTC), none after `now`. */
export function sampleLog(now = Date.now()): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const { records } = generatePersona({ days: SAMPLE_DAYS, seed: SAMPLE_SEED, start: today - SAMPLE_DAYS * DAY_MS });
  return records.filter(({ visit }) => visit.endedAt <= now).map(({ visit }) => JSON.stringify(visit));
}

/** What opening the sample found or made. */
export interface SampleOpened {
  /** Visits the sample holds. */
  visits: number;
  /** True when it was made now; false when this page (reloaded) found it made already. */
  made: boolean;
}

/**
 * Makes this page's database the sample's and fills it, unless it is filled already (the page was
 * reloaded): the visits are merged in and learned, in one job of this page's learner.
 */
export async function openSample(now = Date.now()): Promise<SampleOpened> {
  useSampleDatabase();
  const db = await database();
  const stored = await db.count('visits');
  if (stored > 0) return { visits: stored, made: false };
  const reader = new DataFileReader(now);
  reader.add(sampleLog(now));
  const { badLines, problems } = reader.check;
  if (badLines > 0) throw new Error(`The sample could not be made: ${problems.join('; ')}.`);
  const merged = await importVisits(reader.visits, async () => mergeRules(await getSettings(db), now));
  return { visits: merged.added, made: true };
}

/** Deletes the sample's database, once this page's learner has finished what it was doing. */
export async function closeSample(): Promise<void> {
  await flush().catch(() => undefined); // waits for the learner's queue; the save is thrown away with the rest
  unload();
  closeDatabase();
  await deleteDB(SAMPLE_DB_NAME);
}
