// The visit: one page view, summarised. This is the record the extension stores, the replay
// command reads (one JSON object per line) and the learner turns into an example.

/** What kind of page this is, guessed from its markup (see extension/content/page-features.ts). */
export const PAGE_KINDS = ['article', 'video', 'search', 'form', 'listing', 'home', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Content keywords a visit keeps at most, and their longest. */
export const KEYWORDS_MAX = 12;
export const KEYWORD_LENGTH_MAX = 30;

/** Page features: known as soon as the page has loaded, before the user does anything. */
export interface PageFeatures {
  /** Origin and path only: never the query string or the fragment. */
  url: string;
  host: string;
  path: string;
  title: string;
  description: string;
  /** BCP 47 primary tag, lower case (`en`, `fr`), or '' when the page does not say. */
  lang: string;
  kind: PageKind;
  /** Size counts of the page (words of text, links, images, videos). */
  words: number;
  links: number;
  images: number;
  videos: number;
  /** Host of the page the user came from, '' when none or not shared by the browser. */
  referrerHost: string;
  /**
   * The words the page's main text uses most (at most 12, the most frequent first); none on a
   * search results page, and absent in visits recorded before Tabula read them.
   */
  keywords?: string[];
}

/** Interaction: what the user did on the page. Known only as the visit goes on. */
export interface Interaction {
  /** Time the tab was visible and focused and the user active (or media playing), in ms. */
  activeMs: number;
  /** Deepest point of the page seen, 0..1. */
  scrollDepth: number;
  clicks: number;
  /** Key presses counted, never what they were; not those of a shortcut (held with Ctrl, Cmd or Alt, a Mac's Option excepted). */
  keys: number;
  /** Text selections and copies. */
  selections: number;
  /** Time media on the page was playing, in ms. */
  mediaMs: number;
}

export interface Visit extends PageFeatures, Interaction {
  /** When the page was opened and when the visit was last updated (ms since the epoch). */
  startedAt: number;
  endedAt: number;
  /**
   * Where the visit came from: 'page' (the content script, the default) or 'history' (the
   * browser's history imported with permission, or a dataset of page views: no interaction known).
   */
  source?: 'page' | 'history';
  /** A correction from the user overrides the engagement label ('useful' or 'not-interested'). */
  feedback?: 'useful' | 'not-interested';
}

/** A visit with no interaction known (history import, datasets): engagement and time are unlabelled. */
export function hasInteraction(visit: Visit): boolean {
  return visit.source !== 'history';
}

const TEXT_FIELDS = ['url', 'host', 'path', 'title', 'description', 'lang', 'referrerHost'] as const;
const NUMBER_FIELDS = [
  'words', 'links', 'images', 'videos', 'activeMs', 'scrollDepth', 'clicks', 'keys', 'selections', 'mediaMs', 'startedAt', 'endedAt',
] as const;

/**
 * Whether a value read back from storage or a file has every field of a visit, of the right type:
 * a record damaged on disk or written by other code is skipped rather than stopping learning.
 */
export function isVisit(value: unknown): value is Visit {
  if (typeof value !== 'object' || value === null) return false;
  const visit = value as Record<string, unknown>;
  return TEXT_FIELDS.every((name) => typeof visit[name] === 'string')
    && NUMBER_FIELDS.every((name) => typeof visit[name] === 'number' && Number.isFinite(visit[name]))
    && PAGE_KINDS.includes(visit.kind as PageKind)
    && (visit.keywords === undefined || (Array.isArray(visit.keywords) && visit.keywords.every((word) => typeof word === 'string')))
    && (visit.source === undefined || visit.source === 'page' || visit.source === 'history')
    && (visit.feedback === undefined || visit.feedback === 'useful' || visit.feedback === 'not-interested');
}
