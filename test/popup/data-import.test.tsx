// @vitest-environment happy-dom
// The Data view's "Import data", against a background that checks the lines with the real data
// file reader: the file goes line for line in parts (plain, gzipped, or an old export's visits),
// a file with bad lines is refused with them listed and nothing imported, a file too large or
// not text is refused before it is read whole, and the relearning shows its progress.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DataExport, DataFileLines, DataImportResult } from '../../extension/contract-types';
import { DataFileReader, dataFileText, MAX_LINE_CHARS, visitLine } from '../../extension/data-file';
import { LINES_PER_PART } from '../../popup/data-file-io';
import { DataView } from '../../popup/views/data';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { NOW, settings, status, visit, visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function exported(count: number): DataExport {
  const many = Array.from({ length: count }, (_, i) => ({ ...visit(i + 1, `site${i % 7}.example`, NOW - 86_400_000 + i * 60_000), key: `visit-key-${i}` }));
  return { format: 'tabula-data', version: 1, exportedAt: NOW, visits: many, settings: settings() };
}

/** A background that reads the lines it is sent with the real reader, and imports what passed. */
function background(importAnswer?: (result: DataImportResult) => Promise<DataImportResult>) {
  const readers = new Map<string, DataFileReader>();
  const connector = fakeConnector({
    'settings/get': settings(),
    'data/visits': { visits: visits(), total: visits().length },
    'background/status': status(),
    'data/import-lines': ({ importId, lines, counting }: DataFileLines) => {
      if (!readers.has(importId)) readers.set(importId, new DataFileReader(NOW, counting));
      readers.get(importId)!.add(lines);
      return readers.get(importId)!.check;
    },
    'data/import': ({ importId }: { importId: string }) => {
      const { check } = readers.get(importId)!;
      const result = { visits: check.visits, added: check.visits, alreadyStored: 0, excluded: 0, forgotten: 0, expired: 0, doubled: 0, unfinished: check.unfinished, relearned: check.visits + 5 };
      return importAnswer ? importAnswer(result) : result;
    },
  });
  return connector;
}

async function pick(connector: ReturnType<typeof background>, file: File) {
  renderWith(connector, <DataView />);
  const input = await screen.findByLabelText('Import a data file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

/** The lines of a text that ends each with a newline. */
function linesOf(text: string): string[] {
  return text.slice(0, -1).split('\n');
}

/** Every line the background was sent, in order, and each part's first line number. */
function sentLines(connector: ReturnType<typeof background>) {
  const parts = connector.sent('data/import-lines');
  return { lines: parts.flatMap((part) => part.lines), firsts: parts.map((part) => part.firstLine), parts };
}

describe('Data view: importing a data file', () => {
  it('sends the file line for line, in numbered parts, and says what the import did', async () => {
    const text = dataFileText(exported(LINES_PER_PART + 300));
    const connector = background();
    await pick(connector, new File([text], 'tabula-data-2025-03-13.jsonl'));
    await screen.findByText(/Imported 2,300 visits from tabula-data-2025-03-13\.jsonl\./);
    expect(document.body.textContent).toContain('The model relearned from 2,305 visits, in the order they happened.');
    const { lines, firsts, parts } = sentLines(connector);
    expect(lines).toEqual(linesOf(text));
    expect(firsts).toEqual([1, LINES_PER_PART + 1]);
    expect(parts.every((part) => part.counting === 'line' && part.importId === parts[0].importId)).toBe(true);
    expect(connector.sent('data/import')).toEqual([{ importId: parts[0].importId }]);
  });

  it('reads a gzipped file, and one with Windows line ends, to the same lines', async () => {
    const text = dataFileText(exported(40));
    for (const file of [new File([gzipSync(text)], 'tabula-data.jsonl.gz'), new File([text.replaceAll('\n', '\r\n')], 'tabula-data.jsonl')]) {
      const connector = background();
      await pick(connector, file);
      await screen.findByText(/Imported 40 visits/);
      expect(sentLines(connector).lines).toEqual(linesOf(text));
      cleanup();
    }
  });

  it('reads an export of the earlier format, a visit at a time, leaving the visits open then', async () => {
    const old = exported(30);
    old.visits[4] = { ...old.visits[4], seq: undefined, tabId: 3 } as typeof old.visits[number];
    const connector = background();
    await pick(connector, new File([JSON.stringify(old, null, 1)], 'tabula-data-2024-12-01.json'));
    await screen.findByText(/Imported 29 visits/);
    expect(document.body.textContent).toContain('1 still open when the file was made');
    const { lines, parts } = sentLines(connector);
    expect(lines).toEqual(old.visits.map((v) => JSON.stringify(v)));
    expect(parts.every((part) => part.counting === 'visit')).toBe(true);
  });

  it('refuses a file with bad lines, listing them, and imports nothing', async () => {
    const lines = dataFileText(exported(60)).trimEnd().split('\n');
    lines[3] = lines[3].replace('"clicks":4', '"clicks":"four"');
    for (let i = 10; i < 40; i++) lines[i] = `broken ${i}`;
    const connector = background();
    await pick(connector, new File([lines.join('\n')], 'edited.jsonl'));
    await screen.findByText('edited.jsonl was not imported: 31 lines cannot be read. Nothing was changed: a file is imported whole, or not at all.');
    const listed = screen.getAllByRole('listitem').filter((item) => item.parentElement?.classList.contains('import-problems')).map((item) => item.textContent);
    expect(listed[0]).toBe('line 4: “clicks” must be a number from 0 to 1000000');
    expect(listed[1]).toBe('line 11: not JSON');
    expect(listed.at(-1)).toBe('and 11 more lines');
    expect(connector.sent('data/import')).toEqual([]);
  });

  it('sends a line longer than any visit cut short, for the background to name it', async () => {
    const lines = linesOf(dataFileText(exported(3)));
    lines.splice(2, 0, `{"url":"https://a.example/${'x'.repeat(200_000)}"}`);
    const connector = background();
    await pick(connector, new File([lines.join('\n')], 'long.jsonl'));
    await screen.findByText('line 3: longer than 16,384 characters, which no visit is');
    const sent = sentLines(connector).lines;
    expect(sent).toHaveLength(5);
    expect(sent[2]).toHaveLength(MAX_LINE_CHARS + 1);
    expect(sent.filter((_, i) => i !== 2)).toEqual(lines.filter((_, i) => i !== 2));
  });

  it('refuses a file too large before reading it, and one that is not text', async () => {
    const connector = background();
    const huge = new File(['{}'], 'backup.tar');
    Object.defineProperty(huge, 'size', { value: 700 * 2 ** 20 });
    const stream = vi.spyOn(huge, 'stream');
    await pick(connector, huge);
    await screen.findByText('backup.tar was not imported: backup.tar is 700 MB, larger than a data file may be (64 MB), so it was not read. Nothing was changed.');
    expect(stream).not.toHaveBeenCalled();
    cleanup();
    await pick(connector, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0xc3])], 'photo.png'));
    await screen.findByText(/photo\.png was not imported: photo\.png is not a Tabula data file: it is not text \(UTF-8\) nor gzipped text\./);
    expect(connector.sent('data/import-lines')).toEqual([]);
    expect(connector.sent('data/import')).toEqual([]);
  });

  it('says of a gzipped file cut short that it is, rather than that it is not gzipped', async () => {
    const connector = background();
    const whole = gzipSync(dataFileText(exported(400)));
    await pick(connector, new File([whole.subarray(0, Math.floor(whole.length / 2))], 'tabula-data.jsonl.gz'));
    await screen.findByText(/tabula-data\.jsonl\.gz is gzipped, but does not decompress to text: it may have been cut short or damaged\. Export it again\./);
    expect(connector.sent('data/import')).toEqual([]);
  });

  it('refuses a model file chosen here, with where to import it', async () => {
    const connector = background();
    await pick(connector, new File([JSON.stringify({ format: 'tabula-model', version: 1, weights: {} }, null, 1)], 'tabula-model.json'));
    await screen.findByText('tabula-model.json was not imported: tabula-model.json: This is a Tabula model file: import it in the Model view. Nothing was changed.');
    expect(connector.sent('data/import')).toEqual([]);
  });

  it('shows the progress of the merge and of the relearning, and the background’s refusal', async () => {
    const answer = deferred<DataImportResult>();
    const connector = background(() => answer.promise);
    connector.answers['background/status'] = status({ progress: { step: 'merging', done: 1_500, total: 2_000 } });
    await pick(connector, new File([dataFileText(exported(20))], 'phone.jsonl'));
    await screen.findByText('Merging: written 1,500 of 2,000 visits');
    connector.answers['background/status'] = status({ relearning: true, progress: { step: 'relearning', done: 500, total: 2_000 } });
    await screen.findByText('Relearning: 500 of 2,000 visits');
    const bar = screen.getByRole('progressbar', { name: 'Relearning' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([500, 2000]);
    answer.reject(new Error('Recording is paused: resume it to import data. Nothing was changed.'));
    await screen.findByText('phone.jsonl was not imported: Recording is paused: resume it to import data. Nothing was changed.');
  });

  it('says when a file brings nothing new', async () => {
    const connector = background(async (result) => ({ ...result, added: 0, alreadyStored: 18, excluded: 2, forgotten: 3, relearned: 0 }));
    await pick(connector, new File([visitLine({ ...visit(1, 'a.example', NOW - 3600_000), key: 'visit-key-1' })], 'again.jsonl'));
    await screen.findByText('Nothing new in again.jsonl: 1 visit read, none added. Not added: 18 already here; 2 on sites you exclude; '
      + '3 forgotten here (by a forget or a reset of everything too). The model is as it was.');
    await waitFor(() => expect(connector.sent('data/import')).toHaveLength(1));
  });
});
