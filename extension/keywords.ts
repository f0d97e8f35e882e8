// Content keywords counted: the words of a page's main text (found in the page by
// content/page-keywords.ts) that occur most. The background counts them from the text a page
// hands over once per visit (`page/keywords`), so that pages never run this code.
import { KEYWORD_LENGTH_MAX, KEYWORDS_MAX } from '../model/visit';
import { WORD_SEPARATORS } from './page-text-rules';
import { stopwordsFor } from './stopwords';

/** Characters of main text counted: some 3,000 words, enough to know what a page is about. */
export const TEXT_MAX = 20_000;

/** Anything shaped like an e-mail address, with what is glued to it: never a keyword. */
const EMAIL = /\S*@\S*/g;
// The patterns below name ranges of characters rather than Unicode properties (`\p{L}`): a
// property class costs about a millisecond to compile.
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
  if (!unspaced) return text.split(WORD_SEPARATORS);
  const words: string[] = [];
  for (const part of new Intl.Segmenter(lang || undefined, { granularity: 'word' }).segment(text)) {
    if (part.isWordLike) words.push(part.segment);
  }
  return words;
}
