// @vitest-environment happy-dom
// axe-core on every view as rendered in happy-dom. Colour contrast needs real layout and is left
// to the real-browser run (axe reports it as "incomplete" here, never as passed).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabPrediction } from '../../extension/contract-types';
import { DashboardApp } from '../../popup/dashboard-app';
import { PopupApp, type ViewId } from '../../popup/popup-app';
import { fakeConnector, renderWith } from './fake-connector';
import { importPreview, insights, overview, prediction, settings, status, timeReport, visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function connector(now: TabPrediction = prediction(), storageFullAt = 0) {
  return fakeConnector({
    'tab/predict': now,
    'model/overview': overview(),
    'model/insights': insights(),
    'settings/get': settings(),
    'data/visits': { visits: visits(), total: visits().length },
    'data/time': timeReport(),
    'model/preview-import': importPreview(),
    'data/forget-preview': { visits: 2, events: 60 },
    'background/status': status({ storageFullAt }),
  });
}

async function violations(root: Element) {
  const results = await axe.run(root, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function settled() {
  await waitFor(() => expect(document.querySelector('.skeleton')).toBeNull());
}

describe('accessibility (axe-core in happy-dom)', () => {
  const views: [ViewId, string][] = [['now', '72%'], ['learned', 'Visits learned'], ['time', 'Today so far'], ['data', 'bank.example.com'], ['model', 'Export the model'], ['play', 'Model size']];
  for (const [view, text] of views) {
    it(`finds no violations in the ${view} view`, async () => {
      const { container } = renderWith(connector(), <PopupApp initialView={view} />);
      await screen.findAllByText(text);
      await settled();
      expect(await violations(container)).toEqual([]);
    });
  }

  for (const status of ['no-data', 'paused', 'excluded', 'browser-page', 'no-page', 'incognito', 'relearning'] as const) {
    it(`finds no violations in the Now view when ${status}`, async () => {
      const progress = status === 'relearning' ? { progress: { step: 'relearning' as const, done: 1500, total: 30000 } } : {};
      const { container } = renderWith(connector(prediction({ status, visitsUntilUseful: 20, ...progress })), <PopupApp />);
      await settled();
      expect(await violations(container)).toEqual([]);
    });
  }

  it('finds no violations with a confirmation or an import preview open', async () => {
    const answering = connector();
    answering.answers['data/forget'] = () => new Promise(() => undefined); // forgetting until the test ends
    const { container } = renderWith(answering, <PopupApp initialView="data" />);
    fireEvent.click((await screen.findAllByRole('button', { name: /Forget the whole site / }))[0]);
    await screen.findByText(/Tabula will delete/);
    expect(await violations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Forget' }));
    await screen.findByText('Deleting…');
    expect(await violations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('tab', { name: 'Model' }));
    const input = screen.getByLabelText('Import a model file');
    fireEvent.change(input, { target: { files: [new File(['{"format":"tabula-model"}'], 'm.json')] } });
    await screen.findByRole('button', { name: 'Import this model' });
    expect(await violations(container)).toEqual([]);
  });

  it('finds no violations with the storage warning shown', async () => {
    const { container } = renderWith(connector(prediction(), Date.now() - 60_000), <PopupApp />);
    await screen.findByText('Storage was full');
    await settled();
    expect(await violations(container)).toEqual([]);
  });

  it('finds no violations on the dashboard', async () => {
    const { container } = renderWith(connector(), <DashboardApp tabId={3} />);
    await screen.findByRole('meter');
    await settled();
    expect(await violations(container)).toEqual([]);
  });

  it('does catch a real violation here (so the checks above mean something)', async () => {
    const { container } = renderWith(connector(), <div><button type="button" /><input type="text" /></div>);
    expect((await violations(container)).map((line) => line.split(':')[0]).sort()).toEqual(['button-name', 'label']);
  });
});
