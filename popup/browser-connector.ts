// The real connector: messages go to the background worker, tabs open through the browser API,
// files are saved with a Blob link (works in Chrome and Firefox without the downloads permission).
import { browser } from '../extension/browser-api';
import { send } from '../extension/messages';
import { isHostName } from '../model/host-name';
import type { Connector } from './connector';
import { SAMPLE_DASHBOARD } from './sample-address';

export const browserConnector: Connector = {
  send,
  async openDashboard({ sample = false } = {}) {
    if (sample) {
      await browser.tabs.create({ url: browser.runtime.getURL(SAMPLE_DASHBOARD) });
      return;
    }
    // The dashboard predicts for the tab the popup was opened over, not for itself.
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    const query = active?.id === undefined ? '' : `?tab=${active.id}`;
    await browser.tabs.create({ url: browser.runtime.getURL(`dashboard.html${query}`) });
  },
  async openSite(host: string) {
    // Only a host exactly as the URL parser writes it: `a.com@evil.example/x` would open evil.example.
    if (!isHostName(host)) throw new Error(`"${host.slice(0, 60)}" is not a site's host name, so it was not opened.`);
    await browser.tabs.create({ url: `https://${host}/` });
  },
  saveFile(fileName: string, content: string | Blob) {
    const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type: 'application/json' }) : content);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  requestHistoryAccess() {
    return browser.permissions.request({ permissions: ['history'] });
  },
};
