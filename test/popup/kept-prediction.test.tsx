// @vitest-environment happy-dom
// The popup with the prediction the background kept for the tab: shown at once, before the
// background answers (it may be asleep), marked as loading, then replaced by the live answer in
// the same place; never shown over a live answer that came first.
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundStatus, TabPrediction } from '../../extension/contract-types';
import { PopupApp } from '../../popup/popup-app';
import type { CachedPrediction } from '../../extension/kept-prediction';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { prediction, status } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

const kept = (overrides: Partial<CachedPrediction> = {}): CachedPrediction => ({
  prediction: prediction({ engaged: 0.4 }), storageFullAt: 0, savedAt: Date.now(), ...overrides,
});

/** The popup with a background that answers only when told to. */
function withSlowBackground(entry: Promise<CachedPrediction | undefined>) {
  const live = deferred<TabPrediction>();
  const backgroundStatus = deferred<BackgroundStatus>();
  const onReady = vi.fn();
  const onLive = vi.fn();
  const view = renderWith(fakeConnector({ 'tab/predict': () => live.promise, 'background/status': () => backgroundStatus.promise }),
    <PopupApp onReady={onReady} onLive={onLive} kept={entry} />);
  return { live, backgroundStatus, onReady, onLive, view };
}

/** The shape of the Now view: which elements, in which order, whatever the figures say. */
function layoutOf(container: Element): string {
  const panel = container.querySelector('#panel-now')!;
  return [...panel.querySelectorAll('*')].map((element) => element.tagName + '.' + element.className).join(' ');
}

describe('the prediction kept for the tab', () => {
  it('shows before the background answers, then gives way to the live answer without moving anything', async () => {
    const popup = withSlowBackground(Promise.resolve(kept()));
    await screen.findByText('40%');
    expect(screen.getByText('about 3 min')).toBeTruthy();
    expect(document.querySelector('.now-view')!.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(popup.onReady).toHaveBeenCalledWith('predictions', 'cache'));
    expect(popup.onLive).not.toHaveBeenCalled();
    const before = layoutOf(popup.view.container);
    popup.backgroundStatus.resolve(status());
    popup.live.resolve(prediction({ engaged: 0.72 }));
    await screen.findByText('72%');
    expect(screen.queryByText('40%')).toBeNull();
    expect(document.querySelector('.now-view')!.getAttribute('aria-busy')).toBe('false');
    expect(layoutOf(popup.view.container)).toBe(before);
    await waitFor(() => expect(popup.onLive).toHaveBeenCalledWith('predictions'));
    expect(popup.onReady).toHaveBeenCalledTimes(1);
  });

  it('is never shown once the live answer has come first', async () => {
    const entry = deferred<CachedPrediction | undefined>();
    const popup = withSlowBackground(entry.promise);
    popup.backgroundStatus.resolve(status());
    popup.live.resolve(prediction({ engaged: 0.72 }));
    await screen.findByText('72%');
    entry.resolve(kept());
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByText('40%')).toBeNull();
    expect(screen.getByText('72%')).toBeTruthy();
    await waitFor(() => expect(popup.onReady).toHaveBeenCalledWith('predictions', 'live'));
  });

  it('lays out the storage warning it carries at once, without waiting for the status', async () => {
    const popup = withSlowBackground(Promise.resolve(kept({ storageFullAt: Date.now() - 60_000 })));
    await screen.findByText('40%');
    expect(screen.getByText(/Storage was full/)).toBeTruthy();
    popup.backgroundStatus.resolve(status({ storageFullAt: 0 })); // a background woken since has forgotten it
    popup.live.resolve(prediction());
    await screen.findByText('72%');
    expect(screen.getByText(/Storage was full/)).toBeTruthy();
  });

  it('with none kept, the popup waits for the live answer as before', async () => {
    const popup = withSlowBackground(Promise.resolve(undefined));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.getByRole('status').textContent).toBe('Loading predictions…');
    expect(popup.onReady).not.toHaveBeenCalled();
    popup.backgroundStatus.resolve(status());
    popup.live.resolve(prediction());
    await screen.findByText('72%');
    await waitFor(() => expect(popup.onReady).toHaveBeenCalledWith('predictions', 'live'));
  });

  it('gives way to the background’s error: a failed live answer is said, not hidden', async () => {
    const popup = withSlowBackground(Promise.resolve(kept()));
    await screen.findByText('40%');
    popup.backgroundStatus.resolve(status());
    popup.live.reject(new Error('Tabula’s background did not answer.'));
    await screen.findByText('Could not get a prediction: Tabula’s background did not answer.');
    await waitFor(() => expect(popup.onLive).toHaveBeenCalledWith('error'));
  });
});
