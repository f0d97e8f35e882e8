// The main text of a page, from which its content keywords are counted: read here, in the page,
// once per visit and only where the background said the page may be recorded; its words are
// counted in the background (../keywords.ts), so that no page compiles or runs the counting, the
// stopword lists or a word breaker. The main text is that of the paragraphs of the main block,
// found as a reader view finds it: the element whose paragraphs (as its children, or its
// grandchildren at half weight) hold the most text. Paragraphs elsewhere (a sidebar, comments, a
// footer) and those inside navigation, asides, footers and forms within it are passed over. Every
// read is bounded (the first 300 paragraphs, 20,000 characters of text), and the paragraphs are
// the list the page kind reads too, so a huge page costs about what an ordinary article does.
import { TEXT_MAX } from '../keywords';

/** Paragraphs looked at: an article's come early, and a hostile page may have thousands. */
const PARAGRAPHS_MAX = 300;
/** Shorter paragraphs are captions, bylines and labels rather than running text. */
const PARAGRAPH_MIN = 25;
/**
 * Where a paragraph is not main text: navigation, asides, footers, forms (a comment box) and what
 * is hidden from assistive technology, unless the element holds the whole main block (some sites
 * wrap their whole page in a form).
 */
const NOT_MAIN = 'nav, aside, footer, menu, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"]';

/** The text of the main block's paragraphs, at most TEXT_MAX characters. */
export function mainText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  // The document's own lists, as the page kind reads them: a browser keeps one and its length until the page changes.
  const paragraphs = doc.getElementsByTagName('p');
  const count = Math.min(paragraphs.length, PARAGRAPHS_MAX);
  const texts: string[] = [];
  const kept: Element[] = [];
  const outsides: (Element | null)[] = [];
  const scores = new Map<Element, number>();
  const add = (block: Element | null, score: number): void => {
    if (block && block.localName !== 'form') scores.set(block, (scores.get(block) ?? 0) + score);
  };
  for (let i = 0; i < count; i++) {
    const text = paragraphText(paragraphs[i]);
    if (text.length < PARAGRAPH_MIN) continue;
    const outside = paragraphs[i].closest(NOT_MAIN);
    // Navigation or a footer never holds the main block; a form may, where a site wraps its whole page in one.
    if (outside && outside.localName !== 'form') continue;
    const parent = paragraphs[i].parentElement;
    add(parent, text.length);
    add(parent?.parentElement ?? null, text.length / 2);
    texts.push(text);
    kept.push(paragraphs[i]);
    outsides.push(outside);
  }
  let main: Element | null = null;
  let best = 0;
  for (const [block, score] of scores) if (score > best) [main, best] = [block, score];
  let text = '';
  for (let i = 0; main && i < kept.length && text.length < TEXT_MAX; i++) {
    if (main.contains(kept[i]) && (!outsides[i] || outsides[i]!.contains(main))) text += `${texts[i]}\n`;
  }
  // A page without such paragraphs may still mark its text as an article.
  return (text || (doc.getElementsByTagName('article')[0]?.textContent ?? '')).slice(0, TEXT_MAX);
}

/** A paragraph's text, without that of scripts and styles inside it (broken markup can put them there). */
function paragraphText(paragraph: Element): string {
  // Most paragraphs hold text and no element, and a script is an element: no list to make for them.
  if (paragraph.childElementCount === 0) return paragraph.textContent ?? '';
  if (paragraph.getElementsByTagName('script').length === 0 && paragraph.getElementsByTagName('style').length === 0) {
    return paragraph.textContent ?? '';
  }
  let text = '';
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && text.length < TEXT_MAX; node = walker.nextNode()) {
    const parent = node.parentElement?.localName;
    if (parent !== 'script' && parent !== 'style') text += node.nodeValue;
  }
  return text;
}
