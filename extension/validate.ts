// Checks a content script's visit report field by field before anything is stored. A page can
// run its own scripts beside ours, so nothing in a report is trusted: wrong types, sizes or
// values are refused with a clear message, and the url is stripped of query and fragment again.
// What passes keeps only the title, description and keywords the page text rules allow (page-text-rules.ts).
// A visit read from a data file (data-file.ts) goes through the same rules, with its source and
// the user's correction, which a page never sends.
import { KEYWORD_LENGTH_MAX, KEYWORDS_MAX, PAGE_KINDS, type PageKind, type Visit } from '../model/visit';
import type { VisitUpdate } from './contract-types';
import { InvalidRequest } from './errors';
import { TEXT_MAX } from './keywords';
import { redactPage } from './page-text-rules';

const LIMITS = { url: 2048, host: 253, title: 300, description: 500, lang: 16, key: 64 } as const;
const DAY_MS = 86_400_000;

export function validateVisitUpdate(input: unknown, now = Date.now()): VisitUpdate {
  const update = record(input, 'report');
  const key = validateKey(update.key);
  if (typeof update.final !== 'boolean') throw new InvalidRequest('“final” must be true or false.');
  if (update.askText !== undefined && update.askText !== true) throw new InvalidRequest('“askText” must be true or absent.');
  const valid: VisitUpdate = { key, final: update.final, visit: validateVisit(update.visit, now) };
  if (update.askText) valid.askText = true;
  return valid;
}

/** A visit's key: made by the content script (or the history import), the same on every device that holds the visit. */
export function validateKey(input: unknown): string {
  const key = text(input, 'key', LIMITS.key);
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(key)) throw new InvalidRequest('The visit key is malformed.');
  return key;
}

/** A page's report of its visit: always of source `page`. */
export function validateVisit(input: unknown, now = Date.now()): Visit {
  return { ...checkedVisit(input, now), source: 'page' };
}

/** A visit as another Tabula stored it (a data file): the rules of a report, with its source and correction. */
export function validateStoredVisit(input: unknown, now = Date.now()): Visit {
  const { source, feedback } = record(input, 'visit');
  if (source !== 'page' && source !== 'history') throw new InvalidRequest('“source” must be page or history.');
  if (feedback !== undefined && feedback !== 'useful' && feedback !== 'not-interested') {
    throw new InvalidRequest('“feedback” must be useful or not-interested.');
  }
  const visit: Visit = { ...checkedVisit(input, now), source };
  if (feedback !== undefined) visit.feedback = feedback;
  return visit;
}

function checkedVisit(input: unknown, now: number): Visit {
  const v = record(input, 'visit');
  const page = pageUrl(text(v.url, 'url', LIMITS.url));
  const startedAt = count(v.startedAt, 'startedAt', now + DAY_MS);
  const endedAt = count(v.endedAt, 'endedAt', now + DAY_MS);
  if (endedAt < startedAt) throw new InvalidRequest('A visit cannot end before it starts.');
  const kind = v.kind as PageKind;
  if (!PAGE_KINDS.includes(kind)) throw new InvalidRequest('Unknown page kind.');
  const visit: Visit = {
    url: page.url,
    host: page.host,
    path: page.path,
    title: text(v.title, 'title', LIMITS.title),
    description: text(v.description, 'description', LIMITS.description),
    lang: text(v.lang, 'lang', LIMITS.lang).toLowerCase(),
    kind,
    words: count(v.words, 'words', 1e8),
    links: count(v.links, 'links', 1e7),
    images: count(v.images, 'images', 1e7),
    videos: count(v.videos, 'videos', 1e6),
    referrerHost: text(v.referrerHost, 'referrerHost', LIMITS.host).toLowerCase(),
    activeMs: count(v.activeMs, 'activeMs', endedAt - startedAt + 1000),
    scrollDepth: fraction(v.scrollDepth, 'scrollDepth'),
    clicks: count(v.clicks, 'clicks', 1e6),
    keys: count(v.keys, 'keys', 1e7),
    selections: count(v.selections, 'selections', 1e6),
    mediaMs: count(v.mediaMs, 'mediaMs', endedAt - startedAt + 1000),
    startedAt,
    endedAt,
  };
  if (v.keywords !== undefined) visit.keywords = keywordList(v.keywords);
  return redactPage(visit);
}

/** A page's main text, handed over to have its keywords counted: its address, the text and its language. */
export function validatePageText(input: unknown): { url: string; host: string; path: string; text: string; lang: string } {
  const request = record(input, 'request');
  return {
    ...pageUrl(text(request.url, 'url', LIMITS.url)),
    text: text(request.text, 'text', TEXT_MAX),
    lang: primaryTag(request.lang),
  };
}

/** A primary language tag (`en`, `zh`) or none: what the content script sends. */
function primaryTag(value: unknown): string {
  const lang = text(value, 'lang', LIMITS.lang);
  if (!/^([a-z]{2,3})?$/.test(lang)) throw new InvalidRequest('“lang” must be a primary language tag such as “en”, or empty.');
  return lang;
}

/** An http(s) page address reduced to origin and path: the query and fragment never get in. */
export function pageUrl(raw: string): { url: string; host: string; path: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new InvalidRequest('The page address is not a URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidRequest('Only web pages are recorded.');
  return { url: parsed.origin + parsed.pathname, host: parsed.hostname, path: parsed.pathname };
}

function keywordList(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > KEYWORDS_MAX
    || !value.every((word) => typeof word === 'string' && word !== '' && word.length <= KEYWORD_LENGTH_MAX)) {
    throw new InvalidRequest(`“keywords” must be a list of at most ${KEYWORDS_MAX} words of 1 to ${KEYWORD_LENGTH_MAX} characters.`);
  }
  return value as string[];
}

function record(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRequest(`The ${name} must be an object.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidRequest(`“${name}” must be text.`);
  if (value.length > max) throw new InvalidRequest(`“${name}” is longer than ${max} characters.`);
  return value;
}

function count(value: unknown, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new InvalidRequest(`“${name}” must be a number from 0 to ${Math.round(max)}.`);
  }
  return value;
}

function fraction(value: unknown, name: string): number {
  return count(value, name, 1);
}
