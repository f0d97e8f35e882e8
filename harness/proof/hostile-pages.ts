// Hostile pages: page scripts forging clicks, keys, scrolls and copies; a 1 MB title; 100,000
// nodes; 300 address changes in 3 seconds; overwritten globals. Nothing forged may reach the
// store, the cost must stay bounded, and the extension must still work afterwards.
import { ExtensionBrowser, sleep, until, type BrowserName } from '../browser/launch';
import type { StoredVisit } from '../../extension/contract-types';
import { GLANCES_PER_TAB } from '../../extension/background/handlers/flood-gate';
import { startHostileSite } from '../sites/hostile-site';
import type { Figures, ProofContext, ProofSection } from './section';

export const hostilePages: ProofSection = {
  name: 'hostile-pages',
  zero: ['forgedClicks', 'forgedKeys', 'forgedSelections', 'forgedScroll', 'brokenAfter', 'floodVisitsOverBound', 'popupFailuresDuringFlood'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    // Past the burst of glances a tab may make (GLANCES_PER_TAB), the full run shows the bound.
    const floodSeconds = context.scale === 'full' ? Number(process.env.TABULA_FLOOD_SECONDS ?? 300) : 20;
    for (const name of context.browsers) {
      figures[name] = { ...(await visitHostilePages(name)), flood: await sustainedFlood(name, floodSeconds) };
    }
    return figures;
  },
};

/**
 * A page that changes its address every second for minutes: the visits it can make are bounded by
 * the background's limits (GLANCES_PER_TAB: a burst, then a few a minute), and the popup keeps answering.
 */
async function sustainedFlood(name: BrowserName, seconds: number): Promise<Figures> {
  const site = await startHostileSite();
  const tabula = await ExtensionBrowser.launch(name);
  try {
    await tabula.call('background/status', {}); // opens the page the popup's requests come from first:
    const page = await tabula.browser.newPage(); // the flood's tab is then the one in front, its timers not slowed
    await page.bringToFront();
    await page.goto(site.origin + '/flood', { waitUntil: 'load' });
    const started = Date.now();
    const answers: number[] = [];
    let failures = 0;
    while (Date.now() - started < seconds * 1000) {
      await sleep(2_000);
      const asked = Date.now();
      try {
        await tabula.call('tab/predict', {});
        await tabula.call('model/overview', {});
        answers.push(Date.now() - asked);
      } catch {
        failures++;
      }
    }
    const addressChanges = await page.evaluate(() => location.pathname).then((path) => Number(path.split('/')[2] ?? 0), () => 0);
    await page.goto('about:blank');
    await sleep(2_000);
    const stored = (await ours(tabula, site.origin)).filter((visit) => visit.path.startsWith('/flood')).length;
    const bound = GLANCES_PER_TAB.burst + Math.ceil((seconds / 60) * GLANCES_PER_TAB.perMinute) + 1;
    answers.sort((a, b) => a - b);
    return {
      seconds,
      addressChanges,
      visitsStored: stored,
      visitsBound: bound,
      floodVisitsOverBound: Math.max(0, stored - bound),
      popupAnswers: answers.length,
      popupMedianMs: answers[Math.floor(answers.length / 2)] ?? null,
      popupSlowestMs: answers[answers.length - 1] ?? null,
      popupFailuresDuringFlood: failures,
      reportsTurnedAway: (await tabula.call('background/status', {})).dropped.flood,
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

async function visitHostilePages(name: BrowserName): Promise<Figures> {
  const site = await startHostileSite();
  const tabula = await ExtensionBrowser.launch(name);
  try {
    const page = await tabula.browser.newPage();
    await page.bringToFront();
    const timed = async (path: string, act?: () => Promise<void>) => {
      const start = Date.now();
      await page.goto(site.origin + path, { waitUntil: 'load' });
      await act?.();
      await sleep(1_500);
      return Date.now() - start;
    };
    const synthetic = await timed('/synthetic');
    const hugeTitle = await timed('/huge-title');
    const manyNodes = await timed('/many-nodes');
    await timed('/navigations', () => sleep(3_500));
    await timed('/overwrite', async () => {
      await page.click('#like');
      await page.click('#like');
    });
    await page.goto('about:blank');
    await page.close();

    const visits = await until(async () => (await ours(tabula, site.origin)).filter((v) => v.seq !== undefined).length >= 5, 20_000, 'the hostile visits')
      .then(() => ours(tabula, site.origin), () => ours(tabula, site.origin));
    const at = (path: string) => visits.filter((v) => v.path === path);
    const forged = at('/synthetic');
    const status = await tabula.call('background/status', {});

    // Still working after all that: a plain page is stored.
    const after = await tabula.browser.newPage();
    await after.goto(site.origin + '/overwrite');
    await after.close();
    const worked = await until(async () => (await ours(tabula, site.origin)).filter((v) => v.path === '/overwrite').length >= 2, 15_000, 'a visit after the hostile pages')
      .then(() => true, () => false);

    return {
      forgedClicks: sum(forged, 'clicks'),
      forgedKeys: sum(forged, 'keys'),
      forgedSelections: sum(forged, 'selections'),
      forgedScroll: forged.some((v) => v.scrollDepth > 0.5) ? 1 : 0,
      syntheticPageStored: forged.length,
      hugeTitleStoredLength: at('/huge-title')[0]?.title.length ?? -1,
      manyNodesStored: at('/many-nodes').length,
      visitsFromAddressChanges: visits.filter((v) => v.path.startsWith('/navigations')).length,
      overwrittenGlobalsClicks: at('/overwrite')[0]?.clicks ?? -1,
      pageSeconds: { synthetic: synthetic / 1000, hugeTitle: hugeTitle / 1000, manyNodes: manyNodes / 1000 },
      rejectedReports: status.rejected.malformed,
      brokenAfter: worked ? 0 : 1,
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

async function ours(tabula: ExtensionBrowser, origin: string): Promise<StoredVisit[]> {
  return (await tabula.call('data/export', {})).visits.filter((v) => v.url.startsWith(origin));
}

function sum(visits: StoredVisit[], field: 'clicks' | 'keys' | 'selections'): number {
  return visits.reduce((total, v) => total + v[field], 0);
}
