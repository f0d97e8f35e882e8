// Hostile data files, property-style: fast-check draws changes to the lines of a real data file
// (extension/data-file.ts) with a fixed seed, so that every run tries the same files. Fields get
// hostile values or go, lines are cut, repeated, swapped, made too long or replaced by junk, the
// header is changed, and some changes leave a valid file (a new key, an ordinary title), so that
// imports are tried as well as refusals.
import fc from 'fast-check';
import { MAX_LINE_CHARS } from '../../extension/data-file';

export interface DataFileCase {
  id: number;
  /** The family of the first change, for the log. */
  kind: string;
  lines: string[];
}

const FIELDS = ['key', 'url', 'title', 'description', 'lang', 'kind', 'words', 'clicks', 'activeMs', 'scrollDepth', 'startedAt', 'endedAt',
  'source', 'feedback', 'referrerHost', 'seq', 'tabId', '__proto__', 'constructor'];
const HOSTILE_VALUES: unknown[] = [null, -1, 1e300, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, '', ' ', 'javascript:alert(1)', 'chrome://settings/',
  'file:///etc/passwd', 'https://user:pass@example.com/', 'x'.repeat(5_000), '\u0000\u001f', '\ud800', [], {}, [1], true, '__proto__', 'NaN'];
const HEADER_CHANGES: Record<string, unknown>[] = [
  { format: 'tabula-model' }, { format: 'keras' }, { version: 3 }, { version: 1 }, { version: '2' }, { version: null }, { visits: -5 },
  { visits: 'many' }, { settings: null }, { settings: { retentionDays: 'forever' } }, { exportedAt: 'yesterday' },
];
const JUNK_LINES = ['', '   ', 'null', '[]', '{}', '"text"', '42', '{"url":', 'not json at all', '{"format":"tabula-data","version":2}',
  '\u0000\u0001\u0002', '{"__proto__":{"polluted":1},"url":"https://example.com/"}', 'x'.repeat(MAX_LINE_CHARS + 1)];

type Change =
  | { kind: 'field'; line: number; field: string; value: unknown }
  | { kind: 'drop'; line: number; field: string }
  | { kind: 'cut'; line: number; at: number }
  | { kind: 'junk'; line: number; text: string; replace: boolean }
  | { kind: 'repeat'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'long'; line: number; extra: number }
  | { kind: 'header'; change: Record<string, unknown> }
  | { kind: 'empty'; keepHeader: boolean }
  | { kind: 'new-key'; line: number; key: string }
  | { kind: 'title'; line: number; title: string };

const change: fc.Arbitrary<Change> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('field' as const), line: fc.nat(), field: fc.constantFrom(...FIELDS),
    value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string(), fc.double(), fc.integer(), fc.webUrl(), fc.jsonValue({ maxDepth: 2 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), line: fc.nat(), field: fc.constantFrom(...FIELDS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cut' as const), line: fc.nat(), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('junk' as const), line: fc.nat(), replace: fc.boolean(),
    text: fc.oneof(fc.constantFrom(...JUNK_LINES), fc.string(), fc.json()) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), line: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), line: fc.nat(), extra: fc.constantFrom(1, 100, 50_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('header' as const), change: fc.constantFrom(...HEADER_CHANGES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('empty' as const), keepHeader: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('new-key' as const), line: fc.nat(), key: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('title' as const), line: fc.nat(), title: fc.lorem({ maxCount: 6 }) }) },
);

/** `count` files made from `lines` (a data file: its header, then a visit a line), the same for the same seed. */
export function dataFileCases(lines: string[], count: number, seed: number): DataFileCase[] {
  const files = fc.array(change, { minLength: 1, maxLength: 4 }).map((changes) => ({ kind: changes[0].kind, lines: applied(lines, changes) }));
  return fc.sample(files, { numRuns: count, seed }).map((file, id) => ({ id, ...file }));
}

function applied(base: string[], changes: Change[]): string[] {
  const lines = [...base];
  const visitLine = (n: number) => 1 + (n % Math.max(1, lines.length - 1)); // line 0 is the header
  const edit = (at: number, update: (record: Record<string, unknown>) => void) => {
    let record: unknown;
    try {
      record = JSON.parse(lines[at] ?? '');
    } catch {
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return;
    update(record as Record<string, unknown>);
    lines[at] = JSON.stringify(record);
  };
  for (const c of changes) {
    if (c.kind === 'empty') {
      lines.splice(c.keepHeader ? 1 : 0);
      continue;
    }
    if (c.kind === 'header') {
      edit(0, (header) => Object.assign(header, c.change));
      continue;
    }
    if (lines.length < 2) continue;
    const at = visitLine(c.line);
    if (c.kind === 'field') edit(at, (record) => { record[c.field] = c.value; });
    else if (c.kind === 'drop') edit(at, (record) => { delete record[c.field]; });
    else if (c.kind === 'cut') lines[at] = lines[at].slice(0, c.at % (lines[at].length + 1));
    else if (c.kind === 'junk') lines.splice(at, c.replace ? 1 : 0, c.text);
    else if (c.kind === 'repeat') lines.splice(at, 0, lines[at]);
    else if (c.kind === 'swap') [lines[at], lines[visitLine(c.other)]] = [lines[visitLine(c.other)], lines[at]];
    else if (c.kind === 'long') edit(at, (record) => { record.title = 'x'.repeat(MAX_LINE_CHARS + c.extra); });
    else if (c.kind === 'new-key') edit(at, (record) => { record.key = c.key; });
    else edit(at, (record) => { record.title = c.title; });
  }
  return lines;
}
