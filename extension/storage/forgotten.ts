// Tombstones: what the user forgot stays forgotten. A page still open when its visit, its site or
// its day was forgotten keeps reporting; without a record of the forget, its next report would
// write the visit back. Each forget leaves a tombstone that later reports and imports respect:
// a visit that began before the forget and falls under it is not stored again, and a forgotten
// site is not kept as another visit's referrer. Pauses are kept the same way, and so are entries
// taken off the exclusion list: a page of an excluded site whose report arrives once the exclusion
// is lifted (it was in flight, or its tab stayed open) began while it was excluded. Past the
// retention cut, tombstones give way to one for everything begun before the last of them
// (forget.ts), which keeps no trace of what they named and lets nothing of then back in should
// the retention be raised.
import { murmur3 } from '../../model/hash';
import { isExcluded } from '../exclusions';
import type { IDBPObjectStore } from 'idb';
import type { Database, TabulaDB } from './db';

export type Tombstone =
  | { scope: 'visit'; key: string; at: number }
  /**
   * A site (a host with its subdomains), kept as a hash of its name rather than the name: the
   * database keeps no readable trace of what was forgotten (whoever guesses the site can check it).
   */
  | { scope: 'site'; hash: number; at: number }
  /** A pattern of the exclusion list (`*bank*`): the user's own list holds it already. */
  | { scope: 'matching'; entry: string; at: number }
  /** A local day, from its first millisecond to the first of the next. */
  | { scope: 'day'; from: number; to: number; at: number }
  /**
   * Everything begun before `at`: a forget of everything, or (`retention`) the tombstones past the
   * retention cut, which give way to one (forget.ts) that no longer says what they were.
   */
  | { scope: 'all'; at: number; retention?: true }
  /**
   * Recording was paused from `from` to `to` (open while paused): nothing of then is taken from this
   * browser's history later. Another browser's visits of then, in a data file, are (merge.ts).
   */
  | { scope: 'paused'; from: number; to: number; at: number }
  /**
   * An entry of the exclusion list, taken off it at `at`: a page's report of a visit that began
   * before, under that entry, is refused. Imports are not held to it (but for the tombstone it
   * gives way to past the retention cut): the list says nothing of when the entry was added, so
   * another browser's visits of before are not known to be of then.
   */
  | { scope: 'lifted'; entry: string; at: number };

/** A visit as far as tombstones care: its key, address and start. */
export interface Reported {
  key: string;
  host: string;
  path: string;
  startedAt: number;
}

/** True when a forget covers this visit: it began before the forget and falls under it. */
export function isForgotten(visit: Reported, tombstones: readonly Tombstone[]): boolean {
  return tombstones.some((tombstone) => {
    if (tombstone.scope === 'visit') return tombstone.key === visit.key;
    if (tombstone.scope === 'paused') return tombstone.from <= visit.startedAt && visit.startedAt < tombstone.to;
    if (visit.startedAt >= tombstone.at) return false; // begun since: new data
    switch (tombstone.scope) {
      case 'lifted':
        return false; // a page's own report only: see beganExcluded
      case 'site':
        return siteHashes(visit.host).includes(tombstone.hash);
      case 'matching':
        return isExcluded(visit.host, visit.path, [tombstone.entry]);
      case 'day':
        return tombstone.from <= visit.startedAt && visit.startedAt < tombstone.to;
      case 'all':
        return true;
    }
  });
}

/** True when a page's visit began under an entry of the exclusion list since taken off it. */
export function beganExcluded(visit: Reported, tombstones: readonly Tombstone[]): boolean {
  return tombstones.some((tombstone) => tombstone.scope === 'lifted' && visit.startedAt < tombstone.at
    && isExcluded(visit.host, visit.path, [tombstone.entry]));
}

/** Notes, at `now`, the entries that a change of the exclusion list from `before` to `after` took off it (settings.ts). */
export async function noteLiftedExclusions(store: ForgottenStore, before: readonly string[], after: readonly string[], now: number): Promise<void> {
  for (const entry of before.filter((entry) => !after.includes(entry))) await store.add({ scope: 'lifted', entry, at: now });
}

/** True when a host names a forgotten site: it is not kept as where another visit came from. */
export function isForgottenSite(host: string, tombstones: readonly Tombstone[]): boolean {
  if (host === '') return false;
  const hashes = siteHashes(host);
  return tombstones.some((tombstone) => (tombstone.scope === 'site' && hashes.includes(tombstone.hash))
    || (tombstone.scope === 'matching' && coversHost(tombstone.entry, host)));
}

/** The hash a site entry (`example.com`, no `www.`, no pattern) is kept as. */
export function siteHash(site: string): number {
  return murmur3(`forgotten-site:${site}`, 0);
}

/** The hashes of every site a host belongs to: `a.b.example.com` → those of itself, `b.example.com`, `example.com`, `com`. */
function siteHashes(host: string): number[] {
  const labels = host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '').split('.');
  return labels.map((_, i) => siteHash(labels.slice(i).join('.')));
}

/**
 * Whether an entry covers a host seen without its path (a referrer, an event): a site or a pattern
 * over hosts does; a pattern over paths (`*\/login*`) cannot be told from the host alone, so not.
 */
export function coversHost(entry: string, host: string): boolean {
  return !entry.includes('/') && isExcluded(host, '/', [entry]);
}

/** Notes that recording was paused or resumed, so that an import later respects the pause (settings.ts). */
export async function notePause(store: ForgottenStore, paused: boolean, now: number): Promise<void> {
  const open = (await store.getAll()).filter(isOngoingPause);
  // A pause still going on is dated the end of time, so that the retention cut does not take it.
  if (paused && open.length === 0) await store.add({ scope: 'paused', from: now, to: OPEN, at: OPEN });
  if (!paused) for (const tombstone of open) await store.put({ ...tombstone, to: now, at: now });
}

/** The tombstones' store, in a transaction that writes them with the settings. */
type ForgottenStore = IDBPObjectStore<TabulaDB, ('settings' | 'forgotten')[], 'forgotten', 'readwrite'>;

type PauseTombstone = Extract<Tombstone, { scope: 'paused' }> & { id?: number };

/** Whether a tombstone is that of a pause not ended yet. */
export function isOngoingPause(tombstone: Tombstone): tombstone is PauseTombstone {
  return tombstone.scope === 'paused' && tombstone.to === OPEN;
}

/** The end of a pause still going on. */
const OPEN = Number.MAX_SAFE_INTEGER;
