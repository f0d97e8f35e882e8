// The proof suite's privacy section, run whole in npm test: on a scripted browse in each browser,
// nothing excluded, searched for, identifying or forgotten is found anywhere Tabula keeps or shows.
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero } from '../../harness/proof/section';
import { privacy } from '../../harness/proof/privacy';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

describe.skipIf(browsers.length === 0)('privacy (proof)', () => {
  it('keeps no excluded site, query, address, card number or forgotten visit anywhere', async () => {
    const figures = await privacy.run({ browsers, scale: 'fast', log: (line) => console.log(line) });
    console.log('privacy', JSON.stringify(figures));
    expect(nonZero(figures, privacy.zero)).toEqual([]);
    for (const name of browsers) {
      const f = figures[name] as Record<string, number>;
      // The browse happened and was recorded, so the zeros above mean something.
      expect(f.visitsStored).toBeGreaterThanOrEqual(9);
      expect(f.searchPagesStored).toBe(4);
      expect(f.arrivedFromExcludedStored).toBe(2);
      expect(f.diaryReportsRefusedAfterForget).toBeGreaterThanOrEqual(1);
      expect(f.oldSiteLearnedBeforeCut).toBe(1);
    }
  }, 420_000);
});
