// Reads a visit log: JSON lines (optionally gzipped), one visit per line, in time order
// (docs/visit-log.md). Missing fields take defaults; a line without any interaction field
// and without `source` is a page view with no interaction known (`source: 'history'`).
// Tabula's data file is such a log after a header line, which is passed over.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { DATA_FORMAT, DATA_VERSION } from '../extension/data-file';
import { KEYWORDS_MAX, PAGE_KINDS, type PageKind, type Visit } from '../model/visit';

const INTERACTION_FIELDS = ['activeMs', 'scrollDepth', 'clicks', 'keys', 'selections', 'mediaMs'] as const;
const COUNT_FIELDS = ['words', 'links', 'images', 'videos', ...INTERACTION_FIELDS] as const;
const TEXT_FIELDS = ['url', 'path', 'title', 'description', 'lang', 'referrerHost'] as const;

/** A visit as a log holds it (its content keywords when the log gives them). */
export type LoggedVisit = Visit;
export const MAX_KEYWORDS = KEYWORDS_MAX;

export class VisitLogError extends Error {
  override name = 'VisitLogError';
}

/** One line of a log as a visit; throws VisitLogError naming the line and the field. */
export function parseVisitLine(line: string, lineNumber: number): LoggedVisit {
  const fail = (problem: string): never => {
    throw new VisitLogError(`line ${lineNumber}: ${problem}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    fail('is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('should be a JSON object');
  const record = raw as Record<string, unknown>;
  if (typeof record.host !== 'string' || record.host === '') fail('"host" should be a non-empty string');
  const time = (name: string): number | undefined => {
    const value = record[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(`"${name}" should be a time in ms since 1970`);
    return value;
  };
  const startedAt = time('startedAt') ?? fail('"startedAt" is required');
  const visit: LoggedVisit = {
    url: '', host: record.host as string, path: '/', title: '', description: '', lang: '', kind: 'other',
    words: 0, links: 0, images: 0, videos: 0, referrerHost: '',
    activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0,
    startedAt, endedAt: time('endedAt') ?? startedAt,
  };
  for (const name of TEXT_FIELDS) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') fail(`"${name}" should be a string`);
    visit[name] = value as string;
  }
  for (const name of COUNT_FIELDS) {
    const value = record[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`"${name}" should be a number ≥ 0`);
    visit[name] = value as number;
  }
  if (record.kind !== undefined) {
    if (!PAGE_KINDS.includes(record.kind as PageKind)) fail(`"kind" should be one of ${PAGE_KINDS.join(', ')}`);
    visit.kind = record.kind as PageKind;
  }
  if (record.source !== undefined) {
    if (record.source !== 'page' && record.source !== 'history') fail('"source" should be "page" or "history"');
    visit.source = record.source as 'page' | 'history';
  } else if (INTERACTION_FIELDS.every((name) => record[name] === undefined)) {
    visit.source = 'history';
  }
  if (record.feedback !== undefined) {
    if (record.feedback !== 'useful' && record.feedback !== 'not-interested') fail('"feedback" should be "useful" or "not-interested"');
    visit.feedback = record.feedback as 'useful' | 'not-interested';
  }
  if (record.keywords !== undefined) {
    const keywords = record.keywords;
    if (!Array.isArray(keywords) || keywords.length > MAX_KEYWORDS || !keywords.every((word) => typeof word === 'string')) {
      fail(`"keywords" should be a list of at most ${MAX_KEYWORDS} strings`);
    }
    visit.keywords = [...(keywords as string[])];
  }
  return visit;
}

/** The visits of a log file, with how far through the file (0..1) reading has got. */
export async function* readVisitLog(path: string, onProgress?: (fraction: number) => void): AsyncGenerator<LoggedVisit> {
  const size = statSync(path).size;
  const file = createReadStream(path);
  let bytesRead = 0;
  file.on('data', (chunk) => {
    bytesRead += chunk.length;
    onProgress?.(size > 0 ? bytesRead / size : 1);
  });
  const text = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  let lineNumber = 0;
  let first = true;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (first && isDataFileHeader(line, lineNumber)) {
      first = false;
      continue;
    }
    first = false;
    yield parseVisitLine(line, lineNumber);
  }
}

/** Whether the first line is the header of Tabula's data file (its format, version and settings): no visit. */
function isDataFileHeader(line: string, lineNumber: number): boolean {
  let header: { format?: unknown; version?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch {
    return false; // parseVisitLine says what is wrong with it
  }
  if (header?.format !== DATA_FORMAT) return false;
  if (typeof header.version !== 'number' || header.version > DATA_VERSION) {
    throw new VisitLogError(`line ${lineNumber}: the header of a newer Tabula's data file, which this replay cannot read`);
  }
  return true;
}
