// @vitest-environment happy-dom
// Page features read from realistic documents: the address loses its query and fragment, text is
// capped, the page kind follows the markup, hostile pages stay bounded.
import { afterEach, describe, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { DESCRIPTION_MAX, hostOf, readPageFeatures, TITLE_MAX, visitUrlOf } from '../../../extension/content/page-features';
import { primaryLanguage, readMetaTags } from '../../../extension/content/page-text';

const windows: Window[] = [];
afterEach(() => windows.splice(0).forEach((win) => win.close()));

function page(url: string, html: string): { doc: Document; href: string } {
  const win = new Window({ url });
  windows.push(win);
  win.document.write(html);
  return { doc: win.document as unknown as Document, href: win.location.href };
}

const NEWS = `<!doctype html><html lang="en-GB"><head>
  <title>
    Rivers rise   across the valley
  </title>
  <meta name="description" content="Flood warnings were issued on Tuesday as three rivers rose.">
  <meta property="og:type" content="article">
</head><body>
  <nav><a href="/">Home</a><a href="/world">World</a></nav>
  <article><h1>Rivers rise</h1>${'<p>The water reached the old bridge before dawn and kept climbing through the morning.</p>'.repeat(40)}
  <img src="a.jpg"><img src="b.jpg"></article>
  <script>window.__STATE__ = ${JSON.stringify({ data: 'x'.repeat(30_000) })}</script>
</body></html>`;

describe('readPageFeatures', () => {
  test('keeps origin and path, never the query or the fragment', () => {
    const { doc, href } = page('https://www.news.example/uk/rivers-rise?utm_source=mail&token=s3cr3t#comments', NEWS);
    const features = readPageFeatures(doc, href, 'mail.example');
    expect(features.url).toBe('https://www.news.example/uk/rivers-rise');
    expect(features.host).toBe('www.news.example');
    expect(features.path).toBe('/uk/rivers-rise');
    expect(JSON.stringify(features)).not.toMatch(/s3cr3t|utm_source|comments/);
    expect(features.referrerHost).toBe('mail.example');
  });

  test('reads a news article: title, description, language, kind and sizes', () => {
    const { doc, href } = page('https://www.news.example/uk/rivers-rise', NEWS);
    const features = readPageFeatures(doc, href, '');
    expect(features.title).toBe('Rivers rise across the valley');
    expect(features.description).toBe('Flood warnings were issued on Tuesday as three rivers rose.');
    expect(features.lang).toBe('en');
    expect(features.kind).toBe('article');
    expect(features.links).toBe(2);
    expect(features.images).toBe(2);
    expect(features.videos).toBe(0);
    // 40 sentences of 14 words; the 30 kB of inline script state is not text.
    expect(features.words).toBeGreaterThan(400);
    expect(features.words).toBeLessThan(900);
  });

  test('caps a hostile title, description and language and stays bounded', () => {
    const hugeTitle = 'Win '.repeat(250_000);
    const html = `<html lang="${'x'.repeat(5000)}"><head><title>${hugeTitle}</title>
      <meta name="description" content="${'cheap '.repeat(10_000)}"></head><body>${'<div><a href="#">x</a></div>'.repeat(2000)}</body></html>`;
    const { doc, href } = page(`https://spam.example/${'deep/'.repeat(1000)}`, html);
    const features = readPageFeatures(doc, href, '');
    expect(features.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(features.title.startsWith('Win Win')).toBe(true);
    expect(features.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(features.lang).toBe('');
    expect(features.path.length).toBeLessThanOrEqual(1000);
    expect(features.links).toBe(2000);
  });

  test('a page without head, body or title still gives a record', () => {
    const { doc, href } = page('http://bare.example/', '');
    const features = readPageFeatures(doc, href, '');
    expect(features).toMatchObject({ title: '', description: '', lang: '', words: 0, kind: 'home' });
  });
});

describe('meta tags', () => {
  test('the first of each wanted tag, by name or property in any case, from the head alone', () => {
    const { doc } = page('https://a.example/', `<head>
      <meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <meta NAME="Description" content="first">
      <meta name="description" content="second">
      <meta property="OG:TYPE" content="video.other">
    </head><body><meta name="og:description" content="in the body"></body>`);
    const metas = readMetaTags(doc, ['description', 'og:type', 'og:description']);
    expect(Object.fromEntries(metas)).toEqual({ description: 'first', 'og:type': 'video.other' });
  });

  test('looks at no more than the first 200 meta tags of a hostile head', () => {
    const filler = '<meta name="x" content="y">'.repeat(5000);
    const { doc } = page('https://a.example/', `<head>${filler}<meta name="description" content="late"></head><body></body>`);
    expect(readMetaTags(doc, ['description']).size).toBe(0);
  });
});

describe('page kind', () => {
  const kindOf = (url: string, html: string) => {
    const { doc, href } = page(url, html);
    return readPageFeatures(doc, href, '').kind;
  };

  test('search results need a result path and a search box', () => {
    const box = '<form role="search" action="/search"><input type="search" name="q"></form>';
    expect(kindOf('https://find.example/search?q=cats', `<body>${box}<ol><li><a href="/a">a</a></li></ol></body>`)).toBe('search');
    expect(kindOf('https://find.example/search?q=cats', '<body><p>Our search team</p></body>')).not.toBe('search');
    expect(kindOf('https://shop.example/catalog', `<body>${box}</body>`)).not.toBe('search');
  });

  test('a page whose title repeats a query value is search results, whatever its markup', () => {
    const titled = (title: string) => `<head><title>${title}</title></head><body><article><p>Item</p></article></body>`;
    expect(kindOf('https://shop.example/s?k=hiv+test&ref=nav', titled('Shop.example : HIV test'))).toBe('search');
    expect(kindOf('https://find.example/?q=hiv%20test#top', titled('hiv test at Find'))).toBe('search');
    expect(kindOf('https://shop.example/s?k=hiv+test', titled('Shop.example'))).toBe('article');
    expect(kindOf('https://news.example/story?page=2', titled('Page 2 of the story'))).toBe('article');
  });

  test('video pages from og:type, a watch path or a lone player', () => {
    expect(kindOf('https://tube.example/watch?v=abc', '<body><div id="player"></div></body>')).toBe('video');
    expect(kindOf('https://tv.example/show/1', '<head><meta property="og:type" content="video.episode"></head><body></body>')).toBe('video');
    expect(kindOf('https://clips.example/c/99', '<body><video src="c.mp4"></video><p>Nice clip</p></body>')).toBe('video');
    // A video inside an article is an article.
    expect(kindOf('https://news.example/story', '<body><article><video></video><p>Story</p></article></body>')).toBe('article');
  });

  test('form pages: sign-in or several fields to fill, but not a comment box under an article', () => {
    const signIn = '<body><form><input name="user"><input type="password" name="pass"><button>Sign in</button></form></body>';
    expect(kindOf('https://mail.example/login', signIn)).toBe('form');
    const address = '<body><form><input name="a"><input name="b"><input type="email" name="c"><select name="d"></select><input type="hidden" name="e"></form></body>';
    expect(kindOf('https://shop.example/checkout/address', address)).toBe('form');
    const newsletter = '<body><form><input type="email" name="e"><input type="submit"></form><p>Sign up</p></body>';
    expect(kindOf('https://blog.example/about', newsletter)).toBe('other');
  });

  test('home pages and listings', () => {
    const teasers = '<article><a href="/1">One</a></article>'.repeat(12);
    expect(kindOf('https://news.example/', `<body>${teasers}</body>`)).toBe('home');
    expect(kindOf('https://news.example/en/', '<body><p>Welcome</p></body>')).toBe('home');
    expect(kindOf('https://news.example/world', `<body>${teasers}</body>`)).toBe('listing');
    const linkFarm = '<li><a href="/x">Item</a></li>'.repeat(80);
    expect(kindOf('https://shop.example/category/shoes', `<body><ul>${linkFarm}</ul></body>`)).toBe('listing');
    expect(kindOf('https://docs.example/guide/setup', `<body>${'<p>Install the tool and run it once.</p>'.repeat(30)}</body>`)).toBe('other');
  });
});

describe('addresses and languages', () => {
  test('only http(s) addresses are pages', () => {
    expect(visitUrlOf('https://a.example/x/y?z=1#w')).toBe('https://a.example/x/y');
    expect(visitUrlOf('http://a.example:8080')).toBe('http://a.example:8080/');
    expect(visitUrlOf('chrome://settings/')).toBeNull();
    expect(visitUrlOf('not a url')).toBeNull();
    expect(hostOf('https://WWW.Example.com/path?q=1')).toBe('www.example.com');
    expect(hostOf('')).toBe('');
    expect(hostOf('about:blank')).toBe('');
  });

  test('primary language tag, lower case', () => {
    expect(primaryLanguage('en-US')).toBe('en');
    expect(primaryLanguage('PT_br')).toBe('pt');
    expect(primaryLanguage('fil')).toBe('fil');
    expect(primaryLanguage('')).toBe('');
    expect(primaryLanguage('english')).toBe('');
  });
});
