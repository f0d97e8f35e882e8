// Page features: what a page is, read once per visit from its document and address. The query
// string and the fragment are dropped before anything is kept; every read is bounded (page-text.ts).
import type { PageFeatures } from '../../model/visit';
import { guessPageKind } from './page-kind';
import { capText, estimateWords, metaContent, primaryLanguage, titleOf } from './page-text';

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 500;
/** Longer paths are cut: a visit record stays small whatever address a page makes up. */
export const PATH_MAX = 1000;

/** Origin and path of a web address, or null when it is not an http(s) page. */
export function visitUrlOf(href: string): string | null {
  // Checked before parsing: a thrown error (an empty referrer, say) costs milliseconds on a cold start.
  if (!/^https?:\/\/[^/]/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return url.origin + url.pathname.slice(0, PATH_MAX);
}

/** Host name of an http(s) address, '' for anything else (an empty referrer, about:, data:). */
export function hostOf(href: string): string {
  const url = visitUrlOf(href);
  return url === null ? '' : new URL(url).hostname;
}

/** Reads the features of the page at `href`, which came from `referrerHost` ('' when unknown). */
export function readPageFeatures(doc: Document, href: string, referrerHost: string): PageFeatures {
  const url = visitUrlOf(href) ?? '';
  const parsed = url ? new URL(url) : null;
  const path = parsed?.pathname ?? '';
  const words = estimateWords(doc);
  const links = doc.getElementsByTagName('a').length;
  const videos = doc.getElementsByTagName('video').length;
  const description = metaContent(doc, 'name', 'description') ?? metaContent(doc, 'property', 'og:description') ?? '';
  return {
    url,
    host: parsed?.hostname ?? '',
    path,
    title: titleOf(doc, TITLE_MAX),
    description: capText(description, DESCRIPTION_MAX),
    lang: primaryLanguage(doc.documentElement?.getAttribute('lang') ?? ''),
    kind: guessPageKind(doc, path, { words, links, videos }),
    words,
    links,
    images: doc.getElementsByTagName('img').length,
    videos,
    referrerHost,
  };
}
