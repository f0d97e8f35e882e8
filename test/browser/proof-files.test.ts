// The fast subset of the proof suite's hostile-files section: some 150 generated corrupt, cut,
// oversized and type-confused model files through the real import request of each browser, then
// 80 data files made from the browser's own data export through its data import requests.
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero } from '../../harness/proof/section';
import { hostileFiles } from '../../harness/proof/hostile-files';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

describe.skipIf(browsers.length === 0)('hostile model and data files (fast proof)', () => {
  it('refuses every broken file clearly and never changes the model', async () => {
    const figures = await hostileFiles.run({ browsers, scale: 'fast', log: (line) => console.log(line) });
    console.log('hostile-files', JSON.stringify(figures));
    expect(nonZero(figures, hostileFiles.zero)).toEqual([]);
    for (const name of browsers) {
      const f = figures[name] as Record<string, number | boolean>;
      expect(f.casesTried).toBeGreaterThanOrEqual(140);
      expect(f.rejectedClearly).toBeGreaterThan(100);
      expect(f.accepted).toBeGreaterThan(0); // valid mutations exist, and the original came back after each
      expect(f.rejectedClearly as number + (f.accepted as number)).toBe(f.casesTried);
      expect(f.exportChecks).toBeGreaterThanOrEqual(2);
      expect(f.roundTripExact).toBe(true);
      const data = (figures[name] as Record<string, unknown>).dataFiles as Record<string, number>;
      expect(data.casesTried).toBe(80);
      expect(data.refusedClearly).toBeGreaterThan(0);
      expect(data.imported).toBeGreaterThan(0); // valid changes exist, and nothing stored before was lost by them
      expect(data.refusedClearly + data.imported).toBe(data.casesTried);
    }
  }, 240_000);
});
