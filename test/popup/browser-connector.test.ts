// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({
  runtime: {
    id: 'tabula',
    getURL: (path: string) => `chrome-extension://tabula/${path}`,
    sendMessage: vi.fn(),
  },
  tabs: {
    query: vi.fn(),
    create: vi.fn(async () => ({})),
  },
}));
vi.mock('../../extension/browser-api', () => ({ browser }));

const { browserConnector } = await import('../../popup/browser-connector');

afterEach(() => vi.clearAllMocks());

describe('the real connector', () => {
  it('opens the dashboard for the tab the popup was opened over', async () => {
    browser.tabs.query.mockResolvedValue([{ id: 31 }]);
    await browserConnector.openDashboard();
    expect(browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://tabula/dashboard.html?tab=31' });
  });

  it('opens the plain dashboard when there is no active tab', async () => {
    browser.tabs.query.mockResolvedValue([]);
    await browserConnector.openDashboard();
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://tabula/dashboard.html' });
  });

  it('opens the dashboard on the sample in a tab of its own', async () => {
    await browserConnector.openDashboard({ sample: true });
    expect(browser.tabs.query).not.toHaveBeenCalled();
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://tabula/dashboard.html?sample' });
  });

  it('opens a predicted site over https', async () => {
    await browserConnector.openSite('docs.python.org');
    expect(browser.tabs.create).toHaveBeenCalledWith({ url: 'https://docs.python.org/' });
  });

  it('sends requests in the contract’s envelope and rethrows errors answered as data', async () => {
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { paused: true } });
    await expect(browserConnector.send('settings/set', { paused: true })).resolves.toEqual({ paused: true });
    expect(browser.runtime.sendMessage).toHaveBeenCalledWith({ tabula: 1, type: 'settings/set', payload: { paused: true } });
    browser.runtime.sendMessage.mockResolvedValueOnce({ ok: false, error: 'Unknown model format.' });
    await expect(browserConnector.send('model/import', { file: {} })).rejects.toThrow('Unknown model format.');
  });

  it('saves a file through a download link with the given name', () => {
    const clicked: { download: string; href: string; text: Promise<string> }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { const url = `blob:${blobs.size}`; blobs.set(url, blob as Blob); return url; });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, text: blobs.get(this.getAttribute('href') ?? '')!.text() });
    });
    browserConnector.saveFile('tabula-model-2025-03-14.json', '{"format":"tabula-model"}');
    expect(clicked.map(({ download }) => download)).toEqual(['tabula-model-2025-03-14.json']);
    expect(document.querySelector('a[download]')).toBeNull();
    return expect(clicked[0].text).resolves.toBe('{"format":"tabula-model"}');
  });
});
