// Page features → namespaced tokens (`host=github.com`, `title=typescript`, `keyword=tide`, `hour=22`).
// Inputs are what is known when a page opens plus where the user came from and when: never
// the interaction (active time, scroll, clicks...), which is what the model learns to predict.
import { KEYWORDS_MAX, type PageFeatures, type Visit } from './visit';
import { pathPrefixes, textWords } from './text-words';

/** Crossed tokens (see crossTokens): the page's kind, site and length, each with the time of the week. */
const CROSS_NAMESPACES = ['kind@when', 'host@when', 'words@when'] as const;

export const NAMESPACES = [
  'host', 'path1', 'path2', 'title', 'desc', 'lang', 'kind', 'words', 'links', 'images', 'videos',
  'ref', 'prev1', 'prev2', 'pair', 'triple', 'quad', 'hour', 'daypart', 'day', 'weekend', 'keyword',
  ...CROSS_NAMESPACES,
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The namespaces of a text field's words, which the net's input pools (encoded-input.ts). */
export const POOLED_NAMESPACES = ['title', 'desc', 'keyword'] as const satisfies readonly Namespace[];

/** A token `namespace=value`; `pair` values are `host<previous host`, `triple` ones `host<previous<one before`, `quad` ones one more. */
export interface Token {
  ns: Namespace;
  value: string;
}

/** Where the user was just before, in this session ('' when nothing before): the last site, the one before, and the one before that. */
export interface VisitContext {
  prev1: string;
  prev2: string;
  prev3: string;
}

export const NO_CONTEXT: VisitContext = { prev1: '', prev2: '', prev3: '' };
export const TITLE_WORDS = 8;
export const DESCRIPTION_WORDS = 8;

/** A page and when it was opened; `source` as in Visit (a history page has no content features). */
export type TimedPage = PageFeatures & { startedAt: number; source?: Visit['source'] };

export function visitTokens(page: TimedPage, context: VisitContext): Token[] {
  const tokens: Token[] = [{ ns: 'host', value: page.host }];
  const paths = pathPrefixes(page.path);
  if (paths.length > 0) tokens.push({ ns: 'path1', value: paths[0] });
  if (paths.length > 1) tokens.push({ ns: 'path2', value: paths[1] });
  for (const word of textWords(page.title, TITLE_WORDS)) tokens.push({ ns: 'title', value: word });
  for (const word of textWords(page.description, DESCRIPTION_WORDS)) tokens.push({ ns: 'desc', value: word });
  if (page.lang !== '') tokens.push({ ns: 'lang', value: page.lang });
  for (const word of contentKeywords(page)) tokens.push({ ns: 'keyword', value: word });
  // A page from the browser's history or a dataset was never seen: its kind and sizes are unknown, not zero.
  if (page.source !== 'history') {
    tokens.push(
      { ns: 'kind', value: page.kind },
      { ns: 'words', value: sizeBucket(page.words) },
      { ns: 'links', value: sizeBucket(page.links) },
      { ns: 'images', value: sizeBucket(page.images) },
      { ns: 'videos', value: sizeBucket(page.videos) },
    );
  }
  if (page.referrerHost !== '') tokens.push({ ns: 'ref', value: page.referrerHost });
  // An empty prev1 is a token too: "first page of a session" says something.
  tokens.push({ ns: 'prev1', value: context.prev1 });
  if (context.prev2 !== '') tokens.push({ ns: 'prev2', value: context.prev2 });
  if (context.prev1 !== '') tokens.push({ ns: 'pair', value: `${page.host}<${context.prev1}` });
  if (context.prev2 !== '') tokens.push({ ns: 'triple', value: `${page.host}<${context.prev1}<${context.prev2}` });
  if (context.prev3 !== '') tokens.push({ ns: 'quad', value: `${page.host}<${context.prev1}<${context.prev2}<${context.prev3}` });
  const time = clock(page.startedAt);
  tokens.push(
    { ns: 'hour', value: HOURS[time.hour] },
    { ns: 'daypart', value: DAYPARTS[time.hour] },
    { ns: 'day', value: DAYS[time.day] },
    { ns: 'weekend', value: time.day === 0 || time.day === 6 ? '1' : '0' },
  );
  if (page.source !== 'history') tokens.push(...crossTokens(page, time));
  return tokens;
}

/**
 * Tokens for the meeting of two things, which a weighted sum of the two alone cannot express: a
 * habit depends on when (the same video is watched in the evening and skipped at work, a long
 * article is read on a Sunday and put off on a Tuesday). "When" is the part of the day on a
 * weekday or at the weekend (`weekday evening`), crossed with the page's kind, its site and its
 * length. Pages from history have none: their kind and length are unknown, and the site's cross
 * alone cost the next-site head a little on the MSNBC sessions (docs/model-format.md).
 */
export function crossTokens(page: TimedPage, time: { hour: number; day: number }): Token[] {
  const when = WHEN[time.day === 0 || time.day === 6 ? 1 : 0][time.hour];
  return [
    { ns: 'kind@when', value: `${page.kind}|${when}` },
    { ns: 'host@when', value: `${page.host}|${when}` },
    { ns: 'words@when', value: `${sizeBucket(page.words)}|${when}` },
  ];
}

/** The page's content keywords, each once and at most KEYWORDS_MAX (a visit log is read as it is written). */
function contentKeywords(page: PageFeatures): string[] {
  return page.keywords ? [...new Set(page.keywords)].slice(0, KEYWORDS_MAX) : [];
}

/** Log-scale size bucket: the bit length of the count (0, 1, 2–3, 4–7, ...), capped at 2^20. */
export function sizeBucket(count: number): string {
  const n = Math.min(Math.max(Math.floor(count), 0), 1 << 20);
  return BIT_LENGTHS[n === 0 ? 0 : 32 - Math.clz32(n)];
}

const BIT_LENGTHS = Array.from({ length: 22 }, (_, bits) => String(bits));
const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour));
const DAYS = Array.from({ length: 7 }, (_, day) => String(day));
const DAYPARTS = Array.from({ length: 24 }, (_, hour) =>
  hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening',
);

const WHEN = ['weekday', 'weekend'].map((week) => DAYPARTS.map((daypart) => `${week} ${daypart}`));

/** The local hour of a time, as the `hour` token gives it. */
export function hourOf(at: number): number {
  return clock(at).hour;
}

/** Local hour and weekday of a time; the last answer is kept, as visits come in time order. */
let lastHourStart = NaN;
let lastTime = { hour: 0, day: 0 };

function clock(at: number): { hour: number; day: number } {
  if (!Number.isFinite(at)) return { hour: 0, day: 0 };
  if (at >= lastHourStart && at < lastHourStart + 3_600_000) return lastTime;
  const date = new Date(at);
  lastTime = { hour: date.getHours(), day: date.getDay() };
  // Start of this local hour (time zones move by whole or half hours: minutes are local too).
  lastHourStart = at - (date.getMinutes() * 60_000 + date.getSeconds() * 1000 + date.getMilliseconds());
  return lastTime;
}
