// @vitest-environment happy-dom
// A page shown on the sample: it says it is making the sample, then shows the page's views under a
// banner that cannot be missed; "Close the sample" deletes it and goes back to the page on the
// user's own data; a sample that cannot be made says why.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeConnector } from './fake-connector';
import { insights, overview, prediction, settings, status, timeReport, visits } from './fixtures';

const sample = vi.hoisted(() => ({ openSample: vi.fn(), closeSample: vi.fn(), SAMPLE_DAYS: 90 }));
vi.mock('../../extension/browser-api', () => ({ browser: {} }));
vi.mock('../../extension/sample/sample', () => sample);
vi.mock('../../popup/sample-connector', () => ({
  sampleConnector: fakeConnector({
    'tab/predict': prediction(), 'model/overview': overview(), 'model/insights': insights(), 'settings/get': settings(),
    'data/visits': { visits: visits(), total: visits().length }, 'data/time': timeReport(), 'background/status': status(),
  }),
}));
const { mountSample } = await import('../../popup/sample-page');

let root: HTMLElement;
let replaced: string[];
beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
  replaced = [];
  vi.stubGlobal('location', { replace: (url: string) => replaced.push(url), search: '?sample' });
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('a page on the sample', () => {
  it('makes the sample first, then shows the dashboard under its banner, and closing it deletes it', async () => {
    let made!: (opened: { visits: number; made: boolean }) => void;
    sample.openSample.mockReturnValue(new Promise((resolve) => { made = resolve; }));
    sample.closeSample.mockResolvedValue(undefined);
    mountSample(root, 'dashboard');
    expect(screen.getByRole('status').textContent).toBe('Making the sample: 90 days of a made-up person’s browsing, then learning them…');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    made({ visits: 7304, made: true });
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Tabula dashboard, on sample data');
    const banner = screen.getByRole('complementary', { name: 'Sample data' });
    expect(banner.textContent).toContain('Sample data — not yours.');
    expect(banner.textContent).toContain('(7,304 visits)');
    await waitFor(() => expect(root.getAttribute('data-ready')).toBe('predictions'));
    fireEvent.click(screen.getByRole('button', { name: 'Close the sample' }));
    await waitFor(() => expect(replaced).toEqual(['dashboard.html']));
    expect(sample.closeSample).toHaveBeenCalledTimes(1);
  });

  it('shows the popup’s views on it too, and says why when it cannot be made or closed', async () => {
    sample.openSample.mockResolvedValue({ visits: 7304, made: false });
    sample.closeSample.mockRejectedValue(new Error('The database is in use'));
    mountSample(root, 'popup');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Tabula');
    fireEvent.click(screen.getByRole('button', { name: 'Close the sample' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The sample could not be closed: The database is in use');
    expect(replaced).toEqual([]);
    render(null, root);
    sample.openSample.mockRejectedValue(new Error('no room left'));
    mountSample(root, 'popup');
    expect((await screen.findByRole('alert')).textContent).toBe('The sample could not be made: no room left');
  });
});
