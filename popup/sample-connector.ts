// The connector of a page that shows the sample: requests are answered in the page, from the
// sample's database and learner (extension/sample/), and never reach the background; the dashboard
// it opens is the sample's too, and the browser's history is not asked for.
import { askSample } from '../extension/sample/sample-requests';
import { browser } from '../extension/browser-api';
import { browserConnector } from './browser-connector';
import type { Connector } from './connector';
import { SAMPLE_DASHBOARD } from './sample-address';

export const sampleConnector: Connector = {
  send: askSample,
  async openDashboard() {
    await browser.tabs.create({ url: browser.runtime.getURL(SAMPLE_DASHBOARD) });
  },
  openSite: browserConnector.openSite,
  saveFile: browserConnector.saveFile,
  requestHistoryAccess() {
    return Promise.reject(new Error('This is the sample: it does not read your browser’s history.'));
  },
};
