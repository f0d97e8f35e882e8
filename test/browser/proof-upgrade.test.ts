// The proof suite's upgrade section: a version-1 database opens in the current extension with
// its visits, events, settings and model intact, and new visits are learned after the old ones.
import { describe, expect, it } from 'vitest';
import { browserAvailable, type BrowserName } from '../../harness/browser/launch';
import { nonZero } from '../../harness/proof/section';
import { upgrade } from '../../harness/proof/upgrade';

const browsers = (['chromium', 'firefox'] as BrowserName[]).filter(browserAvailable);

describe.skipIf(browsers.length === 0)('schema upgrade (proof)', () => {
  it('opens a version-1 database with nothing lost', async () => {
    const figures = await upgrade.run({ browsers, scale: 'fast', log: () => undefined });
    console.log('upgrade', JSON.stringify(figures));
    expect(nonZero(figures, upgrade.zero)).toEqual([]);
    for (const name of browsers) expect((figures[name] as Record<string, number>).writtenAtVersion).toBe(1);
  }, 300_000);
});
