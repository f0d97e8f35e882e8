// The data file: written as a header and a visit line per finished visit, and read back line by
// line through the rules of a content script's report, with each bad line named.
import { describe, expect, it } from 'vitest';
import type { DataExport, StoredVisit } from '../../extension/contract-types';
import { DataFileReader, dataFileText, MAX_LINE_CHARS, PROBLEMS_LISTED, versionOneLines, visitLine } from '../../extension/data-file';
import { DEFAULT_SETTINGS } from '../../extension/storage/settings';
import { visitAt } from './fixtures';

const NOW = Date.UTC(2026, 10, 27);

function stored(n: number, overrides: Partial<StoredVisit> = {}): StoredVisit {
  return { ...visitAt('docs.example', NOW - 86_400_000 + n * 60_000, { path: `/guide/${n}` }), id: n, key: `visit-key-${n}`, seq: n, ...overrides };
}

function exported(visits: StoredVisit[]): DataExport {
  return { format: 'tabula-data', version: 1, exportedAt: NOW, visits, settings: DEFAULT_SETTINGS };
}

function read(text: string, counting: 'line' | 'visit' = 'line'): DataFileReader {
  const reader = new DataFileReader(NOW, counting);
  reader.add(text.split('\n'));
  return reader;
}

describe('writing a data file', () => {
  it('writes a header line, then each finished visit in seq order with its key, and leaves open visits out', () => {
    const open = { ...stored(9), seq: undefined, tabId: 4 } as StoredVisit;
    const text = dataFileText(exported([stored(3), open, stored(1), stored(2)]));
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toEqual({ format: 'tabula-data', version: 2, exportedAt: NOW, visits: 3, settings: DEFAULT_SETTINGS });
    const visits = lines.slice(1).map((line) => JSON.parse(line));
    expect(visits.map((visit) => visit.key)).toEqual(['visit-key-1', 'visit-key-2', 'visit-key-3']);
    for (const visit of visits) {
      expect(visit).not.toHaveProperty('id');
      expect(visit).not.toHaveProperty('seq');
      expect(visit).not.toHaveProperty('tabId');
    }
    expect(visits[0]).toEqual({ ...stored(1), id: undefined, seq: undefined, key: 'visit-key-1' });
  });

  it('writes the same line for the same visit whatever order its record holds its fields in', () => {
    const visit = stored(1, { feedback: 'useful' });
    const shuffled = Object.fromEntries(Object.entries(visit).reverse()) as unknown as StoredVisit;
    expect(visitLine(shuffled)).toBe(visitLine(visit));
    expect(Object.keys(JSON.parse(visitLine(visit)))[0]).toBe('key');
  });

  it('keeps a field this version does not know (a newer Tabula’s record), so that an export loses nothing', () => {
    const line = JSON.parse(visitLine({ ...stored(1), zoom: 2 } as StoredVisit));
    expect(line.zoom).toBe(2);
  });
});

describe('reading a data file', () => {
  it('reads back what was written: the same keys and visits, keywords and all', () => {
    const visits = [stored(1, { keywords: ['tide', 'harbour'] }), stored(2, { source: 'history', activeMs: 0, scrollDepth: 0, clicks: 0 }), stored(3, { feedback: 'not-interested' })];
    const reader = read(dataFileText(exported(visits)));
    expect(reader.check).toEqual({ lines: 5, visits: 3, unfinished: 0, badLines: 0, problems: [] });
    expect(reader.visits).toEqual(visits.map(({ id, seq, key, ...visit }) => ({ key, visit })));
  });

  it('reads a visit log without a header or keys, with the documented defaults, and names its visits the same each time', () => {
    const text = '{"url":"https://news.example/a","startedAt":1764000000000}\n\n{"url":"https://news.example/b","startedAt":1764000100000,"activeMs":5000,"endedAt":1764000200000}';
    const reader = read(text);
    expect(reader.check.badLines).toBe(0);
    const [first, second] = reader.visits;
    expect(first.visit).toMatchObject({ host: 'news.example', path: '/a', title: '', kind: 'other', endedAt: 1764000000000, source: 'history' });
    expect(second.visit).toMatchObject({ activeMs: 5000, clicks: 0, source: 'page' });
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(first.key).not.toBe(second.key);
    expect(read(text).visits.map((visit) => visit.key)).toEqual([first.key, second.key]);
  });

  it('says a file is not whole when other than the visit lines its header counts came', () => {
    const text = dataFileText({ format: 'tabula-data', version: 1, exportedAt: NOW, visits: [stored(1), stored(2), stored(3)], settings: DEFAULT_SETTINGS });
    const lines = text.trimEnd().split('\n');
    expect(read(text).notWhole).toBeUndefined();
    expect(read(lines.slice(0, 3).join('\n') + '\n').notWhole).toBe('The file is not whole, so nothing was imported: line 4: the file ends there, '
      + 'where its first line says 3 visit lines follow and 2 came. It may have been cut short: export it again.');
    expect(read([...lines, lines[2]].join('\n')).notWhole).toBe('The file is not as it was written, so nothing was imported: line 5: one visit line more than its first line says 3 visit lines follow.');
    expect(read(lines.slice(1).join('\n')).notWhole).toBeUndefined(); // a visit log: no header, nothing said
    expect(read([lines[0].replace('"visits":3', '"visits":-1'), ...lines.slice(1)].join('\n')).check.problems).toEqual(['line 1: a header whose “visits” is not a whole number of visit lines']);
  });

  it('names a visit of a log whose times have fractions of a millisecond by a key that its export reads back', () => {
    const text = '{"url":"https://news.example/a","startedAt":1764000000000.5,"endedAt":1764000060000.25,"activeMs":1000}';
    const reader = read(text);
    expect(reader.check.badLines).toBe(0);
    const [{ key, visit }] = reader.visits;
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(read('{"url":"https://news.example/a","startedAt":1764000000000.75}').visits[0].key).not.toBe(key); // another start, another key
    const exported = dataFileText({ format: 'tabula-data', version: 1, exportedAt: NOW, visits: [{ ...visit, key, id: 1, seq: 1 }], settings: DEFAULT_SETTINGS });
    const again = read(exported);
    expect(again.check.badLines).toBe(0);
    expect(again.visits).toEqual([{ key, visit }]);
  });

  it('takes host and path from the url, strips the query, and keeps only the title the page text rules allow', () => {
    const line = JSON.stringify({
      key: 'visit-key-1', url: 'https://shop.example/order?id=7#x', host: 'evil.example', path: '/nope', startedAt: NOW - 1000,
      title: 'Order 123456789 for jane@example.com', activeMs: 0,
    });
    const [{ visit }] = read(line).visits;
    expect(visit).toMatchObject({ url: 'https://shop.example/order', host: 'shop.example', path: '/order', title: 'Order for' });
    const search = JSON.stringify({ key: 'visit-key-2', url: 'https://www.google.com/search', startedAt: NOW - 1000, title: 'hiv test - Google Search' });
    expect(read(search).visits[0].visit.title).toBe('');
  });

  it('reads a visit without keywords (an older export) as one without, and keeps no keyword the page text rules refuse', () => {
    const line = (keywords?: unknown) => JSON.stringify({ url: 'https://docs.example/a', startedAt: NOW - 60_000, activeMs: 1000, keywords });
    const reader = read([line(), line(['tide', 'jane@example.com', '555123456'])].join('\n'));
    expect(reader.visits[0].visit).not.toHaveProperty('keywords');
    expect(reader.visits[1].visit.keywords).toEqual(['tide']);
    expect(read(line(['tide', 7])).check.problems).toEqual(['line 1: “keywords” must be a list of at most 12 words of 1 to 30 characters']);
  });

  it('names every bad line by its number and what is wrong, as the content script’s reports are refused', () => {
    const good = visitLine(stored(1));
    const lines = [
      dataFileText(exported([])).trimEnd(),
      good,
      '{"url": "https://a.example/", "startedAt": ',
      '[1, 2]',
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-3', clicks: -1 }),
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-4', url: 'chrome://settings/' }),
      JSON.stringify({ ...JSON.parse(good), key: 'bad key!' }),
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-5', title: 'x'.repeat(301) }),
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-6', startedAt: NOW + 3 * 86_400_000 }),
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-7', source: 'elsewhere' }),
      JSON.stringify({ ...JSON.parse(good), key: 'visit-key-8', url: undefined }),
      JSON.stringify({ format: 'tabula-data', version: 2 }),
      'x'.repeat(MAX_LINE_CHARS + 1),
    ];
    const reader = read(lines.join('\n'));
    expect(reader.check.visits).toBe(1);
    expect(reader.check.badLines).toBe(11);
    expect(reader.check.problems).toEqual([
      'line 3: not JSON',
      'line 4: not a JSON object',
      'line 5: “clicks” must be a number from 0 to 1000000',
      'line 6: only web pages are recorded',
      'line 7: the visit key is malformed',
      'line 8: “title” is longer than 300 characters',
      expect.stringMatching(/^line 9: “startedAt” must be a number from 0 to \d+$/),
      'line 10: “source” must be page or history',
      'line 11: no “url”: Tabula keeps a visit by its page’s address',
      'line 12: a header, which only the first line may be',
      'line 13: longer than 16,384 characters, which no visit is',
    ]);
  });

  it('lists the first bad lines and counts the rest', () => {
    const reader = read(Array.from({ length: 50 }, () => 'nonsense').join('\n'));
    expect(reader.check.badLines).toBe(50);
    expect(reader.check.problems).toHaveLength(PROBLEMS_LISTED);
    expect(reader.check.problems[0]).toBe('line 1: not JSON: this is not a Tabula data file or a visit log');
  });

  it('refuses a model file, another format and a newer data file by their first line', () => {
    expect(read('{"format":"tabula-model","version":1}').check.problems).toEqual(['line 1: the start of a Tabula model file: import it in the Model view']);
    expect(read('{"format":"gpx"}').check.problems).toEqual(['line 1: the header of a “gpx” file, not a Tabula data file']);
    expect(read('{"format":"tabula-data","version":3}').check.problems).toEqual(['line 1: the header of a newer Tabula’s data file: update Tabula to read it']);
  });

  it('reads an export of the earlier format (one JSON object), naming its visits by number, and leaves visits then open', () => {
    const open = { ...stored(3), seq: undefined, tabId: 7 } as StoredVisit;
    const old = JSON.stringify(exported([stored(1), stored(2, { clicks: -5 }), open]), null, 1);
    const reader = read(versionOneLines(old).join('\n'), 'visit');
    expect(reader.check).toEqual({ lines: 3, visits: 1, unfinished: 1, badLines: 1, problems: ['visit 2: “clicks” must be a number from 0 to 1000000'] });
    expect(reader.visits[0].key).toBe('visit-key-1');
    expect(() => versionOneLines('{"format":"tabula-model","version":1}')).toThrow('This is a Tabula model file: import it in the Model view.');
    expect(() => versionOneLines('{"a": 1}')).toThrow('not a Tabula data file');
    expect(() => versionOneLines('{"a": ')).toThrow('not JSON lines, nor JSON');
  });
});
