// The popup's time from its document starting to its predictions on screen (the popup's own clock),
// with the background awake and asleep, in each browser, after a short browse so that there is a
// model and a current tab to predict for. The first prediction may be the one the background kept
// for the tab; the time to the background's own answer is given too.
import { ExtensionBrowser, type BrowserName } from '../browser/launch';
import { firstScreenTiming, openPopup, putBackgroundToSleep } from '../browser/popup-helpers';
import { startSite } from '../sites/test-site';
import { spread } from '../page-cost/summary';
import type { Figures, ProofContext, ProofSection } from './section';

export const popupSpeed: ProofSection = {
  name: 'popup-speed',
  zero: [],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = await measure(name, context);
    return figures;
  },
};

async function measure(name: BrowserName, context: ProofContext): Promise<Figures> {
  const full = context.scale === 'full';
  const idleTimeoutMs = 2_000;
  const tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs: name === 'firefox' ? idleTimeoutMs : undefined });
  const site = await startSite();
  try {
    const tab = await tabula.browser.newPage();
    for (const path of ['/article/1', '/video', '/article/2', '/search', '/article/3']) await tab.goto(site.origin + path);
    const warm: Timing[] = [];
    const asleep: Timing[] = [];
    const open = async (into: Timing[]) => {
      const popup = await openPopup(tabula);
      into.push(await firstScreenTiming(popup)); // throws unless a prediction was shown
      await popup.close();
    };
    await open([]); // the first open of a fresh profile compiles the popup's code: not what a user waits for each day
    for (let i = 0; i < (full ? 9 : 3); i++) await open(warm);
    for (let i = 0; i < (full ? 5 : 2); i++) {
      await putBackgroundToSleep(tabula, idleTimeoutMs);
      await open(asleep);
    }
    const ready = (list: Timing[]) => list.map((t) => t.readyMs);
    const live = (list: Timing[]) => list.map((t) => t.liveMs);
    context.log(`${name}: popup start → predictions: warm ${ready(warm).join(', ')} ms; background asleep ${ready(asleep).join(', ')} ms`);
    const warmReady = spread(ready(warm));
    return {
      warmMedianMs: warmReady.median, warmP95Ms: warmReady.p95,
      asleepMedianMs: spread(ready(asleep)).median, asleepMaxMs: Math.max(...ready(asleep)),
      liveAnswerWarmMedianMs: spread(live(warm)).median, liveAnswerAsleepMedianMs: spread(live(asleep)).median,
      shownFromKeptPrediction: [...warm, ...asleep].filter((t) => t.source === 'cache').length,
      opens: warm.length + asleep.length,
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

interface Timing { readyMs: number; liveMs: number; source: 'cache' | 'live' }
