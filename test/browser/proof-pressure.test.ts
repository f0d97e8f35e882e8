// The fast subset of the proof suite's storage-pressure section: with Tabula's storage quota filled,
// browsing goes on; the visits stored before and the model must survive, and recording must resume.
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero, type Figures } from '../../harness/proof/section';
import { storagePressure } from '../../harness/proof/storage-pressure';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

describe.skipIf(browsers.length === 0)('storage pressure (fast proof)', () => {
  it('keeps the visits and the model when the quota is full', async () => {
    const figures = await storagePressure.run({ browsers, scale: 'fast', log: (line) => console.log(line) });
    console.log('storage-pressure', JSON.stringify(figures));
    expect(nonZero(figures, storagePressure.zero)).toEqual([]);
    for (const name of browsers) {
      const run = (name === 'chromium' ? (figures.chromium as Figures).withoutUnlimitedStorage : figures[name]) as Figures;
      const phase = (key: string) => run[key] as Record<string, number>;
      expect(phase('before').visitsStored).toBe(phase('before').pages);
      expect(run.visitsBefore).toBeGreaterThan(0);
      expect(run.browserFailure).toBeNull();
      expect(run.probeBytesWritten).toBe(0); // the quota held: the storage really was full
      // The user was told, and what Tabula holds was still readable once the background restarted.
      expect(run.errorsSurfaced).toBe(1);
      expect(run.warningShown).toBe(true);
      expect(run.popupError).toBeNull();
      expect(run.modelReadableAfterRestart).toBe(true);
      expect(phase('afterFreeing').visitsStored).toBe(phase('afterFreeing').pages);
    }
    if (browsers.includes('chromium')) expect(((figures.chromium as Figures).shippedBuild as Figures).enforced).toBe(false);
  }, 300_000);
});
