// Network: every request any extension context made over the whole proof run, watched at the
// browser level (harness/browser/network-log.ts). It runs last and reads what the other sections'
// browsers recorded; run alone, it browses and uses the popup itself first.
import { ExtensionBrowser, type BrowserName } from '../browser/launch';
import { extensionRequests } from '../browser/network-log';
import { showEveryView } from '../browser/popup-helpers';
import { startSite } from '../sites/test-site';
import type { Figures, ProofContext, ProofSection } from './section';

export const network: ProofSection = {
  name: 'network',
  zero: ['extensionRequests'],
  async run(context: ProofContext): Promise<Figures> {
    if (!process.env.TABULA_NETLOG_DIR) throw new Error('Set TABULA_NETLOG_DIR (the proof runner does) to watch the network.');
    for (const name of context.browsers) await useEverything(name);
    const { requests, chromiumRequestsWatched, firefoxRequestsWatched } = extensionRequests();
    for (const request of requests.slice(0, 10)) context.log(`${request.browser}: ${request.by} → ${request.url}`);
    return {
      extensionRequests: requests.length,
      chromiumRequestsWatched,
      firefoxRequestsWatched,
    };
  },
};

/** A short browse and every view of the popup and dashboard, so the section stands on its own too. */
async function useEverything(name: BrowserName): Promise<void> {
  const site = await startSite();
  const tabula = await ExtensionBrowser.launch(name);
  try {
    const page = await tabula.browser.newPage();
    await page.bringToFront();
    for (let i = 0; i < 4; i++) {
      await page.goto(`${site.origin}/article/${300 + i}`);
      await page.click('#like');
    }
    await page.close();
    await showEveryView(tabula);
    await tabula.call('model/export', {});
    await tabula.call('data/export', {});
  } finally {
    await tabula.close();
    await site.close();
  }
}
