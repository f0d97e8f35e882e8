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

/** Content of the first `<meta name|property=…>` in the head (metadata belongs there; a body scan could be long). */
export function metaContent(doc: Document, attribute: 'name' | 'property', value: string): string | null {
  const scope = doc.head ?? doc;
  const meta = scope.querySelector(`meta[${attribute}="${value}" i]`);
  return meta?.getAttribute('content') ?? null;
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
