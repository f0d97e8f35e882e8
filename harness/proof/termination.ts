// Termination: a long scripted browse over many tabs while the background is stopped at random
// moments (Chromium: CDP stopWorker; Firefox: a short idle timeout suspends the event page
// whenever it is idle). Every page browsed must be stored once and learned exactly once.
import type { Page } from 'puppeteer-core';
import { ExtensionBrowser, sleep, until, type BrowserName } from '../browser/launch';
import { startSite, type TestSite } from '../sites/test-site';
import type { Figures, ProofContext, ProofSection } from './section';

export const termination: ProofSection = {
  name: 'termination',
  zero: ['lost', 'learnedTwice', 'notLearned'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = await browse(name, context);
    return figures;
  },
};

async function browse(name: BrowserName, context: ProofContext): Promise<Figures> {
  const visits = context.scale === 'full' ? 300 : 40;
  const tabCount = context.scale === 'full' ? 6 : 3;
  const site = await startSite();
  const tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs: name === 'firefox' ? 1_000 : undefined });
  let random = 0x5eed;
  const chance = () => ((random = (random * 1103515245 + 12345) >>> 0) / 2 ** 32);
  try {
    const tabs: Page[] = [];
    for (let i = 0; i < tabCount; i++) tabs.push(await tabula.browser.newPage());
    let stops = 0;
    const wakes = new Set<number>();
    for (let i = 0; i < visits; i++) {
      const tab = tabs[i % tabCount];
      await tab.bringToFront(); // the user switches tabs; a hidden tab would not take a click
      await tab.goto(`${site.origin}/article/${1000 + i}`, { waitUntil: "load" }).catch((error) => { throw new Error(`page ${i}: ${error.message}`); });
      if (chance() < 0.3) await tab.click('#like').catch(() => undefined);
      if (name === 'chromium' && chance() < 0.08) {
        await tabula.stopBackground(); // at whatever point the worker is: receiving, storing or learning
        stops++;
      }
      if (name === 'firefox' && chance() < 0.05) {
        await sleep(1_600); // idle long enough for Firefox to suspend the page, then wake it
        wakes.add((await tabula.call('background/status', {})).wokeAt);
      }
      if (i % 50 === 49) context.log(`${name}: ${i + 1} pages browsed, background stopped ${stops + wakes.size} times`);
    }
    for (const tab of tabs) await tab.close(); // the last page of each tab is finished on close
    const stored = () => storedVisits(tabula, site);
    await until(async () => (await stored()).finished >= visits, 30_000, 'every visit to be finished').catch(() => undefined);
    const { finished, open } = await stored();
    const overview = await tabula.call('model/overview', {});
    const status = await tabula.call('background/status', {});
    return {
      browsed: visits,
      tabs: tabCount,
      backgroundStops: name === 'chromium' ? stops : wakes.size,
      stored: finished,
      stillOpen: open,
      learned: overview.visitsLearned,
      lost: visits - finished,
      learnedTwice: Math.max(0, overview.visitsLearned - finished) + status.learnedTwice,
      notLearned: Math.max(0, finished - overview.visitsLearned),
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

async function storedVisits(tabula: ExtensionBrowser, site: TestSite): Promise<{ finished: number; open: number }> {
  const { visits } = await tabula.call('data/export', {});
  const ours = visits.filter((visit) => visit.url.startsWith(site.origin + '/article/'));
  const finished = new Set(ours.filter((visit) => visit.seq !== undefined).map((visit) => visit.url)).size;
  return { finished, open: ours.length - finished };
}
