// Page features: what a page is, read once per visit from its document and address. The query
// string and the fragment are dropped before anything is kept; every read is bounded (page-text.ts).
// The title is chosen in page-title.ts; the description is the one the page declares in its
// metadata, Dublin Core, then Open Graph, then the plain description and Twitter's. The content
// keywords come from the main text (page-keywords.ts), read apart and only once the background
// has said the page may be recorded (page-watch.ts): never on an excluded site.
import type { PageFeatures } from '../../model/visit';
import { guessPageKind, KIND_METAS } from './page-kind';
import { estimateWords, primaryLanguage, readMetaTags, titleOf } from './page-text';
import { metaText, pageTitle, TITLE_METAS } from './page-title';

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 500;
/** Longer paths are cut: a visit record stays small whatever address a page makes up. */
export const PATH_MAX = 1000;

const DESCRIPTIONS = ['dc:description', 'og:description', 'description', 'twitter:description'];
const METAS = [...TITLE_METAS, ...DESCRIPTIONS, 'content-language', ...KIND_METAS];

interface PageAddress {
  /** Origin and path: what a visit keeps of an address. */
  url: string;
  host: string;
  path: string;
}

/** The parts of an http(s) address a visit keeps, or null for anything else. */
function pageAddress(href: string): PageAddress | null {
  // Checked before parsing: a thrown error (an empty referrer, say) costs milliseconds on a cold start.
  if (!/^https?:\/\/[^/]/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const path = url.pathname.slice(0, PATH_MAX);
  return { url: url.origin + path, host: url.hostname, path };
}

/** Origin and path of a web address, or null when it is not an http(s) page. */
export function visitUrlOf(href: string): string | null {
  return pageAddress(href)?.url ?? null;
}

/** Host name of an http(s) address, '' for anything else (an empty referrer, about:, data:). */
export function hostOf(href: string): string {
  return pageAddress(href)?.host ?? '';
}

/** Reads the features of the page at `href`, which came from `referrerHost` ('' when unknown). */
export function readPageFeatures(doc: Document, href: string, referrerHost: string): PageFeatures {
  const address = pageAddress(href);
  const path = address?.path ?? '';
  const words = estimateWords(doc);
  const links = doc.getElementsByTagName('a').length;
  const videos = doc.getElementsByTagName('video').length;
  const metas = readMetaTags(doc, METAS);
  const documentTitle = titleOf(doc, TITLE_MAX);
  const title = pageTitle(doc, metas, documentTitle, TITLE_MAX);
  // The language the page is written in, else the one its `content-language` pragma names, as for the browser.
  const lang = primaryLanguage(doc.documentElement?.getAttribute('lang') ?? '') || primaryLanguage(metas.get('content-language') ?? '');
  const kind = guessPageKind(doc, path, [title, documentTitle], { words, links, videos }, metas);
  return {
    url: address?.url ?? '',
    host: address?.host ?? '',
    path,
    title,
    description: metaText(metas, DESCRIPTIONS.find((name) => metas.has(name)), DESCRIPTION_MAX),
    lang,
    kind,
    words,
    links,
    images: doc.getElementsByTagName('img').length,
    videos,
    referrerHost,
  };
}

