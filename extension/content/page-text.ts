// Bounded reads of a page's text: title, meta tags, language and an estimate of its length.
// Each looks at no more of the page than it needs, so a page with a megabyte title or a hundred
// thousand nodes costs about what an ordinary one does, and none forces layout (no innerText).

/** About six characters a word, spaces included: a size bucket needs no better. */
const CHARS_PER_WORD = 6;
export const WORDS_MAX = 100_000;
/** Scripts and style sheets deeper in the body whose text is subtracted from the word estimate. */
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

/** Meta tags looked at in the head; a hostile page may have thousands. */
const METAS_MAX = 200;
/** Children of the body looked at for meta tags that broken markup pushed out of the head. */
const BODY_CHILDREN_MAX = 100;
/** Attributes that name a meta tag; `http-equiv` for `content-language`. */
const META_NAMES = ['name', 'property', 'http-equiv'];

/** The meta tags a visit reads: name (in lower case) → content of the first such tag with any. */
export type MetaTags = Map<string, string>;

/**
 * The first non-empty content of each of `wanted` among the page's `<meta>` tags, named by `name`,
 * `property` or `http-equiv` in any case, where a name may list several (`property="dc:title
 * og:title"`), read in one pass: cheaper than a selector per tag, whose matching engine a content
 * script would otherwise start on every page. The head's tags are read, and those among the first
 * children of the body: a stray element in a head (an ad's `<div>`) ends it for the parser, which
 * puts the tags after it there. The rest of the body is not walked, which on a page of a hundred
 * thousand nodes would cost a millisecond or more.
 */
export function readMetaTags(doc: Document, wanted: readonly string[]): MetaTags {
  const found: MetaTags = new Map();
  const read = (meta: Element): void => {
    const content = meta.getAttribute('content')?.trim();
    if (!content) return;
    for (const attribute of META_NAMES) {
      for (const name of meta.getAttribute(attribute)?.slice(0, 200).toLowerCase().split(/\s+/) ?? []) {
        if (!found.has(name) && wanted.includes(name)) found.set(name, content);
      }
    }
  };
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  const count = Math.min(metas.length, METAS_MAX);
  for (let i = 0; i < count; i++) read(metas[i]);
  let child = doc.body?.firstElementChild;
  for (let i = 0; child && i < BODY_CHILDREN_MAX; i++, child = child.nextElementSibling) if (child.localName === 'meta') read(child);
  return found;
}

/**
 * Character references left in a meta tag's text (`That&#039;s`, `&amp;`): its content was escaped
 * once too often, as pages often do, and share previews show it decoded. A number that is no
 * character becomes U+FFFD.
 */
export function decodeReferences(text: string): string {
  return text.replace(/&(?:#x([\da-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex?: string, decimal?: string, name?: string) => {
    if (name) return NAMED_REFERENCES[name.toLowerCase() as keyof typeof NAMED_REFERENCES];
    const code = hex ? parseInt(hex, 16) : Number(decimal);
    return code > 0 && code < 0x110000 && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

const NAMED_REFERENCES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The page's title, capped at `max` characters. */
export function titleOf(doc: Document, max: number): string {
  // The title element's text node is sliced before anything else touches it: `document.title`
  // would first collapse the white space of the whole string, however long the page made it.
  const title = doc.head?.getElementsByTagName('title')[0] ?? doc.getElementsByTagName('title')[0];
  const text = title?.firstChild;
  const raw = text && text.nodeType === 3 && !text.nextSibling ? text.nodeValue ?? '' : title?.textContent ?? '';
  return capText(raw, max);
}

/** Elements whose text is code, not words: inline scripts and styles (framework state can be most of a page). */
const CODE_ELEMENTS = ['script', 'style'];
/** Children of the body read one by one; a body of more (a hostile or generated page) is read whole. */
const BODY_CHILDREN_READ_MAX = 2000;

/**
 * Words of text in the body, estimated from its length, without layout. The body's children are
 * read one by one, so that its scripts and styles (where pages put their inline state, up to
 * megabytes of it) are skipped rather than copied into the body's text and then subtracted; those
 * deeper in the page are subtracted. Comments are not text, as in the body's `textContent`.
 */
export function estimateWords(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const oneByOne = body.childNodes.length <= BODY_CHILDREN_READ_MAX;
  let chars = oneByOne ? 0 : body.textContent?.length ?? 0;
  for (let child = oneByOne ? body.firstChild : null; child; child = child.nextSibling) {
    const { nodeType } = child;
    if (nodeType === 3 || (nodeType === 1 && !CODE_ELEMENTS.includes((child as Element).localName))) chars += child.textContent?.length ?? 0;
  }
  for (const tag of CODE_ELEMENTS) {
    const code = body.getElementsByTagName(tag);
    for (let i = 0, subtracted = 0; i < code.length && subtracted < CODE_ELEMENTS_MAX; i++) {
      if (oneByOne && code[i].parentNode === body) continue; // skipped above, at no cost
      chars -= code[i].textContent?.length ?? 0;
      subtracted++;
    }
  }
  return Math.min(WORDS_MAX, Math.max(0, Math.round(chars / CHARS_PER_WORD)));
}
