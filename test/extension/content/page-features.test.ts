// @vitest-environment happy-dom
// Page features read from realistic documents: the address loses its query and fragment, text is
// capped, the page kind follows the markup, hostile pages stay bounded.
import { afterEach, describe, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { DESCRIPTION_MAX, hostOf, readPageFeatures, TITLE_MAX, visitUrlOf } from '../../../extension/content/page-features';
import { decodeReferences, estimateWords, primaryLanguage, readMetaTags } from '../../../extension/content/page-text';

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

describe('word estimate', () => {
  test('counts the text of the body, not its scripts, styles or comments, at any depth', () => {
    const words = 'word '.repeat(600); // 3,000 characters: 500 words at six characters a word
    const code = 'x'.repeat(60_000);
    const { doc } = page('https://a.example/', `<html><body>
      <script>${code}</script><!--${code}--><style>.a{}${code}</style>
      <div><p>${words}</p><script>${code}</script><div><style>${code}</style></div><!--${code}--></div>
      ${words}</body></html>`);
    const text = [...doc.body.getElementsByTagName('p')].map((p) => p.textContent ?? '').join('') + words;
    // White space between the elements is text too, a few characters of it.
    expect(estimateWords(doc)).toBeGreaterThanOrEqual(Math.round(text.length / 6));
    expect(estimateWords(doc)).toBeLessThan(Math.round(text.length / 6) + 10);
  });

  test('a body of thousands of children is read whole, and top-level scripts never use up the scripts subtracted', () => {
    const words = 'word '.repeat(600);
    const code = 'x'.repeat(6_000);
    const expected = Math.round((3 * words.length) / 6);
    // 300 scripts at the top, then deeper ones: each deeper one is still subtracted.
    const scripted = page('https://a.example/', `<html><body>${`<script>${code}</script>`.repeat(300)}<p>${words}</p>${`<div><script>${code}</script></div>`.repeat(150)}<p>${words}</p><p>${words}</p></body></html>`);
    expect(estimateWords(scripted.doc)).toBe(expected);
    // 3,000 children: read whole, the scripts (all deeper than the cap would allow one by one) subtracted.
    const wide = page('https://a.example/', `<html><body>${'<i></i>'.repeat(3000)}<p>${words}</p><script>${code}</script><p>${words}</p><p>${words}</p></body></html>`);
    expect(wide.doc.body.childNodes.length).toBeGreaterThan(2000);
    expect(estimateWords(wide.doc)).toBe(expected);
  });

  test('a page without a body has no words', () => {
    const { doc } = page('https://a.example/', '<html><head><title>t</title></head></html>');
    doc.documentElement.removeChild(doc.body);
    expect(estimateWords(doc)).toBe(0);
  });
});

describe('meta tags', () => {
  test('the first content of each wanted tag, by name, property or http-equiv in any case', () => {
    const { doc } = page('https://a.example/', `<head>
      <meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <meta NAME="Description" content="first">
      <meta name="description" content="second">
      <meta property="OG:TYPE" content="video.other">
      <meta http-equiv="Content-Language" content="de-AT">
    </head><body></body>`);
    const metas = readMetaTags(doc, ['description', 'og:type', 'og:description', 'content-language']);
    expect(Object.fromEntries(metas)).toEqual({ description: 'first', 'og:type': 'video.other', 'content-language': 'de-AT' });
  });

  test('a tag without content is passed over, and one tag may name several', () => {
    const { doc } = page('https://a.example/', `<head>
      <meta name="description" content="">
      <meta property="og:description twitter:description">
      <meta property="dc:description  og:description" content=" Preferred ">
    </head><body></body>`);
    const metas = readMetaTags(doc, ['description', 'og:description', 'dc:description', 'twitter:description']);
    expect(Object.fromEntries(metas)).toEqual({ 'og:description': 'Preferred', 'dc:description': 'Preferred' });
  });

  test('tags among the first children of the body count too, not those deeper in it', () => {
    // Where a browser puts the tags that follow a stray element in the head (`<head><div>ad</div><meta …>`).
    const { doc } = page('https://a.example/', `<html><head><title>T</title></head><body><div>ad</div>
      <meta name="description" content="moved"><article><meta name="og:title" content="microdata, deep in the page"></article>
      ${'<div></div>'.repeat(100)}<meta name="twitter:title" content="past the first hundred children"><p>x</p></body></html>`);
    expect(Object.fromEntries(readMetaTags(doc, ['description', 'og:title', 'twitter:title']))).toEqual({ description: 'moved' });
  });

  test('looks at no more than the first 200 meta tags of a hostile page', () => {
    const filler = '<meta name="x" content="y">'.repeat(5000);
    const { doc } = page('https://a.example/', `<head>${filler}<meta name="description" content="late"></head><body></body>`);
    expect(readMetaTags(doc, ['description']).size).toBe(0);
  });

  test('character references escaped once too often are decoded', () => {
    expect(decodeReferences('That&#039;s what you&#x27;re &quot;about&quot; to see &amp; more')).toBe('That\'s what you\'re "about" to see & more');
    expect(decodeReferences('&amp;amp; stays &amp; once')).toBe('&amp; stays & once');
    expect(decodeReferences('&#x1F62D; &#128557; &#xFFFFFFFF; &#x0; &#xD800; &#xg; &copy;')).toBe('😭 😭 \ufffd \ufffd \ufffd &#xg; &copy;');
  });
});

describe('title, description and language', () => {
  const read = (html: string, url = 'https://news.example/2024/rivers') => {
    const { doc, href } = page(url, html);
    return readPageFeatures(doc, href, '');
  };

  test('the title the page declares, without the site name its title element adds', () => {
    expect(read(`<head><title>Rivers rise (with pictures) | The Daily Example</title>
      <meta property="og:title" content="Rivers rise"></head>`).title).toBe('Rivers rise');
    expect(read(`<head><title>The Daily Example</title>
      <meta name="twitter:title" content="Rivers rise"></head>`).title).toBe('Rivers rise');
    expect(read(`<head><title>Rivers rise - Daily</title><meta property="og:title" content="Open Graph title">
      <meta property="dc:title" content="Dublin Core title"></head>`).title).toBe('Dublin Core title');
    expect(read('<head><title></title><meta property="og:title" content="Only declared"></head>').title).toBe('Only declared');
    expect(read('<head><title>  Just   the title </title></head>').title).toBe('Just the title');
  });

  test('a structured-data headline, where the title element repeats it', () => {
    const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
    const head = (title: string, extra: string) => read(`<head><title>${title}</title>
      <meta property="og:title" content="Vision Pro is the display moment">${extra}</head>`).title;
    // The og:title is a variant written for sharing; the headline is the one on the page.
    expect(head('Vision Pro hands-on: the display moment - The Verge', ld('{"@type":"NewsArticle","headline":"Vision Pro hands-on: the display moment"}')))
      .toBe('Vision Pro hands-on: the display moment');
    // A headline the title element does not repeat (a summary, on some sites) is not taken.
    expect(head('New Zealand - Wikipedia', ld('{"@type":"Article","name":"New Zealand","headline":"country in Oceania"}'))).toBe('Vision Pro is the display moment');
    // Escapes, a CDATA wrapper, a graph of several items; broken blocks are passed over.
    expect(head('Aktuálně: West Ham hrozí | Site', ld('{ broken') + ld('<![CDATA[{"@graph":[{"@type":"WebSite"},{"headline":"Aktu\\u00e1ln\\u011b: West Ham hroz\\u00ed"}]}]]>')))
      .toBe('Aktuálně: West Ham hrozí');
    expect(head('', ld('{"headline":"No title element to repeat it"}'))).toBe('Vision Pro is the display moment');
  });

  test('a declared title that is only the site name gives way to the title element', () => {
    const site = (meta: string) => read(`<head><title>Russia: a space ship breaks up</title>${meta}
      <meta property="og:title" content="Yahoo News - Latest News &amp;amp; Headlines"></head>`).title;
    expect(site('<meta name="application-name" content="Yahoo News - Latest News &amp;amp; Headlines">')).toBe('Russia: a space ship breaks up');
    expect(site('<meta property="og:site_name" content="yahoo news - latest news &amp; headlines">')).toBe('Russia: a space ship breaks up');
    expect(site('')).toBe('Yahoo News - Latest News & Headlines');
  });

  test('a declared title is capped and decoded like the title element', () => {
    const title = read(`<head><meta property="og:title" content="${'That&amp;#039;s long '.repeat(200)}"></head>`).title;
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.startsWith("That's long That's long")).toBe(true);
  });

  test('results whose title element repeats the query keep no title, whatever title they declare', () => {
    const features = read(`<head><title>hiv test - Find</title><meta property="og:title" content="Find: the search engine"></head>`,
      'https://find.example/?q=hiv+test');
    expect(features.kind).toBe('search');
    const declared = read('<head><title>Find</title><meta property="og:title" content="hiv test at Find"></head>', 'https://find.example/?q=hiv+test');
    expect(declared.kind).toBe('search');
  });

  test('the description the page declares, Dublin Core and Open Graph first, decoded', () => {
    expect(read(`<head><meta name="description" content="How to build it. Glass jars keep a bit of nature.">
      <meta property="og:description" content="Glass jars keep a bit of nature."></head>`).description).toBe('Glass jars keep a bit of nature.');
    expect(read(`<head><meta name="description" content="">
      <meta property="og:description" content="Built for those who build the Web."></head>`).description).toBe('Built for those who build the Web.');
    expect(read('<head><meta name="description" content="That&amp;#039;s what you see"></head>').description).toBe("That's what you see");
    expect(read('<head><meta name="twitter:description" content="Last resort"></head>').description).toBe('Last resort');
  });

  test('the language of the document, else the one its content-language pragma names', () => {
    expect(read('<html lang="fr-CA"><head><meta http-equiv="content-language" content="en"></head></html>').lang).toBe('fr');
    expect(read('<html><head><meta http-equiv="Content-Language" content="es_US"></head></html>').lang).toBe('es');
    expect(read('<html><head><meta http-equiv="content-language" content="en, fr"></head></html>').lang).toBe('');
    expect(read('<html><head><meta property="og:locale" content="en_GB"></head></html>').lang).toBe('');
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

describe('running text makes an article', () => {
  const kindOf = (url: string, body: string) => {
    const { doc, href } = page(url, `<html><head><title>A page</title></head><body>${body}</body></html>`);
    return readPageFeatures(doc, href, '').kind;
  };
  const sentence = 'The committee met on Tuesday and agreed, after a long debate about costs, to rebuild the old bridge by spring. ';
  const paragraph = (sentences: number) => `<p>${sentence.repeat(sentences)}</p>`;

  test('a few paragraphs of several sentences, with no article markup', () => {
    expect(kindOf('https://blog.example/2017/bridge', `<div class="post">${paragraph(2).repeat(3)}</div>`)).toBe('article');
    // One long paragraph is as much text (a page that breaks its lines with <br>).
    expect(kindOf('https://blog.example/2017/bridge', paragraph(6))).toBe('article');
  });

  test('short paragraphs, or too little text, are not an article', () => {
    expect(kindOf('https://blog.example/about', `${'<p>We make tools.</p>'.repeat(60)}`)).toBe('other');
    expect(kindOf('https://blog.example/about', `${paragraph(1)}${paragraph(1)}<p>Short.</p>`)).toBe('other');
  });

  test('teasers in list items do not count, and a page of three or more teasers stays a listing', () => {
    expect(kindOf('https://news.example/world', `<ul>${`<li><a href="/x">Story</a>${paragraph(2)}</li>`.repeat(8)}</ul>`)).toBe('other');
    const teasers = `<article><a href="/x">Story</a>${paragraph(2)}</article>`.repeat(4);
    expect(kindOf('https://news.example/world', teasers)).toBe('listing');
  });

  test('a home page stays a home page, and an article with a sign-in box is an article', () => {
    expect(kindOf('https://news.example/', paragraph(2).repeat(4))).toBe('home');
    const signIn = '<form><input name="user"><input type="password" name="pass"></form>';
    expect(kindOf('https://news.example/2017/bridge', signIn + paragraph(2).repeat(4))).toBe('article');
    expect(kindOf('https://news.example/login', signIn + '<p>Welcome back.</p>')).toBe('form');
  });

  test('looks at the first 300 paragraphs only', () => {
    expect(kindOf('https://spam.example/page', '<p>x</p>'.repeat(300) + paragraph(6))).toBe('other');
    expect(kindOf('https://spam.example/page', '<p>x</p>'.repeat(290) + paragraph(6))).toBe('article');
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
