// Content keywords: the words a page's main text uses most, read once per visit with its other
// features. The main text is that of the paragraphs of the main block, found as a reader view
// finds it: the element whose paragraphs (as its children, or its grandchildren at half weight)
// hold the most text. Paragraphs elsewhere (a sidebar, comments, a footer) and those inside
// navigation, asides, footers and forms within it are passed over. Every read is bounded (the
// first 300 paragraphs, 20,000 characters of text), and the paragraphs are the list the page
// kind reads too, so a huge page costs about what an ordinary article does.
import { KEYWORD_LENGTH_MAX, KEYWORDS_MAX } from '../../model/visit';
import { stopwordsFor } from './stopwords';

/** Paragraphs looked at: an article's come early, and a hostile page may have thousands. */
const PARAGRAPHS_MAX = 300;
/** Shorter paragraphs are captions, bylines and labels rather than running text. */
const PARAGRAPH_MIN = 25;
/** Characters of main text counted: some 3,000 words, enough to know what a page is about. */
export const TEXT_MAX = 20_000;
/**
 * Where a paragraph is not main text: navigation, asides, footers, forms (a comment box) and what
 * is hidden from assistive technology, unless the element holds the whole main block (some sites
 * wrap their whole page in a form).
 */
const NOT_MAIN = 'nav, aside, footer, menu, form, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"]';

/** Up to KEYWORDS_MAX keywords of the page's main text, the most frequent first; `lang` chooses the stopwords. */
export function readKeywords(doc: Document, lang: string): string[] {
  const text = mainText(doc);
  return text ? topWords(text, lang) : [];
}

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

/** Anything shaped like an e-mail address, with what is glued to it: never a keyword. */
const EMAIL = /\S*@\S*/g;
// The patterns below name ranges of characters rather than Unicode properties (`\p{L}`): a
// property class costs the page about a millisecond to compile, each time the script runs.
/**
 * What separates words: white space, ASCII and Latin-1 punctuation and symbols, the general and
 * CJK punctuation blocks, fullwidth punctuation, arrows and shapes, Arabic and Devanagari
 * punctuation, and surrogates (emoji).
 */
const SEPARATORS = /[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\xd7\xf7\u060c\u061b\u061f\u066a-\u066d\u06d4\u0964\u0965\u2000-\u2bff\u3000-\u303f\ud800-\udfff\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/;
/** Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, kana, Han): the browser's word breaker finds their words. */
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Hiragana alone writes Japanese grammar (particles, endings), not what a page is about. */
const GRAMMAR = /^[\u3040-\u309f]+$/;
/** Digits alone (Western, Arabic-Indic, Persian, Devanagari): a number, not a word. */
const NUMBER = /^[\d\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]+$/;

/**
 * The words of `text` that occur most, each once, ties in the order they first occur: in lower
 * case, of three letters or more (two in scripts without spaces, where most words are two
 * characters), not digits alone, and not stopwords of `lang`.
 */
export function topWords(text: string, lang: string, max = KEYWORDS_MAX): string[] {
  const stopwords = stopwordsFor(lang);
  const counts = new Map<string, number>();
  let lower = text.slice(0, TEXT_MAX);
  // The address pattern tries every position of the text: looked for only where it can match.
  if (lower.includes('@')) lower = lower.replace(EMAIL, ' ');
  lower = lower.toLowerCase();
  // Text without such a script has no word of one: the test per word is spared.
  const anyUnspaced = UNSPACED.test(lower);
  for (const word of wordsOf(lower, lang, anyUnspaced)) {
    const unspaced = anyUnspaced && UNSPACED.test(word);
    if (word.length < (unspaced ? 2 : 3) || word.length > KEYWORD_LENGTH_MAX || NUMBER.test(word)) continue;
    if (stopwords.has(word) || (unspaced && GRAMMAR.test(word))) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // A map keeps the order words were first seen, and the sort is stable.
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).map(([word]) => word);
}

/** `unspaced`: whether `text` holds any character of a script written without spaces. */
function wordsOf(text: string, lang: string, unspaced: boolean): string[] {
  if (!unspaced) return text.split(SEPARATORS);
  const words: string[] = [];
  for (const part of new Intl.Segmenter(lang || undefined, { granularity: 'word' }).segment(text)) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}
