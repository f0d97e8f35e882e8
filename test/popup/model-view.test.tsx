// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataExport } from '../../extension/contract-types';
import { ModelView } from '../../popup/views/model';
import { fakeConnector, renderWith } from './fake-connector';
import { NOW, importPreview, overview, settings, status, visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

const modelFile = { format: 'tabula-model', version: 1, createdAt: NOW - 100 * 86_400_000, weights: { embedding: [0.1, -0.2] } };
const dataFile: DataExport = { format: 'tabula-data', version: 1, exportedAt: NOW, visits: visits(), settings: settings() };

function showModel(answers = {}) {
  const connector = fakeConnector({
    'model/reset': ({ wipeData }: { wipeData: boolean }) => overview({ visitsLearned: 0, storedVisits: wipeData ? 0 : 1398, history: [] }),
    'model/export': modelFile,
    'data/export': dataFile,
    'model/preview-import': importPreview(),
    'model/import': overview({ visitsLearned: 5120 }),
    ...answers,
  });
  renderWith(connector, <ModelView now={() => NOW} />);
  return connector;
}

function pick(text: string, name = 'model.json') {
  const input = screen.getByLabelText('Import a model file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('Model view: reset', () => {
  it('resets the model alone after a confirmation that says the visits stay', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Reset the model…' }));
    const confirm = screen.getByRole('group', { name: 'Reset the model?' });
    expect(confirm.textContent).toContain('Your stored visits stay: Play → Retrain from stored visits learns it from them again.');
    expect(connector.sent('model/reset')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Reset the model' }));
    await screen.findByText(/Reset done\. The model has learned from 0 visits; 1,398 visits stored\./);
    expect(connector.sent('model/reset')).toEqual([{ wipeData: false }]);
  });

  it('resets everything only when that is confirmed', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(connector.sent('model/reset')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything…' }));
    const confirm = screen.getByRole('group', { name: 'Reset the model and delete all data?' });
    expect(confirm.textContent).toContain('every stored visit and interaction event is deleted');
    expect(confirm.textContent).toContain('importing a data file, even one exported before, does not bring them back');
    expect(confirm.textContent).toContain('Your settings stay: the exclusion list');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Reset everything' }));
    await screen.findByText(/0 visits stored/);
    expect(connector.sent('model/reset')).toEqual([{ wipeData: true }]);
  });
});

describe('Model view: export', () => {
  it('saves the model as tabula-model-YYYY-MM-DD.json with the file the background gave', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Export the model' }));
    await screen.findByText('Saved tabula-model-2025-03-14.json.');
    expect(connector.saved.map((file) => file.fileName)).toEqual(['tabula-model-2025-03-14.json']);
    expect(JSON.parse(connector.saved[0].text)).toEqual(modelFile);
    expect(connector.sent('model/export')).toEqual([{ names: true }]);
  });

  it('saves the model without names as tabula-model-without-names-YYYY-MM-DD.json', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Export without names' }));
    await screen.findByText('Saved tabula-model-without-names-2025-03-14.json.');
    expect(connector.sent('model/export')).toEqual([{ names: false }]);
    expect(connector.saved.map((file) => file.fileName)).toEqual(['tabula-model-without-names-2025-03-14.json']);
  });

  it('saves a compact model file when asked, named -compact.json, with or without names', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compact model file (8 bits a weight)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export the model' }));
    await screen.findByText('Saved tabula-model-2025-03-14-compact.json.');
    fireEvent.click(screen.getByRole('button', { name: 'Export without names' }));
    await screen.findByText('Saved tabula-model-without-names-2025-03-14-compact.json.');
    expect(connector.sent('model/export')).toEqual([{ names: true, compact: true }, { names: false, compact: true }]);
  });

  it('says plainly which names a model file holds, and what an export without names leaves', () => {
    showModel();
    const text = document.body.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('up to 4,096 feature names (sites, the start of page paths, words of titles and descriptions, sites you came from');
    expect(text).toContain('up to 64 sites it predicts');
    expect(text).toContain('the last site you visited');
    expect(text).toContain('Export without names leaves every one of those names out: weights, hashes and counts only.');
    expect(text).toContain('whoever guesses a site can check it');
    expect(text).not.toContain('not your visits');
  });

  it('saves the stored data as a data file: a header line with the settings, then each finished visit with its key', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Export stored data' }));
    await screen.findByText('Saved tabula-data-2025-03-14.jsonl.');
    const [header, ...lines] = connector.saved[0].text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(header).toEqual({ format: 'tabula-data', version: 2, exportedAt: NOW, visits: dataFile.visits.length, settings: dataFile.settings });
    const inSeqOrder = [...dataFile.visits].sort((a, b) => a.seq! - b.seq!);
    expect(lines).toEqual(inSeqOrder.map(({ id, seq, ...visit }) => visit));
  });

  it('saves the data file gzipped when asked, and it unzips to the same text', async () => {
    const connector = showModel();
    fireEvent.click(screen.getByRole('button', { name: 'Export stored data' }));
    await screen.findByText('Saved tabula-data-2025-03-14.jsonl.');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Compress the data file (gzip)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export stored data' }));
    await screen.findByText('Saved tabula-data-2025-03-14.jsonl.gz.');
    const bytes = Buffer.from(await connector.saved[1].blob!.arrayBuffer());
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString('utf8')).toBe(connector.saved[0].text);
  });

  it('says so when the export fails, and saves nothing', async () => {
    const connector = showModel({ 'model/export': new Error('The model is being relearned.') });
    fireEvent.click(screen.getByRole('button', { name: 'Export the model' }));
    await screen.findByText('Could not export: The model is being relearned.');
    expect(connector.saved).toEqual([]);
  });
});

describe('Model view: import', () => {
  it('reads the file, shows what the background says of it, and imports it once confirmed', async () => {
    const connector = showModel();
    // Said before anything is picked: a relearning starts again from the stored visits alone.
    expect(screen.getByText(/each day that visits pass their retention: what it learned elsewhere then goes\. To keep it for good, import that browser's data file instead\./)).toBeTruthy();
    pick(JSON.stringify(modelFile), 'laptop-model.json');
    const confirm = await screen.findByRole('group', { name: 'Replace the current model with laptop-model.json?' });
    expect(confirm.textContent).toContain('learned from 5,120 visits on 203 sites; large size');
    const table = within(confirm).getByRole('table', { name: 'How the imported model predicted' });
    const logLoss = within(table).getByRole('row', { name: /Engagement log loss/ });
    expect(logLoss.textContent).toBe(`Engagement log loss${importPreview().metrics.engagement.logLoss.toFixed(3)}0.660`);
    expect(connector.sent('model/preview-import')).toEqual([{ file: JSON.stringify(modelFile) }]); // the text, as read
    expect(connector.sent('model/import')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Import this model' }));
    await screen.findByText('Model imported: it has learned from 5,120 visits.');
    expect(connector.sent('model/import')).toEqual([{ file: JSON.stringify(modelFile) }]);
  });

  it('turns down a file that is not JSON without asking the background anything', async () => {
    const connector = showModel();
    pick('{"format": "tabula-model", "weights": [0.1,', 'broken.json');
    await screen.findByText('broken.json is not a JSON file, so it cannot be a Tabula model. Nothing was changed.');
    // A data file picked here is named as one, with where it goes.
    pick('{"format":"tabula-data","version":2,"exportedAt":1,"visits":1,"settings":{}}\n{"url":"https://a.example/"}\n', 'tabula-data.jsonl');
    await screen.findByText('tabula-data.jsonl is a Tabula data file: import it in Data → Import data. Nothing was changed.');
    expect(connector.calls.filter((call) => call.type !== 'background/status')).toEqual([]); // only the view's health notices asked
  });

  it('turns down a file larger than any model without reading it', async () => {
    const connector = showModel();
    const huge = new File(['{}'], 'disk-image.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 900 * 2 ** 20 });
    const text = vi.spyOn(huge, 'text');
    fireEvent.change(screen.getByLabelText('Import a model file'), { target: { files: [huge] } });
    await screen.findByText('disk-image.json is 900 MB, larger than any Tabula model file, so it was not read. Nothing was changed.');
    expect(text).not.toHaveBeenCalled();
    expect(connector.calls.filter((call) => call.type !== 'background/status')).toEqual([]);
  });

  it('shows why the background refused a file, and imports nothing', async () => {
    const connector = showModel({ 'model/preview-import': new Error('Unknown model format version 9') });
    pick(JSON.stringify({ format: 'tabula-model', version: 9 }));
    await screen.findByText('This file cannot be imported. Unknown model format version 9. Nothing was changed.');
    expect(screen.queryByRole('button', { name: 'Import this model' })).toBeNull();
    expect(connector.sent('model/import')).toEqual([]);
  });

  it('imports nothing when the preview is cancelled', async () => {
    const connector = showModel();
    pick(JSON.stringify(modelFile));
    fireEvent.click(within(await screen.findByRole('group', { name: /Replace the current model/ })).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /Replace the current model/ })).toBeNull());
    expect(connector.sent('model/import')).toEqual([]);
  });
});

describe('Model view: what the background had to do about damaged data', () => {
  it('says when the model was taken back to its last sound state, and when visits or settings could not be read', async () => {
    showModel({ 'background/status': status({ modelUnsoundAt: NOW - 60_000, unreadableVisits: 2, settingsProblems: ['excluded: The exclusion list must be a list of at most 1000 sites.'] }) });
    const alerts = await screen.findAllByRole('alert');
    const text = alerts.map((alert) => alert.textContent).join(' ');
    expect(text).toContain('went back to the last sound model');
    expect(text).toContain('2 stored visits could not be read');
    expect(text).toContain('excluded: The exclusion list must be a list');
  });

  it('says nothing when all is well', async () => {
    const connector = showModel({ 'background/status': status() });
    await waitFor(() => expect(connector.sent('background/status')).toHaveLength(1));
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });
});

describe('Model view: a file that may hold a forgotten day', () => {
  const day = new Date(2026, 10, 20).getTime();

  it('says so before the import, and still imports once confirmed', async () => {
    const connector = showModel({ 'model/preview-import': { ...importPreview(), mayHoldForgotten: { day, forgottenAt: day + 3 * 86_400_000 } } });
    pick(JSON.stringify(modelFile), 'laptop-model.json');
    const confirm = await screen.findByRole('group', { name: 'Replace the current model with laptop-model.json?' });
    const caution = within(confirm).getByRole('note');
    expect(caution.textContent).toMatch(/^Its learning spans Nov 20, 2026, a day you forgot here on Nov 23, 2026, .*, and it last learned before then: it may hold what it learned of that time, and importing it would bring that back/);
    expect(caution.textContent).toContain('import a data file instead (Data → Import data)');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Import this model' }));
    await screen.findByText('Model imported: it has learned from 5,120 visits.');
    expect(connector.sent('model/import')).toHaveLength(1);
  });

  it('says so before a merge of a file begun before everything of then was forgotten; nothing is said of other files', async () => {
    const mergePreview = { ...importPreview(), updatedAt: NOW, featureNames: 0, topSites: [] };
    showModel({ 'model/preview-merge': { ...mergePreview, mayHoldForgotten: { before: day } } });
    fireEvent.change(screen.getByLabelText('Merge a model file'), { target: { files: [new File([JSON.stringify(modelFile)], 'old.json')] } });
    const confirm = await screen.findByRole('group', { name: 'Merge old.json into this model?' });
    expect(within(confirm).getByRole('note').textContent).toMatch(/^It began learning before Nov 20, 2026, .*, and you have forgotten here what was browsed before then: .* merging it would bring that back/);
    cleanup();
    showModel();
    pick(JSON.stringify(modelFile));
    const plain = await screen.findByRole('group', { name: 'Replace the current model with model.json?' });
    expect(within(plain).queryByRole('note')).toBeNull();
  });
});

describe('Model view: merge', () => {
  const mergePreview = { ...importPreview(), updatedAt: NOW - 86_400_000, featureNames: 812,
    topSites: [{ host: 'phone.example.com', visits: 41.6 }, { host: '', visits: 12.2 }] };

  function pickToMerge(text: string, name = 'phone-model.json') {
    fireEvent.change(screen.getByLabelText('Merge a model file'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
  }

  it('shows what the other model knows, and merges only after a confirmation', async () => {
    const connector = showModel({ 'model/preview-merge': mergePreview, 'model/merge': overview({ visitsLearned: 9000 }) });
    pickToMerge(JSON.stringify(modelFile));
    const confirm = await screen.findByRole('group', { name: 'Merge phone-model.json into this model?' });
    expect(connector.sent('model/preview-merge')).toEqual([{ file: JSON.stringify(modelFile) }]);
    expect(connector.sent('model/merge')).toEqual([]);
    expect(confirm.textContent).toContain('holds 812 feature names');
    const sites = within(confirm).getByRole('list', { name: 'Its most visited sites' });
    expect(within(sites).getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      ['phone.example.com (about 42 visits lately)', 'a site it knows only by a hash (about 12 visits lately)', 'and 201 other sites']);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Merge this model' }));
    await screen.findByText('Models merged: this model has now learned from 9,000 visits.');
    expect(connector.sent('model/merge')).toEqual([{ file: JSON.stringify(modelFile) }]);
  });

  it('says why a model cannot be merged, and sends nothing to merge', async () => {
    const refusal = 'This model cannot be merged into this one: its embedding width (64) differs from this model\'s (24), so its numbers do not mean the same things. Nothing was changed.';
    const connector = showModel({ 'model/preview-merge': new Error(refusal) });
    pickToMerge(JSON.stringify(modelFile));
    const said = await screen.findByText(/This file cannot be merged\. This model cannot be merged into this one: its embedding width \(64\) differs/);
    expect(said.textContent?.match(/Nothing was changed\./g)).toHaveLength(1);
    expect(screen.queryByRole('group')).toBeNull();
    expect(connector.sent('model/merge')).toEqual([]);
  });

  it('says nothing was changed when a refusal does not say it already', async () => {
    showModel({ 'model/preview-merge': new Error('This model file names a site that you have forgotten or exclude here.') });
    pickToMerge(JSON.stringify(modelFile));
    expect(await screen.findByText('This file cannot be merged. This model file names a site that you have forgotten or exclude here. Nothing was changed.')).toBeTruthy();
  });

  it('does not send a file that is not JSON', async () => {
    const connector = showModel({ 'model/preview-merge': mergePreview });
    pickToMerge('{"format": "tabula-mo');
    await screen.findByText('phone-model.json is not a JSON file, so it cannot be a Tabula model. Nothing was changed.');
    expect(connector.sent('model/preview-merge')).toEqual([]);
  });
});
