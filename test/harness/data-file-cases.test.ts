// The hostile data files of the proof: the same files for the same seed, most of them refused by
// the data file's own reader with their lines named, some of them valid.
import { describe, expect, it } from 'vitest';
import { DataFileReader, dataFileText } from '../../extension/data-file';
import type { DataExport } from '../../extension/contract-types';
import { dataFileCases } from '../../harness/proof/data-file-cases';
import { visitAt } from '../extension/fixtures';

const T0 = Date.now() - 86_400_000;
const exported = {
  format: 'tabula-data', version: 1, exportedAt: T0,
  visits: [0, 1, 2, 3].map((i) => ({ ...visitAt(['news.example', 'docs.example'][i % 2], T0 + i * 60_000), key: `visit-key-000${i}`, seq: i + 1 })),
  settings: {},
} as unknown as DataExport;
const base = dataFileText(exported).trimEnd().split('\n');

describe('hostile data file cases', () => {
  it('start from a file the reader accepts whole', () => {
    const reader = new DataFileReader();
    reader.add(base);
    expect(reader.check).toMatchObject({ lines: 5, visits: 4, badLines: 0 });
  });

  it('are the same for the same seed, and other for another', () => {
    expect(dataFileCases(base, 30, 7)).toEqual(dataFileCases(base, 30, 7));
    expect(dataFileCases(base, 30, 8)).not.toEqual(dataFileCases(base, 30, 7));
  });

  it('are mostly refused with their lines named, and some are valid', () => {
    let refused = 0;
    let valid = 0;
    for (const file of dataFileCases(base, 200, 3)) {
      const reader = new DataFileReader();
      reader.add(file.lines);
      const { badLines, problems } = reader.check;
      if (badLines === 0) valid++;
      else {
        refused++;
        expect(problems[0]).toMatch(/^line \d+: /);
      }
    }
    expect(refused).toBeGreaterThan(60);
    expect(valid).toBeGreaterThan(20);
  });
});
