// Visits → tokens and their readable names; interaction never used as an input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureName, sitesNamedIn } from '../../model/feature-names';
import { NO_CONTEXT, sizeBucket, visitTokens, type Token } from '../../model/features';
import { pathPrefixes, textWords } from '../../model/text-words';
import { makeVisit } from './helpers';

const text = (tokens: Token[]): string[] => tokens.map((token) => `${token.ns}=${token.value}`);

describe('visitTokens', () => {
  it('turns a visit and its context into namespaced tokens', () => {
    const startedAt = new Date(2024, 4, 4, 22, 15).getTime(); // a Saturday, 22:15 local time
    const visit = makeVisit({ host: 'github.com', path: '/Tabula/model/issues', title: 'The TypeScript handbook: Types', description: '', referrerHost: 'news.ycombinator.com', startedAt });
    const tokens = text(visitTokens(visit, { prev1: 'news.ycombinator.com', prev2: 'mail.example.com', prev3: 'a.example' }));
    expect(tokens).toEqual([
      'host=github.com', 'path1=tabula', 'path2=tabula/model',
      'title=typescript', 'title=handbook', 'title=types',
      'lang=en', 'kind=article', 'words=10', 'links=6', 'images=2', 'videos=0',
      'ref=news.ycombinator.com', 'prev1=news.ycombinator.com', 'prev2=mail.example.com',
      'pair=github.com<news.ycombinator.com', 'triple=github.com<news.ycombinator.com<mail.example.com',
      'quad=github.com<news.ycombinator.com<mail.example.com<a.example',
      'hour=22', 'daypart=evening', 'day=6', 'weekend=1',
      'kind@when=article|weekend evening', 'host@when=github.com|weekend evening', 'words@when=10|weekend evening',
    ]);
  });

  it('crosses kind, site and length with the part of the day, on weekdays apart from weekends', () => {
    const at = (day: number, hour: number): number => new Date(2024, 4, 5 + day, hour, 10).getTime(); // 5 May 2024: a Sunday
    const crosses = (startedAt: number): string[] => text(visitTokens(makeVisit({ kind: 'video', words: 3000, startedAt }), NO_CONTEXT)).filter((token) => token.includes('@'));
    expect(crosses(at(2, 20))).toEqual(['kind@when=video|weekday evening', 'host@when=example.org|weekday evening', 'words@when=12|weekday evening']);
    expect(crosses(at(0, 20))).toContain('kind@when=video|weekend evening');
    expect(crosses(at(2, 10))).toContain('kind@when=video|weekday morning');
    expect(crosses(at(6, 3))).toContain('host@when=example.org|weekend night');
    // Pages known from history only: their kind and length are unknown, and they get no crosses.
    expect(crosses(at(2, 20)).length).toBe(3);
    expect(text(visitTokens(makeVisit({ source: 'history', startedAt: at(2, 20) }), NO_CONTEXT)).some((token) => token.includes('@'))).toBe(false);
  });

  it('marks the start of a session and has no pairs then', () => {
    const tokens = text(visitTokens(makeVisit(), NO_CONTEXT));
    expect(tokens).toContain('prev1=');
    expect(tokens.some((token) => /^(prev2|pair|triple|quad)=/.test(token))).toBe(false);
  });

  it('leaves out content features of pages only known from history', () => {
    const tokens = text(visitTokens(makeVisit({ source: 'history' }), NO_CONTEXT));
    expect(tokens.some((token) => /^(kind|words|links|images|videos)=/.test(token))).toBe(false);
    expect(tokens).toContain('host=example.org');
  });

  it('never depends on what the user did on the page', () => {
    const interaction = fc.record({
      activeMs: fc.nat(), scrollDepth: fc.double({ min: 0, max: 1, noNaN: true }), clicks: fc.nat(), keys: fc.nat(),
      selections: fc.nat(), mediaMs: fc.nat(), endedAt: fc.nat(), feedback: fc.constantFrom(undefined, 'useful' as const, 'not-interested' as const),
    });
    const plain = text(visitTokens(makeVisit(), { ...NO_CONTEXT, prev1: 'a.com' }));
    fc.assert(fc.property(interaction, (what) => {
      expect(text(visitTokens(makeVisit(what), { ...NO_CONTEXT, prev1: 'a.com' }))).toEqual(plain);
    }));
  });

  it('bounds the number of words taken from titles and descriptions', () => {
    const long = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    const tokens = visitTokens(makeVisit({ title: long, description: long }), NO_CONTEXT);
    expect(tokens.filter((token) => token.ns === 'title')).toHaveLength(8);
    expect(tokens.filter((token) => token.ns === 'desc')).toHaveLength(8);
  });
});

describe('content keywords', () => {
  it('make a keyword token each, once, at most twelve; a visit without them has none', () => {
    const keywords = (visit: ReturnType<typeof makeVisit>) => visitTokens(visit, NO_CONTEXT).filter((token) => token.ns === 'keyword').map((token) => token.value);
    expect(keywords(makeVisit())).toEqual([]);
    expect(keywords(makeVisit({ keywords: ['tide', 'harbour', 'tide'] }))).toEqual(['tide', 'harbour']);
    const many = Array.from({ length: 20 }, (_, i) => `word${i}`);
    expect(keywords(makeVisit({ keywords: many }))).toEqual(many.slice(0, 12));
  });
});

describe('words, paths and sizes', () => {
  it('lower-cases words, drops stopwords, short words and repeats', () => {
    expect(textWords('The Rust Book — the RUST programming language, 2nd ed.', 10)).toEqual(['rust', 'book', 'programming', 'language', '2nd', 'ed']);
    expect(textWords('Café crème à Paris', 10)).toEqual(['café', 'crème', 'paris']);
    expect(textWords('', 10)).toEqual([]);
  });

  it('keeps two path levels and hides ids', () => {
    expect(pathPrefixes('/')).toEqual([]);
    expect(pathPrefixes('/watch')).toEqual(['watch']);
    expect(pathPrefixes('/users/12345/posts')).toEqual(['users', 'users/*']);
  });

  it('puts sizes in log-scale buckets', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 1000, 5e9].map(sizeBucket)).toEqual(['0', '1', '2', '2', '3', '3', '4', '10', '21']);
  });
});

describe('featureName', () => {
  it('names every kind of token for people', () => {
    const names = visitTokens(makeVisit({ referrerHost: 'a.com', keywords: ['tide'], startedAt: new Date(2024, 4, 4, 9, 5).getTime() }), { prev1: 'b.org', prev2: 'c.net', prev3: 'd.io' }).map(featureName);
    expect(names).toEqual(expect.arrayContaining([
      'site: example.org', 'path: /articles/tabula', 'title: "tabula"', 'description: "model"', 'language: en',
      'page kind: article', 'words: 512–1,023', 'came from: a.com', 'previous site: b.org', 'two sites back: c.net',
      'example.org right after b.org', 'example.org after b.org after c.net', 'example.org after b.org after c.net after d.io', 'hour: 09:00', 'morning', 'Saturday', 'weekend', 'keyword: tide',
      'page kind: article, weekend morning', 'site: example.org, weekend morning', 'words: 512–1,023, weekend morning',
    ]));
    expect(featureName({ ns: 'prev1', value: '' })).toBe('start of a session');
    expect(featureName({ ns: 'weekend', value: '0' })).toBe('weekday');
  });
});

describe('sitesNamedIn', () => {
  it('reads back every site a token names, and none from a name that holds no site', () => {
    const tokens = visitTokens(makeVisit({ host: 'news.example.co.uk', referrerHost: 'a.com', title: 'after the rain: site news, right after dark', keywords: ['after'], startedAt: new Date(2024, 4, 4, 21, 5).getTime() }), { prev1: 'b.org', prev2: 'localhost', prev3: 'c.net' });
    const sites = new Map(tokens.map((token) => [featureName(token), sitesNamedIn(featureName(token))]));
    expect(Object.fromEntries([...sites].filter(([, named]) => named.length > 0))).toEqual({
      'site: news.example.co.uk': ['news.example.co.uk'],
      'came from: a.com': ['a.com'],
      'previous site: b.org': ['b.org'],
      'two sites back: localhost': ['localhost'],
      'news.example.co.uk right after b.org': ['news.example.co.uk', 'b.org'],
      'news.example.co.uk after b.org after localhost': ['news.example.co.uk', 'b.org', 'localhost'],
      'news.example.co.uk after b.org after localhost after c.net': ['news.example.co.uk', 'b.org', 'localhost', 'c.net'],
      'site: news.example.co.uk, weekend evening': ['news.example.co.uk'],
    });
    for (const name of ['start of a session', 'path: /after/x', 'keyword: after', 'title: "after"', 'page kind: article, weekend evening', '']) {
      expect(sitesNamedIn(name), name).toEqual([]);
    }
  });
});
