// The default exclusion list covers each kind of place people keep to themselves, and matching
// treats a site the same whatever its spelling (`www.`, a final dot) without catching look-alikes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUSIONS, isExcluded, parseExclusion } from '../../extension/exclusions';

/** A real address of each kind of sensitive place, as a browser would report it. */
const SENSITIVE: Record<string, string[]> = {
  'password managers': ['https://my.1password.com/vaults', 'https://vault.bitwarden.com/', 'https://lastpass.com/vault/',
    'https://app.dashlane.com/', 'https://keepersecurity.com/vault/'],
  'webmail beyond Gmail': ['https://outlook.office365.com/mail/inbox', 'https://mail.yahoo.com/d/folders/1',
    'https://www.icloud.com/mail/', 'https://mail.proton.me/u/0/inbox', 'https://app.fastmail.com/mail/Inbox', 'https://mail.aol.com/', 'https://webmail.example.edu/'],
  messaging: ['https://www.messenger.com/t/1234', 'https://web.whatsapp.com/', 'https://web.telegram.org/k/',
    'https://discord.com/channels/@me', 'https://signal.org/', 'https://www.facebook.com/messages/t/1234'],
  'adult sites': ['https://www.pornhub.com/', 'https://www.xvideos.com/', 'https://onlyfans.com/someone'],
  dating: ['https://tinder.com/app/recs', 'https://bumble.com/app', 'https://www.okcupid.com/home',
    'https://web.grindr.com/', 'https://www.match.com/', 'https://hinge.co/'],
  brokerage: ['https://digital.fidelity.com/ftgw/digital/portfolio', 'https://client.schwab.com/app/accounts',
    'https://investor.vanguard.com/', 'https://us.etrade.com/', 'https://robinhood.com/account', 'https://www.interactivebrokers.com/'],
  'tax and government': ['https://sa.www4.irs.gov/ola/', 'https://secure.login.gov/', 'https://account.id.me/',
    'https://www.tax.service.gov.uk/account', 'https://www.ssa.gov/myaccount/'],
  therapy: ['https://www.betterhelp.com/', 'https://www.talkspace.com/', 'https://onlinetherapy.example/',
    'https://www.psychologytoday.com/us/therapists/ny/new-york'],
  'reproductive health': ['https://www.plannedparenthood.org/', 'https://flo.health/', 'https://helloclue.com/'],
  'token paths': ['https://shop.example/reset/4f9a1c2e', 'https://app.example/reset-password/abc123',
    'https://app.example/magic-link/eyJhbGciOi', 'https://news.example/verify/8c1d2e', 'https://forum.example/confirm/77aa'],
};

function excludedByDefault(address: string): boolean {
  const url = new URL(address);
  return isExcluded(url.hostname, url.pathname, DEFAULT_EXCLUSIONS);
}

describe('the default exclusion list', () => {
  for (const [kind, addresses] of Object.entries(SENSITIVE)) {
    it(`covers ${kind}`, () => {
      expect(addresses.filter((address) => !excludedByDefault(address))).toEqual([]);
    });
  }

  it('leaves ordinary pages recorded', () => {
    const ordinary = ['https://news.ycombinator.com/item?id=1', 'https://en.wikipedia.org/wiki/Sussex',
      'https://www.essex.gov.uk/', 'https://github.com/example/tabula', 'https://www.nytimes.com/section/world',
      'https://archive.org/details/example', 'https://developer.mozilla.org/en-US/docs/Web'];
    expect(ordinary.filter(excludedByDefault)).toEqual([]);
  });

  it('is made of entries the user could have typed, each listed once', () => {
    expect(DEFAULT_EXCLUSIONS.map((entry) => parseExclusion(entry))).toEqual(DEFAULT_EXCLUSIONS);
    expect(new Set(DEFAULT_EXCLUSIONS).size).toBe(DEFAULT_EXCLUSIONS.length);
  });
});

describe('matching a site', () => {
  it('matches the site, its www. and its subdomains, not a look-alike', () => {
    expect(isExcluded('paypal.com', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('www.paypal.com', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('notpaypal.com', '/', ['paypal.com'])).toBe(false);
    expect(isExcluded('paypal.com.evil.example', '/', ['paypal.com'])).toBe(false);
  });

  it('matches a host written with the final root dot like the plain host', () => {
    expect(isExcluded('paypal.com.', '/myaccount', ['paypal.com'])).toBe(true);
    expect(isExcluded('WWW.PayPal.com.', '/', ['paypal.com'])).toBe(true);
    expect(isExcluded('paypal.com.', '/', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('mail.yahoo.com.', '/d/folders/1', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('www.icloud.com.', '/mail/', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('notpaypal.com.', '/', ['paypal.com'])).toBe(false);
  });

  it('reads a typed entry with a final dot as the plain site', () => {
    expect(parseExclusion('paypal.com.')).toBe('paypal.com');
    expect(parseExclusion('https://www.PayPal.com.')).toBe('paypal.com');
    expect(parseExclusion('icloud.com./mail*')).toBe('icloud.com/mail*');
    expect(isExcluded('www.paypal.com', '/', [parseExclusion('paypal.com.')])).toBe(true);
  });

  it('excludes an address that carries a one-time token in its path', () => {
    expect(isExcluded('accounts.example', '/reset/9f86d081884c7d65', DEFAULT_EXCLUSIONS)).toBe(true);
    expect(isExcluded('app.example', '/auth/magic-link/eyJhbGciOiJIUzI1NiJ9', DEFAULT_EXCLUSIONS)).toBe(true);
  });
});
