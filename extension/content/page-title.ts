// The page's title: the headline without the site's name that title elements add ("Rivers rise |
// The Daily Example"). That is the title the page declares in its metadata (Dublin Core, Open
// Graph, Twitter) unless it is only the site's name (a site-wide default); where the title element
// says something else, the headline of the page's structured data (JSON-LD) if the title element
// repeats it, and only then (some sites put a summary in that field); else the title element. The
// structured data is looked at only in that case: finding it walks the document's scripts.
import { holdsWords } from '../page-text-rules';
import { capText, decodeReferences, type MetaTags } from './page-text';

const DECLARED_TITLES = ['dc:title', 'og:title', 'twitter:title'];
const SITE_NAMES = ['og:site_name', 'application-name'];
/** The meta tags the title is chosen from. */
export const TITLE_METAS = [...DECLARED_TITLES, ...SITE_NAMES];

/** Script elements looked at for structured data, and characters of each block searched. */
const SCRIPTS_MAX = 100;
const STRUCTURED_MAX = 50_000;
const HEADLINE = /"headline"\s*:\s*("(?:[^"\\]|\\.){1,1000}")/;

/** `documentTitle`: the title element's text, as `titleOf` reads it. */
export function pageTitle(doc: Document, metas: MetaTags, documentTitle: string, max: number): string {
  const site = metaText(metas, SITE_NAMES.find((name) => metas.has(name)), max).toLowerCase();
  const declared = DECLARED_TITLES.map((name) => metaText(metas, name, max)).find((title) => title && title.toLowerCase() !== site);
  if (!declared) return documentTitle;
  // The title element is the declared title and the site's name: nothing to choose.
  if (!documentTitle || holdsWords(documentTitle, declared)) return declared;
  // They differ (a title reworded for sharing, say): the structured data's headline, where the title element repeats it.
  const headline = capText(structuredHeadline(doc), max);
  return headline && holdsWords(documentTitle, headline) ? headline : declared;
}

/** A meta tag's text, its white space collapsed, capped, and decoded where it was escaped twice. */
export function metaText(metas: MetaTags, name: string | undefined, max: number): string {
  return name ? capText(decodeReferences(capText(metas.get(name) ?? '', max * 2)), max) : '';
}

/** The first `headline` of the page's JSON-LD blocks, '' when none; read from the text, without parsing the whole block. */
function structuredHeadline(doc: Document): string {
  const scripts = doc.getElementsByTagName('script');
  const count = Math.min(scripts.length, SCRIPTS_MAX);
  for (let i = 0; i < count; i++) {
    if (scripts[i].type.toLowerCase() !== 'application/ld+json') continue;
    const literal = HEADLINE.exec((scripts[i].textContent ?? '').slice(0, STRUCTURED_MAX))?.[1];
    try {
      if (literal) return decodeReferences(JSON.parse(literal) as string);
    } catch {
      // A malformed string: look on.
    }
  }
  return '';
}
