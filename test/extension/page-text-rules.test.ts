// The page text rules: search results pages keep no title or description, every other page's
// lose e-mail addresses and long numbers, and ordinary titles stay word for word.
import { describe, expect, it } from 'vitest';
import { holdsWords, isSearchPage, queryValues, redactPage, scrubText, siteName, titleEchoesQuery, keptAddress, WORD_SEPARATORS } from '../../extension/page-text-rules';
import type { Visit } from '../../model/visit';
import { visitAt } from './fixtures';

const NOW = Date.UTC(2026, 10, 27);
const page = (host: string, path: string, title: string, kind = 'other' as const) => ({ host, path, title, kind });

describe('search results pages', () => {
  it.each([
    ['www.google.com', '/search'],
    ['www.google.co.uk', '/'],
    ['google.de', '/webhp'],
    ['www.bing.com', '/images/search'],
    ['duckduckgo.com', '/'],
    ['uk.search.yahoo.com', '/search'],
    ['yandex.com.tr', '/'],
    ['www.baidu.com', '/s'],
    ['search.brave.com', '/'],
    ['www.amazon.com', '/s'],
    ['www.amazon.co.jp', '/s/ref=nb_sb_noss'],
    ['www.ebay.de', '/sch/i.html'],
    ['www.youtube.com', '/results'],
    ['github.com', '/search'],
    ['shop.example', '/en/Search/shoes'],
    ['jobs.example', '/find'],
  ])('%s%s is one', (host, path) => {
    expect(isSearchPage(page(host, path, 'Anything'))).toBe(true);
  });

  it.each([
    ['docs.google.com', '/document/d/1'],
    ['mail.yandex.ru', '/'],
    ['www.amazon.com', '/dp/B00X'],
    ['www.ebay.de', '/itm/123'],
    ['news.example', '/research/search-engines-explained'],
    ['www.youtube.com', '/watch'],
  ])('%s%s is not', (host, path) => {
    expect(isSearchPage(page(host, path, 'Anything'))).toBe(false);
  });

  it('a page the content script found to be search results is one', () => {
    expect(isSearchPage({ ...page('shop.example', '/catalog', 'Shoes'), kind: 'search' })).toBe(true);
  });

  it('names a site without www., a country prefix or the ending', () => {
    expect(siteName('www.google.co.uk')).toBe('google');
    expect(siteName('uk.search.yahoo.com')).toBe('search.yahoo');
    expect(siteName('m.youtube.com')).toBe('youtube');
    expect(siteName('docs.google.com')).toBe('docs.google');
  });
});

describe('a title that repeats the query', () => {
  it('is a title that holds a query value as words, in any case', () => {
    expect(titleEchoesQuery('Amazon.com : HIV test', new URLSearchParams('k=hiv+test&ref=nb_sb_noss'))).toBe(true);
    expect(titleEchoesQuery('hiv test at DuckDuckGo', new URLSearchParams('q=hiv%20test&ia=web'))).toBe(true);
  });

  it('reads the values of a query string as text, as the content script must', () => {
    expect(queryValues('?k=hiv+test&ref=nb_sb_noss&flag&q=caf%C3%A9%20au%20lait')).toEqual(['hiv test', 'nb_sb_noss', '', 'café au lait']);
    expect(queryValues('?bad=%E0%A4%A&x=1')).toEqual(['%E0%A4%A', '1']); // a malformed escape stays as it is
    expect(titleEchoesQuery('Amazon.com : HIV test', queryValues('?k=hiv+test'))).toBe(true);
  });

  it('needs the words in a row, whole, and a value of three characters or more', () => {
    expect(titleEchoesQuery('Test results for HIV', new URLSearchParams('k=hiv+test'))).toBe(false);
    expect(titleEchoesQuery('Contest winners', new URLSearchParams('q=test'))).toBe(false);
    expect(titleEchoesQuery('Page 2 of the news', new URLSearchParams('page=2&lang=en'))).toBe(false);
  });

  it('makes a shop page whose title repeats `k=hiv+test` lose its title', () => {
    const shop = visitAt('shop.example', NOW, { path: '/s', title: 'Shop.example : hiv test', description: 'Results for hiv test' });
    expect(redactPage(shop, new URLSearchParams('k=hiv+test'))).toMatchObject({ title: '', description: '' });
  });
});

describe('redactPage', () => {
  it('keeps neither title nor description of a Google results page', () => {
    const results = visitAt('www.google.com', NOW, { path: '/search', title: 'hiv test results - Google Search', description: 'hiv test' });
    const redacted = redactPage(results);
    expect(redacted).toMatchObject({ title: '', description: '', host: 'www.google.com', path: '/search' });
    expect(results.title).toBe('hiv test results - Google Search'); // a copy: the visit given is left alone
  });

  it('keeps an ordinary article title and description word for word', () => {
    const title = 'Rivers rise across the valley: 3 towns flooded, 2024 record broken';
    const description = 'Flood warnings were issued on Tuesday as three rivers rose.';
    const article = visitAt('news.example', NOW, { path: '/uk/rivers-rise', title, description });
    expect(redactPage(article, new URLSearchParams('utm_source=mail'))).toMatchObject({ title, description });
  });
});

describe('keptAddress', () => {
  const pathOf = (host: string, path: string, overrides: Partial<Visit> = {}, query?: string) => {
    const cut = keptAddress(visitAt(host, NOW, { path, ...overrides }), query === undefined ? undefined : new URLSearchParams(query));
    expect(cut.url).toBe(`https://${host}${cut.path}`);
    return cut.path;
  };

  it('keeps of a results page\'s path only the segment that names it one', () => {
    expect(pathOf('shop.example', '/search/hiv-test-kit', { kind: 'other' })).toBe('/search');
    expect(pathOf('shop.example', '/en/Results/hiv/page/2', { kind: 'other' })).toBe('/Results');
    expect(pathOf('shop.example', '/hiv-test/search', { kind: 'other' })).toBe('/search');
    expect(pathOf('www.google.com', '/search')).toBe('/search');
    expect(pathOf('www.amazon.de', '/s/ref=nb_sb_noss', { kind: 'other' })).toBe('/s');
    expect(pathOf('www.ebay.com', '/sch/hiv-test/i.html', { kind: 'other' })).toBe('/sch');
  });

  it('keeps only / of a results page whose path names no part: any of it may be what was typed', () => {
    expect(pathOf('www.amazon.com', '/hiv-test-kit/s', { kind: 'search' })).toBe('/');
    expect(pathOf('www.amazon.com', '/hiv-test-kit/s', { kind: 'other', title: 'Amazon.com : hiv test kit' }, 'k=hiv+test+kit')).toBe('/');
    expect(pathOf('www.google.com', '/maps/place/12+Quiet+Lane', { kind: 'other' })).toBe('/');
  });

  it('leaves every other page as it is', () => {
    const article = visitAt('news.example', NOW, { path: '/uk/rivers-rise', kind: 'article' });
    expect(keptAddress(article)).toBe(article);
    expect(pathOf('docs.google.com', '/document/d/abc', { kind: 'other' })).toBe('/document/d/abc');
    expect(pathOf('shop.example', '/hiv-test-kit/s', { kind: 'other', title: 'Amazon.com : hiv test kit' }, 'k=other+words')).toBe('/hiv-test-kit/s');
  });
});

describe('keptAddress: e-mail addresses in paths', () => {
  const kept = (path: string) => {
    const page = keptAddress(visitAt('mail.example', NOW, { path, kind: 'other' }));
    expect(page.url).toBe(`https://mail.example${page.path}`);
    return page.path;
  };

  it('keeps a segment holding one as @, written out, escaped or cut short', () => {
    expect(kept('/mail/jane.doe@example.com/inbox')).toBe('/mail/@/inbox');
    expect(kept('/mail/jane.doe%40example.com/inbox')).toBe('/mail/@/inbox');
    expect(kept('/mail/JANE%40EXAMPLE.COM')).toBe('/mail/@');
    expect(kept('/display/~jane@example.com')).toBe('/display/@');
    expect(kept('/u/jane@/settings')).toBe('/u/@/settings');
    expect(kept('/unsubscribe/jane@example.com/a@b.org')).toBe('/unsubscribe/@/@');
    expect(kept('/u/jos%C3%A9@ejemplo.es')).toBe('/u/@');
    expect(kept('/u/jane%40example.com%ZZ')).toBe('/u/@');
    expect(kept('/u/jane%2540example.com/inbox')).toBe('/u/@/inbox'); // escaped twice
    expect(kept('/u/jane%252540example.com')).toBe('/u/@');
    expect(kept('/u/jane%2540example.com%ZZ')).toBe('/u/@');
    expect(kept('/u/jane%25252540example.com')).toBe('/u/@'); // escaped four times
    expect(kept('/u/jane@2x.com')).toBe('/u/@'); // a domain that starts like an image's scale
    expect(kept('/@jane@mastodon.example')).toBe('/@'); // a handle with its server is an address
  });

  it('leaves handles, packages and their versions, and paths with no address as they are', () => {
    for (const path of ['/@jane', '/@jane/rivers-rise', '/package/@scope/name', '/react@18.2.0/umd/react.js', '/x/oak@v12/mod.ts', '/img/logo@2x.png', '/i/icon@1.5x.webp', '/s/sprite@3x.svg', '/img/logo@2X.PNG', '/img/logo@2x-dark.png',
      '/uk/rivers-rise', '/', '/100%25-sure', '/bad%E0%A4%A']) {
      const page = visitAt('mail.example', NOW, { path, kind: 'other' });
      expect(keptAddress(page), path).toBe(page);
    }
  });

  it('cuts a results page as before, whatever its path held', () => {
    expect(keptAddress(visitAt('shop.example', NOW, { path: '/search/jane@example.com', kind: 'other' })).path).toBe('/search');
  });
});

describe('scrubText', () => {
  it('removes e-mail addresses, also one cut short', () => {
    expect(scrubText('Inbox (3) – jane.doe@example.com – Mail')).toBe('Inbox (3) – – Mail');
    expect(scrubText('Inbox (3) – jane.doe@…')).toBe('Inbox (3) – …');
  });

  it.each([
    ['Order 123456789 shipped', 'Order shipped'],
    ['Call +1 555-123-4567 today', 'Call today'],
    ['Card 4111 1111 1111 1111 saved', 'Card saved'],
    ['Account 12.34.5678 statement', 'Account statement'],
    ['Parcel 98765', 'Parcel'],
  ])('removes the long number of %j', (text, kept) => {
    expect(scrubText(text)).toBe(kept);
  });

  it.each([
    'Best of 2024',
    'Top 10 2024 films',
    'Node.js 20.11.1 released',
    '1,234 results in 0.42 seconds',
    'Chapter 12: 300 km of road',
  ])('keeps years, versions and short numbers: %j', (text) => {
    expect(scrubText(text)).toBe(text);
  });
});

describe('holdsWords', () => {
  it('finds a text inside another as whole words, in any case and punctuation', () => {
    expect(holdsWords('Rivers rise | The Daily Example', 'rivers rise')).toBe(true);
    expect(holdsWords('Samantha and the Great Big Lie. How to…', 'Samantha and The Great Big Lie')).toBe(true);
    expect(holdsWords('Riverside rises', 'river')).toBe(false);
    expect(holdsWords('Anything', '—')).toBe(false);
  });

  it('splits words where a letter, digit or mark does not follow (as [\\p{L}\\p{N}\\p{M}] says), over the whole Basic Multilingual Plane', () => {
    const wordish = /[\p{L}\p{N}\p{M}]/u;
    const separator = new RegExp(`^${WORD_SEPARATORS.source}$`);
    const variationSelector = (code: number): boolean => code >= 0xfe00 && code <= 0xfe0f; // they follow emoji, which separate
    const splitWords: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (wordish.test(char) && separator.test(char) && !variationSelector(code)) splitWords.push(code.toString(16));
    }
    expect(splitWords, 'letters, digits and marks taken for separators').toEqual([]);
    // Punctuation and symbols of the blocks titles are written in all separate words.
    const blocks = [[0, 0x24f], [0x370, 0x6ff], [0x2000, 0x2bff], [0x3000, 0x30ff], [0xfe00, 0xfe6f], [0xff00, 0xffef]];
    const glued: string[] = [];
    for (const [from, to] of blocks) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        if (!wordish.test(char) && !/\p{Cn}/u.test(char) && !separator.test(char)) glued.push(code.toString(16));
      }
    }
    expect(glued, 'punctuation or symbols kept inside words').toEqual([]);
  });

  it('finds a query echoed in a title whatever punctuation of its script joins the words', () => {
    expect(titleEchoesQuery('☕️Coffee shops near me', ['coffee shops near me'])).toBe(true);
    expect(titleEchoesQuery('ニュース・天気 - 検索', ['ニュース 天気'])).toBe(true);
    expect(titleEchoesQuery('佐々木 - 検索', ['佐々木'])).toBe(true);
  });

  it('keeps the letters of every script, accents and digits within a word, and splits at punctuation, symbols and emoji', () => {
    expect(holdsWords('Café crème — Paris', 'CAFÉ CRÈME')).toBe(true);
    expect(holdsWords('Cafe\u0301 noir', 'cafe')).toBe(false); // a combining accent belongs to its word
    expect(holdsWords('Straße™ für alle', 'straße')).toBe(true);
    expect(holdsWords('Москва: новости дня', 'новости')).toBe(true);
    expect(holdsWords('東京の天気｜ニュース', '東京の天気')).toBe(true);
    expect(holdsWords('مرحبا، بالعالم', 'مرحبا')).toBe(true);
    expect(holdsWords('Top 10 films of 2024 🎬 reviews', '2024 reviews')).toBe(true);
    expect(holdsWords('snake_case and kebab-case', 'case and kebab')).toBe(true);
    expect(holdsWords('Win10 tips', 'win')).toBe(false);
  });
});
