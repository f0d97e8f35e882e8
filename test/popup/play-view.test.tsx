// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlayRequest } from '../../extension/contract-types';
import { PlayView } from '../../popup/views/play';
import { fakeConnector, renderWith } from './fake-connector';
import { history, overview } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function retrained({ learningRate, size }: PlayRequest) {
  const curve = history(30, 47); // the retrained run reports a longer, finer curve
  return overview({ config: { learningRate, size, parameters: 131_072, weightBytes: 524_288 }, history: curve, metrics: curve.at(-1)! });
}

async function showPlay(answers = {}) {
  const connector = fakeConnector({ 'model/overview': overview(), 'model/play': retrained, ...answers });
  renderWith(connector, <PlayView />);
  await screen.findByRole('slider', { name: /Learning rate/ });
  return connector;
}

describe('Play view', () => {
  it('starts from the model’s current learning rate and size', async () => {
    await showPlay();
    const slider = screen.getByRole('slider', { name: /Learning rate/ }) as HTMLInputElement;
    expect(Number(slider.value)).toBeCloseTo(Math.log10(0.03));
    expect(slider.getAttribute('aria-valuetext')).toBe('0.03');
    expect((screen.getByRole('radio', { name: /medium/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('retrains from stored visits with the chosen settings and shows the new learning curve', async () => {
    const connector = await showPlay();
    const curveBefore = screen.getByRole('img', { name: /Engagement log loss/ }).querySelector('desc')?.textContent;
    fireEvent.input(screen.getByRole('slider', { name: /Learning rate/ }), { target: { value: '-2' } });
    fireEvent.click(screen.getByRole('radio', { name: /large/ }));
    expect(screen.getByText('0.01')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retrain from stored visits' }));
    await screen.findByText(/Retrained on 1,412 visits/);
    expect(connector.sent('model/play')).toEqual([{ learningRate: 0.01, size: 'large' }]);
    const last = history(30, 47).at(-1)!;
    const curveAfter = screen.getByRole('img', { name: /Engagement log loss/ }).querySelector('desc')?.textContent;
    expect(curveAfter).toBe(`After ${last.visits.toLocaleString('en')} visits: Tabula ${last.engagement.logLoss.toFixed(2)}, Constant guess 0.66.`);
    expect(curveAfter).not.toBe(curveBefore);
    const before = overview().metrics.engagement.logLoss.toFixed(3);
    expect(screen.getByText(/Retrained on/).textContent).toContain(`engagement log loss ${before} → ${last.engagement.logLoss.toFixed(3)}`);
  });

  it('shows a failed retraining and keeps the old curve', async () => {
    const connector = await showPlay({ 'model/play': new Error('Not enough memory for a large model') });
    fireEvent.click(screen.getByRole('button', { name: 'Retrain from stored visits' }));
    await screen.findByText('Retraining failed. Not enough memory for a large model. The model was not changed.');
    expect(connector.sent('model/play')).toHaveLength(1);
    const last = overview().history.at(-1)!;
    expect(screen.getByRole('img', { name: /Engagement log loss/ }).querySelector('desc')?.textContent).toContain(`After ${last.visits.toLocaleString('en')} visits`);
  });

  it('cannot retrain without stored visits', async () => {
    await showPlay({ 'model/overview': overview({ storedVisits: 0 }) });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Retrain from stored visits' }) as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByText('There are no stored visits to retrain from.')).toBeTruthy();
  });
});
