// Hostile data files, generated (fast-check) from a real export and sent through the background's
// own import handlers on fake-indexeddb: every file is either refused with its bad lines named,
// leaving every stored record as it was, or imported, leaving only visits that pass the rules of a
// page's report. No file makes the import throw anything but a refusal in words.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateKey, validateStoredVisit } from '../../extension/validate';
import { update, visitAt } from './fixtures';

const T0 = new Date().setHours(0, 0, 0, 0) - 86_400_000 + 10 * 3600_000;

type Modules = {
  visits: typeof import('../../extension/storage/visits');
  storage: typeof import('../../extension/storage/db');
  service: typeof import('../../extension/background/learner-service');
  data: typeof import('../../extension/background/handlers/data');
  importing: typeof import('../../extension/background/handlers/data-import');
  dataFile: typeof import('../../extension/data-file');
};

let modules: Modules;
let exportedLines: string[];

async function load(): Promise<Modules> {
  vi.resetModules();
  const storage = await import('../../extension/storage/db');
  return {
    visits: await import('../../extension/storage/visits'),
    storage,
    service: await import('../../extension/background/learner-service'),
    data: await import('../../extension/background/handlers/data'),
    importing: await import('../../extension/background/handlers/data-import'),
    dataFile: await import('../../extension/data-file'),
  };
}

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  modules = await load();
  const db = await modules.storage.database();
  for (let i = 0; i < 8; i++) {
    const visit = visitAt(['news.example', 'docs.example', 'shop.example'][i % 3], T0 + i * 120_000, { referrerHost: i % 2 ? 'news.example' : '' });
    await modules.visits.recordUpdate(db, update(visit, true, `source-key-${i}`), 1);
  }
  exportedLines = modules.dataFile.dataFileText(await modules.data.onDataExport()).trimEnd().split('\n');
  modules.service.unload();
  modules.storage.closeDatabase();
});
afterAll(() => {
  modules.service.unload();
  modules.storage.closeDatabase();
});

const FIELDS = ['key', 'url', 'title', 'kind', 'clicks', 'activeMs', 'scrollDepth', 'startedAt', 'endedAt', 'source', 'feedback', 'lang', 'referrerHost'];
const hostileValue = fc.oneof(
  fc.constantFrom(null, -1, 1e300, Number.MAX_SAFE_INTEGER, '', 'javascript:alert(1)', 'chrome://settings/', 'x'.repeat(5_000), [], {}, true, '__proto__'),
  fc.string(), fc.integer(), fc.double(), fc.webUrl(),
);

/** One change to a line of a real export. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), line: fc.nat(), field: fc.constantFrom(...FIELDS), value: hostileValue }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat(), field: fc.constantFrom(...FIELDS) }),
  fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), line: fc.nat(), text: fc.oneof(fc.string(), fc.json(), fc.constant('{"format":"tabula-data","version":2}')) }),
  fc.record({ kind: fc.constant('repeat' as const), line: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutated(changes: Mutation[]): string[] {
  const lines = [...exportedLines];
  for (const change of changes) {
    const at = change.line % lines.length;
    switch (change.kind) {
      case 'field':
      case 'drop': {
        let record: Record<string, unknown>;
        try {
          record = JSON.parse(lines[at]);
        } catch {
          break;
        }
        if (typeof record !== 'object' || record === null) break;
        if (change.kind === 'drop') delete record[change.field];
        else record[change.field] = change.value;
        lines[at] = JSON.stringify(record);
        break;
      }
      case 'cut':
        lines[at] = lines[at].slice(0, change.at % (lines[at].length + 1));
        break;
      case 'insert':
        lines.splice(at, 0, change.text);
        break;
      case 'repeat':
        lines.splice(at, 0, lines[at]);
        break;
    }
  }
  return lines;
}

describe('hostile data files', () => {
  it('are refused with their lines named, stored data unchanged, or imported as valid visits only', async () => {
    const tally = { refused: 0, imported: 0 };
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (changes) => {
      globalThis.indexedDB = new IDBFactory();
      modules = await load();
      const db = await modules.storage.database();
      await modules.visits.recordUpdate(db, update(visitAt('own.example', T0 + 30_000), true, 'own-key-0001'), 1);
      await modules.service.catchUp();
      await modules.service.flush();
      const before = JSON.stringify(await db.getAll('visits'));
      const lines = mutated(changes);
      try {
        modules.importing.onDataImportLines({ importId: 'fuzz', firstLine: 1, lines, counting: 'line' });
        await modules.importing.onDataImport({ importId: 'fuzz' });
        tally.imported++;
      } catch (error) {
        expect((error as Error).name, String(error)).toBe('InvalidRequest'); // the modules of this run, loaded anew
        // Bad lines are named; so is where a file whose header counts its lines stops being whole.
        expect((error as Error).message).toMatch(/^((One line|[\d,]+ lines) of the file cannot be read|The file is not (whole|as it was written)), so nothing was imported: line [\d,]+: /);
        expect(JSON.stringify(await db.getAll('visits'))).toBe(before);
        tally.refused++;
        return;
      }
      const stored = await db.getAll('visits');
      expect(stored.some((visit) => visit.key === 'own-key-0001')).toBe(true);
      for (const visit of stored) {
        expect(validateStoredVisit(visit, Date.now())).toEqual({ ...visit, id: undefined, key: undefined, seq: undefined });
        expect(validateKey(visit.key)).toBe(visit.key);
      }
      expect((await modules.service.current()).visitsLearned).toBe(stored.length);
      modules.service.unload();
      modules.storage.closeDatabase();
    }), { numRuns: 60, seed: 20_260_314 });
    console.info(`hostile data files: ${tally.refused} refused, ${tally.imported} imported`);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.imported).toBeGreaterThan(0);
  });
});
