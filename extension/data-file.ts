// Tabula's data file: the visit log of docs/visit-log.md (JSON lines, one visit per line, gzip
// optional) after one header line that names the format and holds the settings. "Export stored
// data" writes it, "Import data" reads it, and so can the replay command and any other tool.
// Each line carries the visit's key, so that the same visit from two browsers is counted once.
// Reading trusts nothing: every line goes through the rules of a content script's report
// (validate.ts), and whatever is wrong is said with its line number. No browser API here.
import { murmur3 } from '../model/hash';
import type { Visit } from '../model/visit';
import type { DataExport, Settings, StoredVisit } from './contract-types';
import { InvalidRequest } from './errors';
import { validateKey, validateStoredVisit } from './validate';

export const DATA_FORMAT = 'tabula-data';
/** 1: the whole export as one JSON object (read, no longer written); 2: a header line, then visit lines. */
export const DATA_VERSION = 2;
/** The most text a data file may hold, once decompressed; a larger file is refused before it is read whole. */
export const MAX_DATA_FILE_BYTES = 64 * 2 ** 20;
/** The longest line read: a visit's longest fields, every character escaped, stay well under it. */
export const MAX_LINE_CHARS = 16_384;
/** Lines whose problem is said; past them the bad lines are counted. */
export const PROBLEMS_LISTED = 20;

/** The first line of a data file. */
export interface DataFileHeader {
  format: typeof DATA_FORMAT;
  version: typeof DATA_VERSION;
  exportedAt: number;
  /** How many visit lines follow. */
  visits: number;
  settings: Settings;
}

/** The fields of a visit line, in the order written: the same visit is the same line on every device. */
const FIELDS = [
  'key', 'url', 'host', 'path', 'title', 'description', 'lang', 'kind', 'words', 'links', 'images', 'videos',
  'keywords', 'referrerHost', 'activeMs', 'scrollDepth', 'clicks', 'keys', 'selections', 'mediaMs', 'startedAt', 'endedAt', 'source', 'feedback',
] as const;
/** Where a visit sits in one database: not written, and not read from a line. */
const LOCAL_FIELDS = new Set(['id', 'seq', 'tabId']);
const INTERACTION = ['activeMs', 'scrollDepth', 'clicks', 'keys', 'selections', 'mediaMs'] as const;

/**
 * The file of an export: its header, then each finished visit in the order it was learned (seq).
 * A visit still open (its page still open in a tab) is left for the next export.
 */
export function dataFileText(exported: DataExport): string {
  const finished = exported.visits.filter((visit) => visit.seq !== undefined || (visit as { tabId?: number }).tabId === undefined);
  finished.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || a.startedAt - b.startedAt);
  const header: DataFileHeader = {
    format: DATA_FORMAT, version: DATA_VERSION, exportedAt: exported.exportedAt, visits: finished.length, settings: exported.settings,
  };
  return [JSON.stringify(header), ...finished.map(visitLine)].join('\n') + '\n';
}

/** One visit as a line: its key and fields in a fixed order, then any field this version does not know, as stored. */
export function visitLine(visit: StoredVisit): string {
  const record = visit as unknown as Record<string, unknown>;
  const line: Record<string, unknown> = {};
  for (const name of FIELDS) if (record[name] !== undefined) line[name] = record[name];
  for (const name of Object.keys(record).sort()) {
    if (!(name in line) && !LOCAL_FIELDS.has(name) && record[name] !== undefined) line[name] = record[name];
  }
  return JSON.stringify(line);
}

/** A visit read from a data file, with the key that names it on every device. */
export interface ImportedVisit {
  key: string;
  visit: Visit;
}

/** What reading a data file found so far. */
export interface DataFileCheck {
  /** Lines (or, in a version 1 file, visits) read. */
  lines: number;
  visits: number;
  /** Visits still open when the file was made (an old export): not imported. */
  unfinished: number;
  badLines: number;
  /** The first bad lines, each as `line 12: what is wrong`. */
  problems: string[];
}

/**
 * Reads a data file's lines in order, as they arrive: the header (optional, so that a visit log
 * made by another tool can be read too), then one visit per line. Blank lines are skipped.
 */
export class DataFileReader {
  readonly visits: ImportedVisit[] = [];
  private lineCount = 0;
  private unfinished = 0;
  private badLines = 0;
  private readonly problems: string[] = [];
  private started = false;
  /** Lines after the header, good or bad; how many visit lines the header says follow; the first line past them. */
  private visitLines = 0;
  private declared: number | undefined;
  private firstExtra = 0;
  private lastLine = 0;

  /** `counting`: a data file counts lines; an old (version 1) export, converted, counts its visits. */
  constructor(private readonly now = Date.now(), private readonly counting: 'line' | 'visit' = 'line') {}

  add(lines: readonly string[]): void {
    for (const line of lines) {
      const number = ++this.lineCount;
      if (line.trim() === '') continue;
      this.lastLine = number;
      try {
        this.read(line);
      } catch (error) {
        if (!(error instanceof InvalidRequest)) throw error;
        if (this.badLines++ < PROBLEMS_LISTED) this.problems.push(`${this.counting} ${number}: ${asClause(error.message)}`);
      }
    }
  }

  get check(): DataFileCheck {
    return { lines: this.lineCount, visits: this.visits.length, unfinished: this.unfinished, badLines: this.badLines, problems: [...this.problems] };
  }

  /**
   * Once the whole file is read: why it is not whole, when its header says how many visit lines
   * follow and another number came (a file cut at the end of a line, or lines added); else undefined.
   */
  get notWhole(): string | undefined {
    if (this.declared === undefined || this.declared === this.visitLines) return undefined;
    const said = `its first line says ${this.declared.toLocaleString('en')} visit ${this.declared === 1 ? 'line follows' : 'lines follow'}`;
    return this.visitLines < this.declared
      ? `The file is not whole, so nothing was imported: line ${(this.lastLine + 1).toLocaleString('en')}: the file ends there, where ${said} `
        + `and ${this.visitLines.toLocaleString('en')} came. It may have been cut short: export it again.`
      : `The file is not as it was written, so nothing was imported: line ${this.firstExtra.toLocaleString('en')}: one visit line more than ${said}.`;
  }

  private read(line: string): void {
    const first = !this.started;
    this.started = true;
    if (line.length > MAX_LINE_CHARS) throw new InvalidRequest(`longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters, which no visit is`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InvalidRequest(first ? 'not JSON: this is not a Tabula data file or a visit log' : 'not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequest('not a JSON object');
    const record = value as Record<string, unknown>;
    if ('format' in record) {
      if (!first) throw new InvalidRequest('a header, which only the first line may be');
      this.declared = checkHeader(record);
      return;
    }
    if (++this.visitLines === (this.declared ?? -1) + 1) this.firstExtra = this.lineCount;
    if (typeof record.tabId === 'number' && record.seq === undefined) {
      this.unfinished++; // an old export's visit still open then: its finished record is in a later file
      return;
    }
    this.visits.push(importedVisit(record, this.now));
  }
}

/** A message as the clause after `line 12:` — `“clicks” must be a number from 0 to 1000000`. */
function asClause(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');
}

/** Checks a header, and gives the number of visit lines it says follow (none said: undefined). */
function checkHeader(header: Record<string, unknown>): number | undefined {
  if (header.format === 'tabula-model') throw new InvalidRequest('the start of a Tabula model file: import it in the Model view');
  if (header.format !== DATA_FORMAT) throw new InvalidRequest(`the header of a “${String(header.format).slice(0, 40)}” file, not a Tabula data file`);
  if (typeof header.version !== 'number' || header.version > DATA_VERSION) throw new InvalidRequest('the header of a newer Tabula’s data file: update Tabula to read it');
  if (header.version !== DATA_VERSION) throw new InvalidRequest(`the header of version ${String(header.version).slice(0, 20)}, which is not written line by line`);
  if (header.visits === undefined) return undefined;
  if (!Number.isSafeInteger(header.visits) || (header.visits as number) < 0) throw new InvalidRequest('a header whose “visits” is not a whole number of visit lines');
  return header.visits as number;
}

/**
 * A line as a visit: missing fields take the defaults of docs/visit-log.md, then the whole visit
 * is checked as a content script's report is; host and path come from the url.
 */
function importedVisit(record: Record<string, unknown>, now: number): ImportedVisit {
  if (record.url === undefined) throw new InvalidRequest('no “url”: Tabula keeps a visit by its page’s address');
  const startedAt = record.startedAt;
  const filled = {
    title: '', description: '', lang: '', kind: 'other', words: 0, links: 0, images: 0, videos: 0, referrerHost: '',
    activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0, endedAt: startedAt,
    source: INTERACTION.every((name) => record[name] === undefined) ? 'history' : 'page',
    ...withoutUndefined(record),
  };
  const visit = validateStoredVisit(filled, now);
  const key = record.key === undefined ? derivedKey(visit) : validateKey(record.key);
  return { key, visit };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name, value]) => value !== undefined && !LOCAL_FIELDS.has(name)));
}

/**
 * A line without a key (a visit log of another tool) is named by its address and start: the same
 * line, the same key. The start is written in whole milliseconds (a key holds no '.'); the hash
 * tells apart starts within one.
 */
function derivedKey(visit: Visit): string {
  return `log-${Math.floor(visit.startedAt).toString(36)}-${murmur3(`${visit.url} ${visit.startedAt}`, 0).toString(36)}`;
}

/**
 * The visits of a version 1 export (one JSON object, `visits` an array of stored visits) as
 * lines, so that they are read like those of a data file; each is then counted as a visit.
 */
export function versionOneLines(text: string): string[] {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    throw new InvalidRequest('The file is not JSON lines, nor JSON: it is not a Tabula data file.');
  }
  const record = (typeof file === 'object' && file !== null ? file : {}) as Record<string, unknown>;
  if (record.format === 'tabula-model') throw new InvalidRequest('This is a Tabula model file: import it in the Model view.');
  if (record.format !== DATA_FORMAT || record.version !== 1 || !Array.isArray(record.visits)) {
    throw new InvalidRequest('The file is JSON, but not a Tabula data file.');
  }
  return record.visits.map((visit) => JSON.stringify(visit));
}
