// The data file as the popup handles it (its format: extension/data-file.ts). Reading: gzip or
// not by the file's first bytes, UTF-8 text, a stretch of lines at a time, so that the popup stays
// responsive and the background checks each stretch as it arrives; a file larger than a data file
// may be is refused before it is read whole. An old export (one JSON object) is read whole and its
// visits sent as lines. Writing: the text, gzipped if asked (CompressionStream, in both browsers).
import { MAX_DATA_FILE_BYTES, MAX_LINE_CHARS, versionOneLines } from '../extension/data-file';

/** Lines sent to the background at a time (it takes at most 5,000). */
export const LINES_PER_PART = 2_000;
/** Characters sent at a time, at most about (a part ends at the line that passes it). */
const CHARS_PER_PART = 2 ** 20;
const MB = 2 ** 20;

/** A stretch of the file's lines, and how far through the file reading has got (0..1). */
export interface LinePart {
  firstLine: number;
  lines: string[];
  counting: 'line' | 'visit';
  fraction: number;
}

/** A file that is not read: too large, not text, not a data file. Its message says so, for the person. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** The lines of a data file, a part at a time. Throws DataFileError for a file that cannot be one. */
export async function* dataFileParts(file: Blob, name: string): AsyncGenerator<LinePart> {
  if (file.size > MAX_DATA_FILE_BYTES) {
    throw new DataFileError(`${name} is ${Math.round(file.size / MB)} MB, larger than a data file may be (${MAX_DATA_FILE_BYTES / MB} MB), so it was not read.`);
  }
  let bytesRead = 0;
  const counted = file.stream().pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, out) {
      bytesRead += chunk.byteLength;
      out.enqueue(chunk);
    },
  }));
  const gzipped = await isGzip(file);
  const bytes = gzipped ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
  const text = bytes.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>);
  const fraction = () => (file.size > 0 ? Math.min(1, bytesRead / file.size) : 1);
  const lines = new LineSplitter();
  let part: string[] = [];
  let partChars = 0;
  let sent = 0;
  for await (const chunk of chunks(text, name, gzipped)) {
    lines.push(chunk);
    if (lines.oldExport) continue; // read whole, below
    for (const line of lines.take()) {
      part.push(line);
      partChars += line.length;
      if (part.length >= LINES_PER_PART || partChars >= CHARS_PER_PART) {
        yield { firstLine: sent + 1, lines: part, counting: 'line', fraction: fraction() };
        sent += part.length;
        [part, partChars] = [[], 0];
      }
    }
  }
  const last = lines.end();
  if (lines.oldExport) {
    yield* oldExportParts(lines.whole(), name);
    return;
  }
  part.push(...last);
  if (part.length > 0 || sent === 0) yield { firstLine: sent + 1, lines: part, counting: 'line', fraction: 1 };
}

/** The text, in chunks, refused past the size a data file may have once decompressed, or when it is not text. */
async function* chunks(text: ReadableStream<string>, name: string, gzipped: boolean): AsyncGenerator<string> {
  const reader = text.getReader();
  let chars = 0;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chars += read.value.length;
      if (chars > MAX_DATA_FILE_BYTES) throw new DataFileError(`${name} holds more than ${MAX_DATA_FILE_BYTES / MB} MB of text, more than a data file may, so it was not read.`);
      yield read.value;
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    if (error instanceof DataFileError) throw error;
    // A gzipped file that does not decompress whole was cut short or damaged on the way.
    if (gzipped) throw new DataFileError(`${name} is gzipped, but does not decompress to text: it may have been cut short or damaged. Export it again.`);
    throw new DataFileError(`${name} is not a Tabula data file: it is not ${(error as Error).name === 'TypeError' ? 'text (UTF-8) nor gzipped text' : 'readable'}.`);
  }
}

function* oldExportParts(text: string, name: string): Generator<LinePart> {
  let visits: string[];
  try {
    visits = versionOneLines(text);
  } catch (error) {
    throw new DataFileError(`${name}: ${(error as Error).message}`);
  }
  if (visits.length === 0) yield { firstLine: 1, lines: [], counting: 'visit', fraction: 1 };
  for (let first = 0; first < visits.length; first += LINES_PER_PART) {
    const lines = visits.slice(first, first + LINES_PER_PART);
    yield { firstLine: first + 1, lines, counting: 'visit', fraction: (first + lines.length) / visits.length };
  }
}

async function isGzip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Cuts text into lines as it arrives. A line longer than any visit is kept only to its first
 * characters past the limit, enough for the background to say it is too long. The first line
 * decides the kind of file: `{` alone opens an old export, which is then kept whole.
 */
class LineSplitter {
  oldExport = false;
  private rest = '';
  private overlong = false;
  private decided = false;
  private ready: string[] = [];
  private wholeText: string[] = [];

  push(chunk: string): void {
    if (this.oldExport) {
      this.wholeText.push(chunk);
      return;
    }
    let start = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
      this.add(chunk.slice(start, end));
      this.finishLine();
      if (this.oldExport) {
        this.wholeText.push(chunk.slice(end));
        return;
      }
      start = end + 1;
    }
    this.add(chunk.slice(start));
  }

  take(): string[] {
    const lines = this.ready;
    this.ready = [];
    return lines;
  }

  end(): string[] {
    if (this.rest !== '' || this.overlong) this.finishLine();
    return this.take();
  }

  whole(): string {
    return this.wholeText.join('');
  }

  private add(text: string): void {
    if (this.overlong) return;
    this.rest += text;
    // The first line is kept whole: it may be an old export written on one line.
    if (this.rest.length > MAX_LINE_CHARS && this.decided) {
      this.rest = this.rest.slice(0, MAX_LINE_CHARS + 1);
      this.overlong = true;
    }
  }

  private finishLine(): void {
    const line = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    [this.rest, this.overlong] = ['', false];
    if (!this.decided && line.trim() !== '') {
      this.decided = true;
      if (line.trim() === '{' || isOldExportLine(line)) {
        this.oldExport = true;
        this.wholeText = [line];
        this.ready = [];
        return;
      }
    }
    this.ready.push(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS + 1) : line);
  }
}

/** An old export written on one line: a JSON object of format tabula-data, version 1. */
function isOldExportLine(line: string): boolean {
  if (!line.trimStart().startsWith('{"format":"tabula-data","version":1')) return false;
  try {
    return Array.isArray((JSON.parse(line) as { visits?: unknown }).visits);
  } catch {
    return false;
  }
}

/** The file to save: the text as it is, or gzipped. */
export async function dataFileBlob(text: string, gzip: boolean): Promise<Blob> {
  const plain = new Blob([text], { type: 'application/x-ndjson' });
  if (!gzip) return plain;
  const stream = plain.stream().pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' });
}
