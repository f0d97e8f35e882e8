// Profiles of a given size for the popup-scale section: the last N visits of a year of the
// persona (docs/persona.md), moved by whole days so that the last one ended within the past day,
// written straight into Tabula's IndexedDB as finished visits, then learned again with the large
// model, as a year of use would leave them.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExtensionBrowser } from '../browser/launch';

const ROOT = resolve(import.meta.dirname, '../..');
const PERSONA = resolve(ROOT, '.tmp/popup-scale-persona.jsonl');
const DAY_MS = 86_400_000;
/** Visits written into the database by one call into the page (a few MB of JSON). */
const CHUNK = 3_000;

/** The persona's year of visits (33,711 with seed 1), generated once into .tmp/ by `npm run persona`. */
export function personaYear(): Record<string, unknown>[] {
  if (!existsSync(PERSONA)) {
    // The generator is a command of its own (tools/persona.ts); it is run, not imported.
    execFileSync('npm', ['run', '--silent', 'persona', '--', '--days', '365', '--seed', '1', '--start', '2025-01-01', '--out', PERSONA],
      { cwd: ROOT, stdio: 'ignore' });
  }
  return readFileSync(PERSONA, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The last `count` visits, moved by whole days (so hours of the day stay) to end before `now`. */
export function recentVisits(year: Record<string, unknown>[], count: number, now = Date.now()): Record<string, unknown>[] {
  const chosen = year.slice(-count);
  const lastEnd = chosen[chosen.length - 1].endedAt as number;
  const shift = Math.floor((now - lastEnd) / DAY_MS) * DAY_MS;
  return chosen.map((visit, i) => ({
    ...visit, startedAt: (visit.startedAt as number) + shift, endedAt: (visit.endedAt as number) + shift,
    source: 'page', key: `scale-${i}`, seq: i + 1,
  }));
}

/** Writes finished visits into Tabula's database from one of its pages, `CHUNK` at a time. */
export async function writeVisits(tabula: ExtensionBrowser, visits: Record<string, unknown>[]): Promise<void> {
  for (let at = 0; at < visits.length; at += CHUNK) {
    await tabula.inExtensionPage(async (chunk: Record<string, unknown>[]) => {
      const db: IDBDatabase = await new Promise((done, fail) => {
        const request = indexedDB.open('tabula');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((done, fail) => {
        const tx = db.transaction('visits', 'readwrite');
        for (const visit of chunk) tx.objectStore('visits').put(visit);
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    }, visits.slice(at, at + CHUNK));
  }
}
