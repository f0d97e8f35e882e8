// The real-pages comparison: how a stored reading is held against Readability's, field by field.
import { describe, expect, it } from 'vitest';
import type { StoredVisit } from '../../extension/contract-types';
import { comparePage, normalise, primaryTag, summarise, textsAgree } from '../../harness/real-pages/compare';
import type { RealPage } from '../../harness/real-pages/corpus';
import type { PageReading } from '../../harness/real-pages/read-pages';

function visit(fields: Partial<StoredVisit>): StoredVisit {
  return {
    id: 1, key: 'k', url: 'http://127.0.0.1:1/a/source.html', host: '127.0.0.1', path: '/a/source.html', title: '', description: '',
    lang: '', kind: 'other', words: 0, links: 0, images: 0, videos: 0, referrerHost: '', activeMs: 0, scrollDepth: 0, clicks: 0,
    keys: 0, selections: 0, mediaMs: 0, startedAt: 0, endedAt: 0, ...fields,
  };
}

const reading = (name: string, stored: Partial<StoredVisit> | null, hasDescription = true): PageReading =>
  ({ name, visit: stored ? visit(stored) : null, hasDescription, excluded: false });

describe('text agreement', () => {
  it('normalises case, compatibility forms and punctuation', () => {
    expect(normalise('  Obama’s “biggest”   FRUSTRATION! ')).toBe('obama s biggest frustration');
    expect(normalise('ＡＢＣ–Ⅻ')).toBe('abc xii');
  });

  it('agrees on equal texts and on one held in the other as whole words', () => {
    expect(textsAgree('Mozilla - Wikipedia', 'Mozilla')).toBe(true);
    expect(textsAgree('Rivers rise', 'Rivers rise | The Daily Example')).toBe(true);
    expect(textsAgree('Mozillian', 'Mozilla')).toBe(false);
    expect(textsAgree('Quanta Magazine', 'The Hidden Heroines of Chaos')).toBe(false);
  });

  it('an empty text agrees only with another empty one', () => {
    expect(textsAgree('', '')).toBe(true);
    expect(textsAgree('', 'A title')).toBe(false);
    expect(textsAgree('A title', '')).toBe(false);
    expect(textsAgree('—', '')).toBe(true);
  });

  it('compares languages by their primary tag', () => {
    expect(primaryTag('en-US')).toBe('en');
    expect(primaryTag('PT_br')).toBe('pt');
    expect(primaryTag(null)).toBe('');
  });
});

describe('one page', () => {
  const page: RealPage = { name: 'a', expected: { title: 'Order 123456789 shipped', excerpt: 'Write to jane@example.org', lang: 'en-GB', readerable: true } };

  it('holds the expectation to the privacy rules, and says so', () => {
    const outcome = comparePage(page, reading('a', { title: 'Order shipped', description: 'Write to', lang: 'en', kind: 'article' }));
    expect(outcome.title).toMatchObject({ agree: true, expected: 'Order shipped', note: 'expectation scrubbed' });
    expect(outcome.description).toMatchObject({ agree: true, expected: 'Write to' });
    expect(outcome.language).toMatchObject({ agree: true, tabula: 'en', expected: 'en' });
    expect(outcome.kind).toMatchObject({ agree: true, tabula: 'article', expected: 'readerable' });
  });

  it('compares the description only where the page declares one', () => {
    expect(comparePage(page, reading('a', { title: 'x' }, false)).description).toBeUndefined();
  });

  it('a page with nothing stored disagrees on every field', () => {
    const outcome = comparePage(page, reading('a', null));
    expect(Object.values(outcome).map((o) => [o.agree, o.note])).toEqual(Array(4).fill([false, 'nothing stored']));
  });

  it('a kind other than article agrees with a page that is not readerable', () => {
    const notReaderable: RealPage = { name: 'b', expected: { readerable: false } };
    expect(comparePage(notReaderable, reading('b', { kind: 'listing' })).kind?.agree).toBe(true);
    expect(comparePage(notReaderable, reading('b', { kind: 'article' })).kind?.agree).toBe(false);
  });
});

describe('summary of a browser', () => {
  it('counts agreements, failures, the confusion table and every disagreement', () => {
    const pages: RealPage[] = [
      { name: 'a', expected: { title: 'Rivers rise', lang: 'en', readerable: true } },
      { name: 'b', expected: { title: 'Home', lang: null, readerable: false } },
      { name: 'c', expected: { title: 'Gone', lang: 'fr', readerable: true } },
    ];
    const readings = [
      reading('a', { title: 'Rivers rise | Daily', lang: 'en', kind: 'other' }, false),
      reading('b', { title: 'Home', lang: 'de', kind: 'home' }, false),
      reading('c', null, false),
    ];
    const { figures, disagreements } = summarise(pages, readings, { excluded: 0 });
    expect(figures).toMatchObject({
      pages: 3,
      pagesFailed: 1,
      title: { agree: 2, compared: 3, percent: 66.7 },
      description: { agree: 0, compared: 0, percent: null },
      language: { agree: 1, compared: 3 },
      kindVsReaderable: { agree: 1, compared: 3, articleReaderable: 0, otherReaderable: 1, otherNotReaderable: 1, articleNotReaderable: 0 },
      kinds: { other: 1, home: 1 },
    });
    expect(disagreements.map((d) => `${d.field} ${d.page}`)).toEqual(['kind a', 'language b', 'title c', 'language c', 'kind c']);
  });
});
