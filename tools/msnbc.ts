// Reads the UCI "MSNBC.com Anonymous Web Data" file (msnbc990928.seq, optionally gzipped) as
// visits: each category is a site (its name is the host), each line one user's session. The
// data has no times: visits of a session are a minute apart and sessions an hour apart, so
// that the learner's session break falls between sessions. No interaction is known
// (`source: 'history'`): only the next-site head learns from it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Visit } from '../model/visit';

const HEADER_LINES = 7;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const DIGIT_0 = 48;
const NAMES_LINE = 2;
/** 28 September 1999, the day of the data, at midnight UTC. */
export const MSNBC_START = Date.UTC(1999, 8, 28);
export const VISIT_STEP_MS = 60_000;
export const SESSION_STEP_MS = 3_600_000;

export interface MsnbcData {
  categories: string[];
  /** Category numbers (1-based) of every page view, session after session. */
  views: Uint8Array;
  /** Where each session starts in `views` (one more entry: the end of the last). */
  sessionStarts: Uint32Array;
}

export function readMsnbcFile(path: string): MsnbcData {
  const raw = readFileSync(path);
  return parseMsnbc(path.endsWith('.gz') ? gunzipSync(raw) : raw);
}

/** Parses the file's bytes (or text) directly: splitting 12 MB into strings would take longer than learning from it. */
export function parseMsnbc(content: Uint8Array | string): MsnbcData {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  const headerLines: string[] = [];
  let at = 0;
  while (headerLines.length < HEADER_LINES && at < bytes.length) {
    let end = bytes.indexOf(NEWLINE, at);
    if (end < 0) end = bytes.length;
    headerLines.push(Buffer.from(bytes.subarray(at, end)).toString('latin1').trim());
    at = end + 1;
  }
  if (headerLines.length < HEADER_LINES || !headerLines[0].startsWith('%')) {
    throw new Error('not an msnbc .seq file: it should start with a 7-line header');
  }
  const categories = headerLines[NAMES_LINE].split(/\s+/);
  const views = new Uint8Array(bytes.length - at);
  const sessionStarts: number[] = [];
  let count = 0;
  let line = HEADER_LINES + 1;
  let number = -1;
  let inSession = false;
  for (; at <= bytes.length; at++) {
    const byte = at < bytes.length ? bytes[at] : NEWLINE;
    if (byte >= DIGIT_0 && byte <= DIGIT_0 + 9) {
      number = (number < 0 ? 0 : number * 10) + byte - DIGIT_0;
      continue;
    }
    if (number >= 0) {
      if (number < 1 || number > categories.length) {
        throw new Error(`line ${line}: "${number}" is not a category number from 1 to ${categories.length}`);
      }
      if (!inSession) sessionStarts.push(count);
      inSession = true;
      views[count++] = number;
      number = -1;
    }
    if (byte === NEWLINE) {
      inSession = false;
      line++;
    } else if (byte !== SPACE && byte !== CARRIAGE_RETURN) {
      throw new Error(`line ${line}: unexpected character "${String.fromCharCode(byte)}"`);
    }
  }
  sessionStarts.push(count);
  return { categories, views: views.slice(0, count), sessionStarts: Uint32Array.from(sessionStarts) };
}

/** Number of page views, and of transitions (page views after the first of their session). */
export function msnbcCounts(data: MsnbcData): { sessions: number; visits: number; transitions: number } {
  const sessions = data.sessionStarts.length - 1;
  return { sessions, visits: data.views.length, transitions: data.views.length - sessions };
}

/** The sessions as visits in time order. */
export function* msnbcVisits(data: MsnbcData): Generator<Visit> {
  let at = MSNBC_START;
  for (let s = 0; s + 1 < data.sessionStarts.length; s++) {
    for (let i = data.sessionStarts[s]; i < data.sessionStarts[s + 1]; i++) {
      yield pageView(data.categories[data.views[i] - 1], at);
      at += VISIT_STEP_MS;
    }
    at += SESSION_STEP_MS;
  }
}

function pageView(host: string, at: number): Visit {
  return {
    url: `http://${host}/`, host, path: '/', title: '', description: '', lang: '', kind: 'other',
    words: 0, links: 0, images: 0, videos: 0, referrerHost: '',
    activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0,
    startedAt: at, endedAt: at, source: 'history',
  };
}
