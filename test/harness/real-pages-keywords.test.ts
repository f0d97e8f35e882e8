// Placing a real page's keywords: in Readability's main content, only in the rest of the page, or
// in neither, with the pages' text read from their HTML as a reader would see it.
import { describe, expect, it } from 'vitest';
import { htmlText, placeKeywords } from '../../harness/real-pages/keywords';

const MAIN = '<div><p>The tide rose over the harbour &amp; the pier.</p></div>';
const PAGE = `<html><head><style>.tide-menu { color: red }</style><script>var cookies = 1;</script></head><body>
  <nav>Newsletter</nav>${MAIN}<!-- sponsor --><footer>Cookies &#8212; privacy</footer></body></html>`;

describe('real-page keywords', () => {
  it('reads a page’s text without scripts, styles, comments or tags, references decoded', () => {
    const text = htmlText(PAGE);
    expect(text).toContain('harbour & the pier');
    expect(text).toContain('cookies — privacy');
    expect(text).not.toMatch(/color|var cookies|sponsor|<|tide-menu/);
  });

  it('places each keyword in the main content, only elsewhere, or nowhere, as whole words', () => {
    expect(placeKeywords(['tide', 'newsletter', 'privacy', 'sponsor', 'harb', 'color'], MAIN, PAGE)).toEqual({
      inMain: ['tide'],
      onlyElsewhere: ['newsletter', 'privacy'],
      nowhere: ['sponsor', 'harb', 'color'],
    });
  });

  it('looks for a keyword of a script without spaces inside the text', () => {
    expect(placeKeywords(['潮水', '港口'], '<p>我们看到潮水越过</p>', '<p>我们看到潮水越过</p><footer>港口新闻</footer>')).toEqual({
      inMain: ['潮水'], onlyElsewhere: ['港口'], nowhere: [],
    });
  });
});
