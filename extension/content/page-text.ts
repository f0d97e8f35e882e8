// Bounded reads of a page's text: title, meta tags, language and an estimate of its length.
// Each looks at no more of the page than it needs, so a page with a megabyte title or a hundred
// thousand nodes costs about what an ordinary one does, and none forces layout (no innerText).

/** About six characters a word, spaces included: a size bucket needs no better. */
const CHARS_PER_WORD = 6;
export const WORDS_MAX = 100_000;
/** Scripts and style sheets inside the body whose text is subtracted from the word estimate. */
const CODE_ELEMENTS_MAX = 200;

/** Collapses white space and cuts to `max` characters, looking at no more of `text` than needed. */
export function capText(text: string, max: number): string {
  return text.slice(0, max * 4).replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** `en-GB` → `en`; '' for anything that is not a language tag. */
export function primaryLanguage(tag: string): string {
  const primary = tag.slice(0, 40).trim().split(/[-_]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

/** Meta tags looked at; metadata belongs at the top of the head, and a hostile page may have thousands. */
const METAS_MAX = 200;

/** The meta tags a visit reads: `name` or `property` (in lower case) → content of the first such tag. */
export type MetaTags = Map<string, string>;

/**
 * The first content of each of `wanted` among the page's `<meta name|property=…>` tags (names
 * compared in any case), read in one pass over the head's meta tags: cheaper than a selector per
 * tag, whose matching engine a content script would otherwise start on every page.
 */
export function readMetaTags(doc: Document, wanted: readonly string[]): MetaTags {
  const found: MetaTags = new Map();
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  const count = Math.min(metas.length, METAS_MAX);
  for (let i = 0; i < count && found.size < wanted.length; i++) {
    const meta = metas[i];
    for (const attribute of ['name', 'property']) {
      const key = meta.getAttribute(attribute)?.toLowerCase();
      if (key && !found.has(key) && wanted.includes(key)) found.set(key, meta.getAttribute('content') ?? '');
    }
  }
  return found;
}

/** The page's title, capped at `max` characters. */
export function titleOf(doc: Document, max: number): string {
  // The title element's text node is sliced before anything else touches it: `document.title`
  // would first collapse the white space of the whole string, however long the page made it.
  const title = doc.head?.getElementsByTagName('title')[0] ?? doc.getElementsByTagName('title')[0];
  const text = title?.firstChild;
  const raw = text && text.nodeType === 3 && !text.nextSibling ? text.nodeValue ?? '' : title?.textContent ?? '';
  return capText(raw, max);
}

/** Words of text in the body, estimated from its length, without layout. */
export function estimateWords(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let chars = body.textContent?.length ?? 0;
  // Inline scripts and styles are text too (framework state can be most of a page): take them out.
  for (const tag of ['script', 'style']) {
    const code = body.getElementsByTagName(tag);
    const count = Math.min(code.length, CODE_ELEMENTS_MAX);
    for (let i = 0; i < count; i++) chars -= code[i].textContent?.length ?? 0;
  }
  return Math.min(WORDS_MAX, Math.max(0, Math.round(chars / CHARS_PER_WORD)));
}
