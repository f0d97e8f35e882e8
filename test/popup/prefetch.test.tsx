// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../popup/popup-app';
import { sendEarly, withEarlyAnswers } from '../../popup/prefetch';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { prediction, status } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

describe('requests sent before the interface loads', () => {
  it('answers the popup’s first prediction and status from the early requests, without asking twice', async () => {
    const background = fakeConnector({ 'tab/predict': prediction(), 'background/status': status() });
    const early = sendEarly(background.send, [['tab/predict', {}], ['background/status', {}]]);
    expect(background.calls.map((call) => call.type)).toEqual(['tab/predict', 'background/status']);
    renderWith(withEarlyAnswers(background, early), <PopupApp />);
    await screen.findByText('72%');
    expect(background.calls.map((call) => call.type)).toEqual(['tab/predict', 'background/status']);
  });

  it('hands each early answer out once, so a reload asks the background again', async () => {
    const background = fakeConnector({ 'tab/predict': prediction({ engaged: 0.1 }) });
    const connector = withEarlyAnswers(background, sendEarly(background.send, [['tab/predict', {}]]));
    background.answers['tab/predict'] = prediction({ engaged: 0.9 });
    expect((await connector.send('tab/predict', {})).engaged).toBe(0.1);
    expect((await connector.send('tab/predict', {})).engaged).toBe(0.9);
    expect((await connector.send('tab/predict', { tabId: 3 })).engaged).toBe(0.9);
    expect(background.sent('tab/predict')).toEqual([{}, {}, { tabId: 3 }]);
  });

  it('passes a failure of an early request to the view that asks for it', async () => {
    const answer = deferred<never>();
    const background = fakeConnector({ 'tab/predict': () => answer.promise, 'background/status': status() });
    const early = sendEarly(background.send, [['tab/predict', {}], ['background/status', {}]]);
    answer.reject(new Error('Tabula’s background did not answer.'));
    await new Promise((resolve) => setTimeout(resolve, 0)); // failed before anyone asked: no unhandled rejection
    const onReady = vi.fn();
    renderWith(withEarlyAnswers(background, early), <PopupApp onReady={onReady} />);
    await screen.findByText('Could not get a prediction: Tabula’s background did not answer.');
    await waitFor(() => expect(onReady).toHaveBeenCalledWith('error', 'live'));
  });
});
