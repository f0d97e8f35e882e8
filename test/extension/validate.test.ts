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
  ])('refuses %s', (_, report, message) => {
    expect(() => validateVisitUpdate(report, NOW)).toThrow(message);
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
