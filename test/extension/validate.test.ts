// What the background accepts from a content script, and what it refuses.
import { describe, expect, it } from 'vitest';
import { validateVisitUpdate } from '../../extension/validate';
import { isExcluded, parseExclusion, DEFAULT_EXCLUSIONS } from '../../extension/exclusions';
import { update, visitAt } from './fixtures';

const NOW = Date.UTC(2026, 10, 27);

describe('validateVisitUpdate', () => {
  const good = () => update(visitAt('docs.example', NOW - 120_000), true, 'valid-key-123');

  it('accepts a well-formed report and strips query and fragment again', () => {
    const report = good();
    report.visit.url = 'https://docs.example/guide?token=abc#part';
    const checked = validateVisitUpdate(report, NOW);
    expect(checked.visit.url).toBe('https://docs.example/guide');
    expect(checked.visit.path).toBe('/guide');
    expect(JSON.stringify(checked)).not.toContain('token');
  });

  it('takes host and path from the url, not from the report', () => {
    const report = good();
    report.visit.host = 'other.example';
    expect(validateVisitUpdate(report, NOW).visit.host).toBe('docs.example');
  });

  it.each([
    ['a non-object', 42, 'must be an object'],
    ['a missing visit', { key: 'valid-key-123', final: true }, 'visit must be an object'],
    ['a bad key', { ...good(), key: 'x' }, 'key is malformed'],
    ['a browser page', { ...good(), visit: { ...good().visit, url: 'chrome://settings/' } }, 'Only web pages'],
    ['a huge title', { ...good(), visit: { ...good().visit, title: 'x'.repeat(1_000_000) } }, 'longer than 300'],
    ['a negative count', { ...good(), visit: { ...good().visit, clicks: -1 } }, '“clicks” must be a number'],
    ['a NaN', { ...good(), visit: { ...good().visit, activeMs: Number.NaN } }, '“activeMs” must be a number'],
    ['active time longer than the visit', { ...good(), visit: { ...good().visit, activeMs: 10 * 86_400_000 } }, '“activeMs”'],
    ['scroll past the end', { ...good(), visit: { ...good().visit, scrollDepth: 1.5 } }, '“scrollDepth”'],
    ['an unknown kind', { ...good(), visit: { ...good().visit, kind: 'weird' } }, 'Unknown page kind'],
    ['a string for a number', { ...good(), visit: { ...good().visit, keys: '3' } }, '“keys”'],
    ['a time travelling visit', { ...good(), visit: { ...good().visit, endedAt: 0 } }, 'end before it starts'],
    ['keywords that are no list', { ...good(), visit: { ...good().visit, keywords: 'tide' } }, '“keywords” must be a list of at most 12 words'],
    ['thirteen keywords', { ...good(), visit: { ...good().visit, keywords: Array.from({ length: 13 }, (_, i) => `word${i}`) } }, '“keywords”'],
    ['a keyword that is no text', { ...good(), visit: { ...good().visit, keywords: ['tide', 3] } }, '“keywords”'],
    ['an empty keyword', { ...good(), visit: { ...good().visit, keywords: [''] } }, '“keywords”'],
    ['a huge keyword', { ...good(), visit: { ...good().visit, keywords: ['x'.repeat(31)] } }, 'of 1 to 30 characters'],
  ])('refuses %s', (_, report, message) => {
    expect(() => validateVisitUpdate(report, NOW)).toThrow(message);
  });
});

describe('validateVisitUpdate keeps only the title and description the page text rules allow', () => {
  const report = (host: string, path: string, title: string, description = '') =>
    update(visitAt(host, NOW - 120_000, { path, title, description }), true, 'valid-key-123');
  const stored = (host: string, path: string, title: string, description = '') =>
    validateVisitUpdate(report(host, path, title, description), NOW).visit;

  it('keeps no title or description of a search results page', () => {
    expect(stored('www.google.com', '/search', 'hiv test results - Google Search', 'hiv test results')).toMatchObject({ title: '', description: '' });
    expect(stored('www.amazon.de', '/s', 'Amazon.de : hiv test')).toMatchObject({ title: '' });
    const marked = report('shop.example', '/catalog', 'Shop.example : hiv test');
    marked.visit.kind = 'search'; // the content script saw the title repeat the query
    expect(validateVisitUpdate(marked, NOW).visit.title).toBe('');
  });

  it('removes e-mail addresses and long numbers from other titles and descriptions', () => {
    expect(stored('mail.example', '/inbox', 'Inbox (3) – jane.doe@example.com – Mail').title).toBe('Inbox (3) – – Mail');
    expect(stored('shop.example', '/orders/view', 'Order 123456789 shipped', 'Call 555-123-4567 with questions')).toMatchObject({
      title: 'Order shipped',
      description: 'Call with questions',
    });
  });

  it('keeps no keywords of a search results page, and none with an e-mail address, a long number or no letter on others', () => {
    const withKeywords = (host: string, path: string, keywords: string[]) =>
      validateVisitUpdate(update(visitAt(host, NOW - 120_000, { path, keywords }), true, 'valid-key-123'), NOW).visit;
    expect(withKeywords('www.google.com', '/search', ['tide', 'harbour'])).not.toHaveProperty('keywords');
    expect(withKeywords('shop.example', '/results', ['tide'])).not.toHaveProperty('keywords');
    const kept = withKeywords('news.example', '/tides', ['tide', 'jane@example.com', '1234567', '2024', 'tide', 'covid19', 'jane@']);
    expect(kept.keywords).toEqual(['tide', 'covid19']);
    // A list with nothing left to keep is no field at all, as in a visit recorded before keywords were read.
    expect(withKeywords('news.example', '/tides', ['2024'])).not.toHaveProperty('keywords');
  });

  it('keeps years, short numbers and ordinary titles word for word', () => {
    expect(stored('music.example', '/lists/best', 'Best of 2024').title).toBe('Best of 2024');
    const title = 'Rivers rise across the valley as 3 towns flood';
    expect(stored('news.example', '/uk/rivers-rise', title, 'Flood warnings were issued on Tuesday.')).toMatchObject({
      title,
      description: 'Flood warnings were issued on Tuesday.',
    });
  });
});

describe('exclusions', () => {
  it('matches a site and its subdomains, not look-alikes', () => {
    expect(isExcluded('paypal.com', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('www.paypal.com', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('my.paypal.com', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('notpaypal.com', '/', ['paypal.com'])).toBe(false);
  });

  it('matches patterns over host and path', () => {
    expect(isExcluded('example.com', '/login', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('shop.example', '/account/security/keys', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('mybank.example', '/', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('news.example', '/world', DEFAULT_EXCLUSIONS)).toBe(false);
  });

  it('normalises what the user types and refuses what is not a site', () => {
    expect(parseExclusion('  https://WWW.Example.com ')).toBe('example.com');
    expect(() => parseExclusion('<script>')).toThrow('not a site');
    expect(() => parseExclusion(7)).toThrow('must be text');
  });
});
