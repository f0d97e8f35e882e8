// The replay's visit log reader and Tabula's data file: an export is a visit log after a header
// line, so it replays as it is, plain or gzipped, to the model the browser learned of those visits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredVisit } from '../../extension/contract-types';
import { dataFileText } from '../../extension/data-file';
import { DEFAULT_SETTINGS } from '../../extension/storage/settings';
import { Learner } from '../../model/learner';
import type { Visit } from '../../model/visit';
import { replay } from '../../tools/replay-run';
import { readVisitLog } from '../../tools/visit-log';
import { syntheticVisits } from '../model/helpers';

const folder = mkdtempSync(path.join(tmpdir(), 'tabula-visit-log-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Visits as a browser stores them: a key each, and a seq in the order they finished. */
function storedVisits(visits: Visit[]): StoredVisit[] {
  return visits.map((visit, i) => ({ ...visit, url: `https://${visit.host}${visit.path}`, id: i + 1, key: `visit-key-${i}`, seq: i + 1 }));
}

function exportText(visits: StoredVisit[]): string {
  return dataFileText({ format: 'tabula-data', version: 1, exportedAt: Date.UTC(2024, 1, 1), visits, settings: DEFAULT_SETTINGS });
}

async function read(file: string): Promise<Visit[]> {
  const visits: Visit[] = [];
  for await (const visit of readVisitLog(file)) visits.push(visit);
  return visits;
}

describe('a data file read as a visit log', () => {
  const visits = storedVisits(syntheticVisits(120, 7));

  it('skips the header line and reads every visit, plain or gzipped', async () => {
    const text = exportText(visits);
    const plain = path.join(folder, 'tabula-data.jsonl');
    const gzipped = path.join(folder, 'tabula-data.jsonl.gz');
    writeFileSync(plain, text);
    writeFileSync(gzipped, gzipSync(text));
    const expected = visits.map(({ id, key, seq, ...visit }) => visit);
    expect(await read(plain)).toEqual(expected);
    expect(await read(gzipped)).toEqual(expected);
  });

  it('replays to the model a learner makes of the stored visits in seq order', async () => {
    const file = path.join(folder, 'replayed.jsonl');
    writeFileSync(file, exportText([...visits].reverse()));
    const { learner } = await replay(readVisitLog(file), { source: 'replayed.jsonl' });
    const direct = Learner.create();
    for (const visit of visits) direct.observe(visit);
    const [replayed, expected] = [learner.snapshot(), direct.snapshot()];
    expect(replayed.visitsLearned).toBe(120);
    for (const [name, weights] of Object.entries(expected.weights)) {
      expect(Buffer.from(replayed.weights[name].buffer).equals(Buffer.from(weights.buffer)), name).toBe(true);
    }
  });

  it('stops at the header of a newer data file, and takes a header anywhere but the first line for a bad visit', async () => {
    const newer = path.join(folder, 'newer.jsonl');
    writeFileSync(newer, '{"format":"tabula-data","version":3}\n{"host":"a.example","startedAt":1}\n');
    await expect(read(newer)).rejects.toThrow('line 1: the header of a newer Tabula\'s data file');
    const late = path.join(folder, 'late.jsonl');
    writeFileSync(late, '\n{"host":"a.example","startedAt":1}\n{"format":"tabula-data","version":2}\n');
    await expect(read(late)).rejects.toThrow('line 3: "host" should be a non-empty string');
  });
});
