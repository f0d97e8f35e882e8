// Where the content keywords Tabula stored for a real page occur: in Readability's reading of its
// main content (`expected.html`), only in the rest of the page (menus, footers, sidebars, hidden
// text), or in neither (a word the page's text holds only inside other words or markup). The
// pages' text is read from their HTML without a browser: scripts, styles and tags dropped,
// character references decoded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeReferences } from '../../extension/content/page-text';
import type { Figures } from '../proof/section';
import type { Corpus } from './corpus';
import type { PageReading } from './read-pages';

export interface KeywordPlaces {
  inMain: string[];
  onlyElsewhere: string[];
  nowhere: string[];
}

/** The text of an HTML document or fragment, in lower case: what a reader could find a word in. */
export function htmlText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return decodeReferences(text).replace(/&[a-z]+;/gi, ' ').toLowerCase();
}

/** Scripts without spaces: there a keyword is looked for as a string, elsewhere as a whole word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** In a text of such a script, a word of another (`DeepMind的`) may be glued to its neighbours too. */
function holdsWord(text: string, words: Set<string>, word: string): boolean {
  return words.has(word) || ((UNSPACED.test(word) || UNSPACED.test(text)) && text.includes(word));
}

function wordSet(text: string): Set<string> {
  return new Set(text.split(/[^\p{L}\p{N}\p{M}]+/u));
}

export function placeKeywords(keywords: readonly string[], mainHtml: string, pageHtml: string): KeywordPlaces {
  const main = htmlText(mainHtml);
  const page = htmlText(pageHtml);
  const mainWords = wordSet(main);
  const pageWords = wordSet(page);
  const places: KeywordPlaces = { inMain: [], onlyElsewhere: [], nowhere: [] };
  for (const word of keywords) {
    if (holdsWord(main, mainWords, word)) places.inMain.push(word);
    else if (holdsWord(page, pageWords, word)) places.onlyElsewhere.push(word);
    else places.nowhere.push(word);
  }
  return places;
}

export interface KeywordSummary {
  figures: Figures;
  /** Each page's keywords and where they occur, in the corpus's order. */
  pages: { name: string; keywords: string[]; places: KeywordPlaces }[];
}

/** Keywords stored per page and where they occur, over the pages whose visit was stored. */
export function summariseKeywords(corpus: Corpus, readings: readonly PageReading[]): KeywordSummary {
  const pages: KeywordSummary['pages'] = [];
  const totals = { keywords: 0, inMain: 0, onlyElsewhere: 0, nowhere: 0 };
  let withKeywords = 0;
  for (const { name, visit } of readings) {
    if (!visit) continue;
    const keywords = visit.keywords ?? [];
    const read = (file: string) => readFileSync(join(corpus.pagesDir, name, file), 'utf8');
    const places = placeKeywords(keywords, read('expected.html'), read('source.html'));
    pages.push({ name, keywords, places });
    if (keywords.length > 0) withKeywords++;
    totals.keywords += keywords.length;
    totals.inMain += places.inMain.length;
    totals.onlyElsewhere += places.onlyElsewhere.length;
    totals.nowhere += places.nowhere.length;
  }
  const percent = (count: number) => (totals.keywords ? Math.round((1000 * count) / totals.keywords) / 10 : null);
  return {
    figures: {
      pagesWithKeywords: withKeywords,
      ...totals,
      percentInMain: percent(totals.inMain),
      percentOnlyElsewhere: percent(totals.onlyElsewhere),
    },
    pages,
  };
}
