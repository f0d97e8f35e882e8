// The popup's time from its document starting to its predictions on screen (the popup's own clock,
// `data-ready-ms`), with the background awake and after it was stopped, in each browser, after a
// short browse so that there is a model and a current tab to predict for.
import { ExtensionBrowser, type BrowserName } from '../browser/launch';
import { openPopup } from '../browser/popup-helpers';
import { startSite } from '../browser/server';
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
  const tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs: name === 'firefox' ? 2_000 : undefined });
  const site = await startSite();
  try {
    const tab = await tabula.browser.newPage();
    for (const path of ['/article/1', '/video', '/article/2', '/search', '/article/3']) await tab.goto(site.origin + path);
    const warm: number[] = [];
    const asleep: number[] = [];
    const outcomes = new Set<string>();
    const open = async (into: number[]) => {
      const popup = await openPopup(tabula);
      into.push(Number(await popup.$eval('#app', (app) => app.getAttribute('data-ready-ms'))));
      outcomes.add(String(await popup.$eval('#app', (app) => app.getAttribute('data-ready'))));
      await popup.close();
    };
    await open([]); // the first open of a fresh profile compiles the popup's code: not what a user waits for each day
    for (let i = 0; i < (full ? 9 : 3); i++) await open(warm);
    for (let i = 0; i < (full ? 5 : 2); i++) {
      await tabula.stopBackground();
      await open(asleep);
    }
    context.log(`${name}: popup start → predictions: warm ${warm.join(', ')} ms; background stopped ${asleep.join(', ')} ms`);
    return {
      warmMedianMs: median(warm), warmP95Ms: percentile(warm, 0.95),
      backgroundStoppedMedianMs: median(asleep), backgroundStoppedMaxMs: Math.max(...asleep),
      opens: warm.length + asleep.length, outcomes: [...outcomes].join(','),
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] * 10) / 10;
}
