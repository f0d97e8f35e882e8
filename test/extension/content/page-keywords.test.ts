// @vitest-environment happy-dom
// Content keywords read from realistic documents: the main block's paragraphs count, menus,
// sidebars and footers do not; stopwords, numbers and e-mail addresses never become keywords;
// scripts without spaces are cut into words; a huge page is read only so far.
import { afterEach, describe, expect, test } from 'vitest';
import { Window } from 'happy-dom';
import { mainText } from '../../../extension/content/page-keywords';
import { TEXT_MAX, topWords } from '../../../extension/keywords';
import { readPageFeatures } from '../../../extension/content/page-features';
import { VisitRecorder } from '../../../extension/content/visit-recorder';
import { KEYWORDS_MAX } from '../../../model/visit';

const windows: Window[] = [];
afterEach(() => windows.splice(0).forEach((win) => win.close()));

function documentOf(html: string, url = 'https://news.example/2024/tides'): Document {
  const win = new Window({ url });
  windows.push(win);
  win.document.write(html);
  return win.document as unknown as Document;
}

const paragraph = (text: string) => `<p>${text}</p>`;
const ARTICLE_TEXT = 'The tide surged past the harbour wall, and the harbour pilots watched the tide gauge climb all night.';
const MENU = '<nav><p>Subscribe to the newsletter today and subscribe again tomorrow for the newsletter</p><a href="/">Home</a></nav>';
const FOOTER = '<footer><p>Copyright notice: cookies, cookies and more cookies, privacy policy and cookies</p></footer>';
const SIDEBAR = `<div class="sidebar">${paragraph('Recipes for pancakes: pancakes with syrup, pancakes with berries.')}</div>`;

const NEWS = `<!doctype html><html lang="en"><head><title>Tide</title></head><body>
  ${MENU}
  <div id="page"><div class="story">${paragraph(ARTICLE_TEXT).repeat(6)}</div>${SIDEBAR}</div>
  ${FOOTER}
</body></html>`;

describe('main text', () => {
  test('is the text of the main block’s paragraphs, without menus, sidebars or footers', () => {
    const text = mainText(documentOf(NEWS));
    expect(text).toContain('harbour pilots');
    expect(text).not.toMatch(/newsletter|cookies|pancakes/);
  });

  test('takes a block whose paragraphs sit in sections of their own (its grandchildren)', () => {
    const sections = [1, 2, 3, 4].map((i) => `<section>${paragraph(`Section ${i}: ${ARTICLE_TEXT}`)}</section>`).join('');
    const doc = documentOf(`<body><main>${sections}</main><div class="related">${paragraph('Pancakes, pancakes and pancakes again tonight.')}</div></body>`);
    const text = mainText(doc);
    for (const i of [1, 2, 3, 4]) expect(text).toContain(`Section ${i}:`);
    expect(text).not.toContain('Pancakes');
  });

  test('passes over paragraphs in navigation or asides inside the main block', () => {
    const doc = documentOf(`<body><article>${paragraph(ARTICLE_TEXT).repeat(3)}<aside>${paragraph('Related: pancakes with syrup and pancakes with berries.')}</aside></article></body>`);
    expect(mainText(doc)).not.toContain('pancakes');
  });

  test('passes over a comment form under the text, but reads a page its site wrapped in a form', () => {
    const comments = `<form><p>Your email address will not be published. Required fields are marked.</p></form>`;
    expect(mainText(documentOf(`<body><article>${paragraph(ARTICLE_TEXT).repeat(3)}${comments}</article></body>`))).not.toContain('Required');
    // A post written as a list, its only paragraphs those of the comment form: the post's main block is read.
    const listPost = `<body><article><ul><li>${ARTICLE_TEXT}</li></ul><div>${comments.repeat(2)}</div></article></body>`;
    expect(mainText(documentOf(listPost))).toContain('harbour pilots');
    expect(mainText(documentOf(`<body><form id="aspnetForm"><div>${paragraph(ARTICLE_TEXT).repeat(3)}</div></form></body>`))).toContain('harbour pilots');
  });

  test('leaves out scripts and styles that broken markup put inside a paragraph', () => {
    const doc = documentOf(`<body><div><p>${ARTICLE_TEXT}<script>var playlist = 1;</script><style>.player { color: red }</style> More text.</p></div></body>`);
    expect(mainText(doc)).toContain('harbour pilots');
    expect(mainText(doc)).toContain('More text');
    expect(mainText(doc)).not.toMatch(/playlist|player|color/);
  });

  test('falls back on the page’s article when its text has no paragraphs', () => {
    const doc = documentOf(`<body><nav>Home News Sport</nav><article><div>${ARTICLE_TEXT}</div></article></body>`);
    expect(mainText(doc)).toContain('harbour pilots');
    expect(mainText(doc)).not.toContain('Sport');
    expect(mainText(documentOf('<body><div>Just a div of text, no paragraphs and no article.</div></body>'))).toBe('');
  });

  test('leaves out the text of scripts and styles inside a paragraph, and keeps that of its other elements', () => {
    const words = 'The harbour pilots waited for the tide to turn before guiding the ships in.';
    const doc = documentOf(`<body><div><p>${words} <b>Bold pilots</b><script>var tracking = 1;</script><style>p { color: red }</style> end.</p>`
      + `<p>${words} plain</p></div></body>`);
    const text = mainText(doc);
    expect(text).toContain('Bold pilots');
    expect(text).toContain(' end.');
    expect(text).toContain(`${words} plain`);
    expect(text).not.toMatch(/tracking|color/);
  });

  test('is bounded on a huge page: the first 300 paragraphs, TEXT_MAX characters', () => {
    const late = `<p>${'zebra '.repeat(20)}</p>`;
    const doc = documentOf(`<body><div>${paragraph(ARTICLE_TEXT).repeat(300)}${late.repeat(50)}</div></body>`);
    const text = mainText(doc);
    expect(text.length).toBeLessThanOrEqual(TEXT_MAX);
    expect(text).not.toContain('zebra');
    const long = documentOf(`<body><div>${paragraph('word '.repeat(20_000))}</div></body>`);
    expect(mainText(long).length).toBe(TEXT_MAX);
  });
});

/** What the page hands over and the background counts: the keywords of a document. */
const readKeywords = (doc: Document, lang: string): string[] => topWords(mainText(doc), lang);

describe('keywords', () => {
  test('are the most frequent informative words of the main text, the most frequent first', () => {
    expect(readKeywords(documentOf(NEWS), 'en').slice(0, 2)).toEqual(['tide', 'harbour']);
    const keywords = readKeywords(documentOf(NEWS), 'en');
    expect(keywords).toContain('pilots');
    for (const word of ['the', 'and', 'all', 'newsletter', 'cookies', 'pancakes']) expect(keywords).not.toContain(word);
  });

  test('are at most twelve, each once, ties in the order they first occur', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const keywords = topWords(`${words.join(' ')} ${words[20]}`, 'en');
    expect(keywords).toHaveLength(KEYWORDS_MAX);
    expect(keywords[0]).toBe(words[20]);
    expect(keywords.slice(1)).toEqual(words.slice(0, 11));
  });

  test('are never numbers alone, short words, e-mail addresses or very long strings', () => {
    const text = 'Call 555 1234 or write to jane.doe@example.com: 2024 2024 2024 ok ok ok jane jane '
      + `${'x'.repeat(40)} ${'x'.repeat(40)} covid19 covid19`;
    const keywords = topWords(text, 'en');
    expect(keywords).toEqual(['jane', 'covid19', 'call', 'write']);
    expect(keywords.join(' ')).not.toMatch(/@|example|\d{3}/);
  });

  test('read text with and without e-mail addresses, and words of every script in one text, alike', () => {
    expect(topWords('Tide tide harbour, write to pilots@harbour.example or PILOTS@EXAMPLE.ORG', 'en')).toEqual(['tide', 'harbour', 'write']);
    expect(topWords('Tide tide harbour, write to the pilots', 'en')).toEqual(['tide', 'harbour', 'write', 'pilots']);
    // One word of Han in English text: the whole text goes through the word breaker, and each word is judged by its own script.
    const mixed = topWords('Tide tide harbour 港口 港口 港口 of', 'en');
    expect(mixed).toEqual(['港口', 'tide', 'harbour']);
  });

  test('leave out the stopwords of the page’s language, and of every listed language when it is not known', () => {
    expect(topWords('Die Flut stieg über die Mauer, und die Flut kam wieder.', 'de')).toEqual(['flut', 'stieg', 'mauer', 'kam']);
    expect(topWords('La marée monte dans le port et la marée descend.', 'fr')).toEqual(['marée', 'monte', 'port', 'descend']);
    expect(topWords('Los barcos del puerto esperan la marea con los pilotos.', 'es')).toEqual(['barcos', 'puerto', 'esperan', 'marea', 'pilotos']);
    expect(topWords('Прилив поднялся над стеной, и это было очень быстро.', 'ru')).toEqual(['прилив', 'поднялся', 'стеной', 'быстро']);
    // A word that is a stopword elsewhere is kept where it means something: the English "war", German "was".
    expect(topWords('The war ended; the war was long.', 'en')).toContain('war');
    expect(topWords('Es war einmal, es war kalt.', 'de')).not.toContain('war');
    expect(topWords('Die Flut und the tide', '')).toEqual(['flut', 'tide']);
  });

  test('are cut out of Chinese and Japanese text by the browser’s word breaker; kana grammar is passed over', () => {
    const chinese = topWords('潮水上涨了。我们看到潮水越过港口的墙。潮水很大。', 'zh');
    expect(chinese[0]).toBe('潮水');
    expect(chinese).toContain('港口');
    expect(chinese).not.toContain('我们');
    const japanese = topWords('東京の天気は晴れです。東京では明日も晴れるでしょう。', 'ja');
    expect(japanese[0]).toBe('東京');
    expect(japanese.some((word) => /^[\u3040-\u309f]+$/.test(word))).toBe(false);
  });

  test('are not read with the page features: the main text is read on its own, and never on a search results page', () => {
    const recorderOf = (doc: Document, url: string): VisitRecorder => {
      const recorder = new VisitRecorder({ doc, makeKey: () => 'key-of-visit', measureScroll: () => null }, 0, { visible: true, focused: true, mediaPlaying: false });
      recorder.begin(0, url, '');
      return recorder;
    };
    const article = documentOf(NEWS);
    expect(readPageFeatures(article, 'https://news.example/2024/tides', '')).not.toHaveProperty('keywords');
    const reading = recorderOf(article, 'https://news.example/2024/tides');
    expect(reading.snapshot(1).keywords).toBeUndefined();
    const text = reading.mainText();
    expect(text).toBe(mainText(article));
    reading.setKeywords(topWords(text, 'en'));
    expect(reading.snapshot(1).keywords?.slice(0, 2)).toEqual(['tide', 'harbour']);
    // Once the keywords are known, the text is not read again.
    expect(reading.mainText()).toBe('');
    const results = documentOf(NEWS.replace('<title>Tide</title>', '<title>harbour tide - Search</title>'), 'https://news.example/news?q=harbour+tide');
    const search = recorderOf(results, 'https://news.example/news?q=harbour+tide');
    expect(search.mainText()).toBe('');
    expect(search.snapshot(1)).toMatchObject({ kind: 'search' });
    expect(search.snapshot(1).keywords).toBeUndefined();
  });
});
