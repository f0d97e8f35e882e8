// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundStatus } from '../../extension/contract-types';
import { DashboardApp } from '../../popup/dashboard-app';
import { PopupApp } from '../../popup/popup-app';
import { STORAGE_FULL_RECENT_MS, isStorageFullRecently } from '../../popup/health-notices';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { prediction, status } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

const WARNING = /Storage was full/;

describe('storage warning', () => {
  it('says that storage was found full recently, what Tabula did and what the user can do', async () => {
    const fullAt = Date.now() - 5 * 60_000;
    renderWith(fakeConnector({ 'tab/predict': prediction(), 'background/status': status({ storageFullAt: fullAt }) }), <PopupApp />);
    const alert = (await screen.findByText(WARNING)).closest('[role="alert"]')!;
    expect(alert.textContent).toContain('deleted its oldest interaction events; your visits and the model are kept');
    expect(alert.textContent).toContain('Free some disk space');
    expect(screen.getByText('72%')).toBeTruthy();
  });

  it('says nothing when storage was never full, or not recently, or the status is unknown', async () => {
    const answers: (BackgroundStatus | Error)[] = [
      status({ storageFullAt: 0 }), status({ storageFullAt: Date.now() - STORAGE_FULL_RECENT_MS - 1 }), new Error('No status.'),
    ];
    for (const answer of answers) {
      renderWith(fakeConnector({ 'tab/predict': prediction(), 'background/status': answer }), <PopupApp />);
      await screen.findByText('72%');
      expect(screen.queryByText(WARNING)).toBeNull();
      cleanup();
    }
    expect(isStorageFullRecently(undefined)).toBe(false);
  });

  it('holds the prediction until the status has answered, so the warning never pushes it down', async () => {
    const answer = deferred<BackgroundStatus>();
    const onReady = vi.fn();
    renderWith(fakeConnector({ 'tab/predict': prediction(), 'background/status': () => answer.promise }), <PopupApp onReady={onReady} />);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByText('72%')).toBeNull();
    expect(onReady).not.toHaveBeenCalled();
    answer.resolve(status({ storageFullAt: Date.now() }));
    await screen.findByText('72%');
    expect(screen.getByText(WARNING)).toBeTruthy();
    await waitFor(() => expect(onReady).toHaveBeenCalledWith('predictions', 'live'));
  });

  it('shows on the Data view of the popup and on the dashboard', async () => {
    const connector = () => fakeConnector({
      'tab/predict': prediction(), 'background/status': status({ storageFullAt: Date.now() }),
      'settings/get': new Error('later'), 'data/visits': new Error('later'),
      'model/overview': new Error('later'), 'model/insights': new Error('later'),
    });
    renderWith(connector(), <PopupApp initialView="data" />);
    await screen.findByText(WARNING);
    cleanup();
    renderWith(connector(), <DashboardApp tabId={4} />);
    await waitFor(() => expect(screen.getAllByText(WARNING)).toHaveLength(1));
  });
});
