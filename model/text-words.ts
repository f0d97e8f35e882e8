// Words of a title or description as features: lower case, letters and digits only, short
// words and common stopwords dropped, each word once, at most `limit` of them.

const STOPWORDS = new Set([
  // English
  'the', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'is',
  'are', 'was', 'be', 'it', 'its', 'this', 'that', 'as', 'you', 'your', 'we', 'our', 'my',
  'how', 'what', 'not', 'but', 'all', 'can', 'has', 'have', 'will', 'more', 'about', 'into',
  // French, German, Spanish
  'de', 'la', 'le', 'les', 'et', 'des', 'du', 'un', 'une', 'pour', 'en', 'el', 'los', 'las',
  'del', 'por', 'con', 'der', 'die', 'das', 'und', 'mit', 'von', 'den', 'für',
]);

const SEPARATORS = /[^\p{L}\p{N}]+/u;
const MAX_WORD_LENGTH = 30;

export function textWords(text: string, limit: number): string[] {
  const words: string[] = [];
  if (text === '' || limit <= 0) return words;
  for (const word of text.toLowerCase().split(SEPARATORS)) {
    if (word.length < 2 || word.length > MAX_WORD_LENGTH || STOPWORDS.has(word)) continue;
    if (words.includes(word)) continue;
    words.push(word);
    if (words.length === limit) break;
  }
  return words;
}

/**
 * The first two segments of a path (`/repos/tabula/issues` → `repos`, `repos/tabula`), with
 * segments that look like ids (long, or holding several digits) replaced by `*` so that one
 * article or user id does not become a feature of its own.
 */
export function pathPrefixes(path: string): string[] {
  if (path === '/' || path === '') return [];
  const segments = path.toLowerCase().split('/').filter((segment) => segment !== '').slice(0, 2);
  const prefixes: string[] = [];
  let prefix = '';
  for (const segment of segments) {
    const generic = segment.length > 40 || /\d.*\d.*\d/.test(segment) ? '*' : segment;
    prefix = prefix === '' ? generic : `${prefix}/${generic}`;
    prefixes.push(prefix);
  }
  return prefixes;
}
