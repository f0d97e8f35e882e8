// The fast subset of the proof suite's termination section: a browse over several tabs with the
// background stopped at random moments loses no visit and learns none twice.
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero } from '../../harness/proof/section';
import { termination } from '../../harness/proof/termination';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

describe.skipIf(browsers.length === 0)('termination (fast proof)', () => {
  it('stores and learns every visit exactly once while the background is stopped', async () => {
    const figures = await termination.run({ browsers, scale: 'fast', log: () => undefined });
    console.log('termination', JSON.stringify(figures));
    expect(nonZero(figures, termination.zero)).toEqual([]);
    for (const name of browsers) {
      const f = figures[name] as Record<string, number>;
      expect(f.stored).toBe(f.browsed);
      expect(f.learned).toBe(f.browsed);
      expect(f.backgroundStops).toBeGreaterThan(0);
    }
  }, 300_000);
});
