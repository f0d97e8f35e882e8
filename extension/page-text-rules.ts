// What of a page's title, description and content keywords may be kept. A results page's title
// is what was searched for ("hiv test - Google Search"), and other titles carry who someone is or
// numbers of theirs ("Inbox (3) – jane@example.com", "Order 123456789"). So a search results page
// keeps neither title, description nor keywords, nor the part of its path that may be what was
// searched for, every other page's lose e-mail addresses and long numbers, and no path keeps an
// e-mail address (`/mail/jane@example.com/inbox`). The background applies this to every visit
// it stores, reported or imported; the query string a title may repeat is seen only where a
// page's address is whole (the content script, the history import, a tab's address when its page
// is looked up), and is kept nowhere.
import type { PageFeatures, PageKind } from '../model/visit';

/**
 * Search engines, named as `siteName` names them: `www.google.de`, `google.co.uk` and
 * `uk.search.yahoo.com` are all search hosts, `docs.google.com` and `mail.yandex.ru` are not.
 */
const SEARCH_SITES = new Set([
  'google', 'bing', 'duckduckgo', 'search.yahoo', 'yandex', 'baidu', 'ecosia', 'startpage',
  'search.brave', 'qwant', 'kagi', 'mojeek', 'search.aol', 'search.naver', 'search.seznam',
]);

/** A path segment that names a results page on any site: `/search`, `/search/cats`, `/results`. */
export const RESULT_SEGMENTS = new Set(['search', 'results', 'result', 'find']);

/** Big sites whose results pages have a path of their own (YouTube's `/results` is covered above). */
const SITE_RESULT_PATHS = new Map([
  ['amazon', /^\/s(\/|$)/],
  ['ebay', /^\/sch\//],
]);

/** Query values compared with the title: a made-up address may carry thousands. */
const QUERY_VALUES_MAX = 20;
/** Characters of a query value looked at; a title is at most 300. */
const QUERY_VALUE_MAX = 1000;
/** Shorter values (`en`, `2`) are too common to say that the title repeats what was typed. */
const ECHO_MIN = 3;
/**
 * What separates words: white space, and the punctuation and symbols of the scripts pages are
 * written in (ASCII and Latin-1, Greek, Armenian, Hebrew, Arabic, Devanagari, Myanmar, Ethiopic,
 * Khmer, the general punctuation, currency, letterlike, arrow, technical and shape blocks, CJK and fullwidth
 * punctuation, the katakana middle dot), emoji (surrogates) and the variation selectors that
 * follow them. Everything else, the letters, digits and combining marks of every script, is part
 * of a word, as `[\p{L}\p{N}\p{M}]` would say; ranges of characters rather than Unicode
 * properties because a property class costs a page about a millisecond to compile, at every
 * visit where a title is compared. Characters beyond the Basic Multilingual Plane (emoji, rare
 * CJK) separate words.
 */
export const WORD_SEPARATORS = /[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xa9\xab-\xb1\xb4\xb6-\xb8\xbb\xbf\xd7\xf7\u0375\u037e\u0384\u0385\u0387\u03f6\u0482\u055a-\u055f\u0589\u058a\u058d-\u058f\u05be\u05c0\u05c3\u05c6\u05f3\u05f4\u0600-\u060f\u061b-\u061f\u066a-\u066d\u06d4\u06dd\u06de\u06e9\u06fd\u06fe\u0964\u0965\u104a-\u104f\u1360-\u1368\u17d4-\u17d6\u17d8-\u17da\u2000-\u206f\u207a-\u207e\u208a-\u208e\u20a0-\u20cf\u2100\u2101\u2103-\u2106\u2108\u2109\u2114\u2116-\u2118\u211e-\u2123\u2125\u2127\u2129\u212e\u213a\u213b\u2140-\u2144\u214a-\u214d\u214f\u218a\u218b\u2190-\u23ff\u2400-\u2429\u2440-\u244a\u249c-\u24e9\u2500-\u2775\u2794-\u2bff\u2e00-\u2e2e\u2e30-\u2e7f\u3000-\u3004\u3008-\u3020\u3030\u3036\u3037\u303d-\u303f\u309b\u309c\u30a0\u30fb\ud800-\udfff\ufe00-\ufe19\ufe30-\ufe6b\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee]+/;

/** Anything shaped like an e-mail address, also one cut short (`jane@…`). */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]*/gu;
/** Digits, possibly in groups joined by one space, dash or dot (`555-123-4567`, `4111 1111 1111 1111`). */
const NUMBER = /\+?\d(?:[ .-]?\d)*/g;
const GROUP_SEPARATOR = /[ .-]/;

export interface PageToJudge {
  host: string;
  path: string;
  kind: PageKind;
  title: string;
  /** The page address's query, when known (the content script, the history import, a tab's address). */
  query?: URLSearchParams | null;
}

/** The page lists results for what someone typed: its title and description are theirs. */
export function isSearchPage(page: PageToJudge): boolean {
  const site = siteName(page.host);
  return page.kind === 'search'
    || SEARCH_SITES.has(site)
    || isResultPath(site, page.path)
    || (page.query != null && titleEchoesQuery(page.title, page.query));
}

/** `www.google.co.uk` → `google`, `uk.search.yahoo.com` → `search.yahoo`, `m.youtube.com` → `youtube`. */
export function siteName(host: string): string {
  return host.toLowerCase().replace(/^(www|m|[a-z]{2})\./, '').replace(/\.((co|com|net|org)\.)?[a-z]{2,6}$/, '');
}

/**
 * A page's address as it is kept. A results page's loses what may have been typed into its path:
 * the path is only the segment that names it a results page (`/search/hiv-test` → `/search`,
 * `/hiv-test/search` → `/search`, Amazon's `/s/…` → `/s`), or `/` where no segment does
 * (`/hiv-test-kit/s`, known by its title repeating the query, which makes it kind `search`).
 * Any other page's loses the e-mail addresses in its path, as its title does: a path segment
 * holding one, written out or escaped, is kept as `@` (`/mail/jane@example.com/inbox` →
 * `/mail/@/inbox`), so that a mailbox or a profile is still the same page whoever's it is.
 * Every other address is kept as it is. Judged as `redactPage` judges; the query, where known,
 * is better told by the page's kind.
 */
export function keptAddress<T extends Pick<PageFeatures, 'url' | 'host' | 'path' | 'kind' | 'title'>>(page: T, query?: URLSearchParams | null): T {
  const path = isSearchPage({ ...page, query }) ? resultsPath(page.host, page.path) : withoutEmails(page.path);
  if (path === page.path) return page;
  // An address is its origin and its path (validate.ts); a record that says otherwise keeps its host.
  const origin = page.url.endsWith(page.path) ? page.url.slice(0, page.url.length - page.path.length) : `https://${page.host}`;
  return { ...page, path, url: origin + path };
}

function resultsPath(host: string, path: string): string {
  const named = namingSegment(siteName(host), path);
  return named > 0 ? `/${path.split('/')[named]}` : '/';
}

/**
 * An address: a character of one right before an @, and after it a domain or nothing
 * (`jane@example.com`, `jane@`). Not a handle (`/@jane`), nor a package's version (`react@18.2.0`,
 * `oak@v12`), whose part after the @ ends in no top-level domain, nor an image's scale
 * (`logo@2x.png`, `icon@1.5X-dark.webp`: a scale, then the image's name ending the segment).
 */
const HOLDS_EMAIL = /[\p{L}\p{N}._%+-]@(?:$|(?!\d+(?:\.\d+)?x(?:[-_.][\p{L}\p{N}-]*)*\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp)$)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}]))/iu;
/** An @ escaped once or more (`%40`, `%2540`). */
const ESCAPED_AT = /%(?:25)*40/i;

/** Whether a text holds an e-mail address, as a path segment would (a model file's feature names are checked so). */
export function holdsEmailAddress(text: string): boolean {
  return HOLDS_EMAIL.test(decoded(text));
}

function withoutEmails(path: string): string {
  if (!path.includes('@') && !ESCAPED_AT.test(path)) return path;
  return path.split('/').map((segment) => (holdsEmailAddress(segment) ? '@' : segment)).join('/');
}

/** The segment unescaped, as often as it was escaped (3 times at most; an @ escaped more, or beside a malformed escape, is read as one). */
function decoded(segment: string): string {
  let text = segment;
  for (let round = 0; round < 3 && text.includes('%'); round++) {
    try {
      const once = decodeURIComponent(text);
      if (once === text) break;
      text = once;
    } catch {
      break;
    }
  }
  return text.replace(/%(?:25)*40/gi, '@');
}

function isResultPath(site: string, path: string): boolean {
  return namingSegment(site, path) > 0;
}

/** Which segment of a path (split at `/`) names it a results page: Amazon's `/s`, eBay's `/sch/`, a `search`-like one; -1 for none. */
function namingSegment(site: string, path: string): number {
  const lower = path.toLowerCase();
  if (SITE_RESULT_PATHS.get(site)?.test(lower)) return 1;
  return lower.split('/').findIndex((segment) => RESULT_SEGMENTS.has(segment));
}

/**
 * The values of a query string (`?k=hiv+test&ref=x` → `hiv test`, `x`), read as text: a content
 * script in Firefox cannot iterate the page's URLSearchParams (it throws across the sandbox).
 */
export function queryValues(query: string): string[] {
  const values: string[] = [];
  for (const pair of query.replace(/^\?/, '').split('&', QUERY_VALUES_MAX)) {
    const value = pair.slice(pair.indexOf('=') + 1 || pair.length).replace(/\+/g, ' ');
    try {
      values.push(decodeURIComponent(value));
    } catch {
      values.push(value); // a malformed escape: the text as it is
    }
  }
  return values;
}

/** Some query value (`q=hiv+test`), as words, appears in the title as words ("Amazon.com : HIV test"). */
export function titleEchoesQuery(title: string, query: URLSearchParams | Iterable<string>): boolean {
  const titleWords = ` ${wordsOf(title)} `;
  let looked = 0;
  for (const value of query instanceof URLSearchParams ? query.values() : query) {
    if (++looked > QUERY_VALUES_MAX) break;
    const words = wordsOf(value.slice(0, QUERY_VALUE_MAX));
    if (words.length >= ECHO_MIN && titleWords.includes(` ${words} `)) return true;
  }
  return false;
}

/** `part`, as words, appears in `text` as words ("Rivers rise | Daily" holds "rivers rise"). */
export function holdsWords(text: string, part: string): boolean {
  const words = wordsOf(part);
  return words !== '' && ` ${wordsOf(text)} `.includes(` ${words} `);
}

function wordsOf(text: string): string {
  return text.toLowerCase().split(WORD_SEPARATORS).join(' ').trim();
}

/** The text without e-mail addresses and long numbers, its white space collapsed. */
export function scrubText(text: string): string {
  return text
    .replace(EMAIL, ' ')
    .replace(NUMBER, (run) => (isLongNumber(run) ? ' ' : run))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Five digits in a row, or seven written in groups: a phone, card, account or order number.
 * Years, versions and counts stay ("Best of 2024", "Node 20.11.1", "Top 10 2024").
 */
function isLongNumber(run: string): boolean {
  let digits = 0;
  for (const char of run) if (char >= '0' && char <= '9') digits++;
  return digits >= (GROUP_SEPARATOR.test(run) ? 7 : 5);
}

/** Keywords a page may keep: each once, none holding an e-mail address or a long number, none without a letter. */
export function scrubKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords)].filter((word) => LETTER.test(word) && scrubText(word) === word);
}

const LETTER = /\p{L}/u;

/**
 * A copy of the page with the title, description and keywords it may keep: none for search
 * results, else scrubbed. A visit without keywords has no `keywords` field.
 */
export function redactPage<T extends PageFeatures>(page: T, query?: URLSearchParams | null): T {
  const { keywords, ...rest } = page;
  if (isSearchPage({ ...page, query })) return { ...rest, title: '', description: '' } as T;
  const kept = scrubKeywords(keywords ?? []);
  return { ...rest, title: scrubText(page.title), description: scrubText(page.description), ...(kept.length > 0 && { keywords: kept }) } as T;
}
