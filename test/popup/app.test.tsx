// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp, tabIdFromSearch } from '../../popup/dashboard-app';
import { isSampleSearch } from '../../popup/sample-address';
import { PopupApp } from '../../popup/popup-app';
import { markReady } from '../../popup/use-first-screen';
import { fakeConnector, renderWith } from './fake-connector';
import { insights, overview, prediction, settings, status, timeReport, visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function everything() {
  return fakeConnector({
    'tab/predict': prediction(),
    'model/overview': overview(),
    'model/insights': insights(),
    'settings/get': settings(),
    'data/visits': { visits: visits(), total: visits().length },
    'data/time': timeReport(),
    'background/status': status(),
  });
}

describe('popup', () => {
  it('asks for the prediction first, then the status, and for nothing else until another view is chosen', async () => {
    const connector = everything();
    const root = document.createElement('div');
    renderWith(connector, <PopupApp onReady={markReady(root)} />);
    expect(connector.calls.map((call) => call.type)).toEqual(['tab/predict', 'background/status']);
    await waitFor(() => expect(root.getAttribute('data-ready')).toBe('predictions'));
    expect(Number(root.getAttribute('data-ready-ms'))).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the other views load as code, not data
    expect(connector.calls.map((call) => call.type)).toEqual(['tab/predict', 'background/status']);
  });

  it('switches views with the keyboard as the WAI-ARIA tabs pattern says', async () => {
    const connector = everything();
    renderWith(connector, <PopupApp />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Now', 'Learned', 'Time', 'Data', 'Model', 'Play']);
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    tabs[0].focus();
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tabs[1].id);
    expect(tabs[1].getAttribute('aria-controls')).toBe(screen.getByRole('tabpanel').id);
    await waitFor(() => expect(connector.sent('model/insights')).toHaveLength(1));
    fireEvent.keyDown(tabs[1], { key: 'End' });
    expect(document.activeElement).toBe(tabs[5]);
    fireEvent.keyDown(tabs[5], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tabs[0]);
    fireEvent.keyDown(tabs[0], { key: 'ArrowLeft' });
    expect(tabs[5].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(tabs[5], { key: 'Home' });
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('asks for the prediction again when coming back to Now', async () => {
    const connector = everything();
    renderWith(connector, <PopupApp />);
    await screen.findByText('72%');
    fireEvent.click(screen.getByRole('tab', { name: 'Data' }));
    connector.answers['tab/predict'] = prediction({ status: 'paused' });
    fireEvent.click(screen.getByRole('tab', { name: 'Now' }));
    await screen.findByText(/Tabula is paused/);
    expect(connector.sent('tab/predict')).toHaveLength(2);
  });

  it('offers to exclude the current tab’s site in the Data view', async () => {
    const connector = everything();
    renderWith(connector, <PopupApp initialView="data" />);
    await screen.findByRole('button', { name: 'Exclude github.com' });
    expect(connector.calls[0].type).toBe('tab/predict');
  });

  it('opens the dashboard through the connector', async () => {
    const connector = everything();
    renderWith(connector, <PopupApp />);
    fireEvent.click(screen.getByRole('button', { name: 'Open dashboard' }));
    expect(connector.dashboardOpened).toBe(1);
  });
});

describe('dashboard', () => {
  it('lays out every view on one page and predicts for the tab it was opened over', async () => {
    const connector = everything();
    const onReady = vi.fn();
    renderWith(connector, <DashboardApp tabId={42} onReady={onReady} />);
    expect(connector.calls[0]).toEqual({ type: 'tab/predict', payload: { tabId: 42 } });
    await waitFor(() => expect(onReady).toHaveBeenCalledWith('predictions', 'live'));
    const areas = screen.getAllByRole('heading', { level: 2 }).filter((h) => h.classList.contains('area-title'));
    expect(areas.map((h) => h.textContent)).toEqual(['Now', 'Data', 'Model', 'Time', 'Learned', 'Play']);
    fireEvent.click(await screen.findByRole('button', { name: 'Not interested' }));
    await waitFor(() => expect(connector.calls.some((call) => call.type === 'tab/feedback')).toBe(true));
    expect(connector.sent('tab/feedback')).toEqual([{ tabId: 42, verdict: 'not-interested', url: 'https://github.com/example/tabula/blob/main/README.md' }]);
  });

  it('offers the sample, opened in a tab of its own, and says so when it shows it', async () => {
    const connector = everything();
    const { unmount } = renderWith(connector, <DashboardApp tabId={42} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tabula dashboard');
    fireEvent.click(screen.getByRole('button', { name: 'See Tabula after three months, on sample data' }));
    expect(connector.sampleOpened).toBe(1);
    expect(connector.dashboardOpened).toBe(0);
    unmount();
    renderWith(everything(), <DashboardApp sample />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tabula dashboard, on sample data');
    expect(screen.queryByRole('button', { name: /on sample data/ })).toBeNull();
    // Its visits are made up: nothing of the user's to correct, so no buttons that could only refuse.
    expect(await screen.findByText(/On a page of yours, you can tell Tabula here whether the visit was worth it/)).toBeTruthy();
    expect(screen.getByText('The sample\'s last page, predicted as if it were opened now.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /useful|not interested/i })).toBeNull();
  });

  it('tells the sample’s address', () => {
    expect(isSampleSearch('?sample')).toBe(true);
    expect(isSampleSearch('?tab=3&sample')).toBe(true);
    expect(isSampleSearch('?tab=3')).toBe(false);
    expect(isSampleSearch('')).toBe(false);
  });

  it('reads the tab id from its address', () => {
    expect(tabIdFromSearch('?tab=17')).toBe(17);
    expect(tabIdFromSearch('?tab=0')).toBe(0);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tab=')).toBeUndefined();
    expect(tabIdFromSearch('?tab=abc')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-3')).toBeUndefined();
  });
});
