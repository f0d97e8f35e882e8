// Which pages are never recorded. An entry is a site (`example.com`, which covers its subdomains)
// or a pattern with `*` over host and path (`*bank*`, `*/login*`). The defaults cover kinds of
// site people keep to themselves; the user can edit every one of them.
import { InvalidRequest } from './errors';

export const DEFAULT_EXCLUSIONS: string[] = [
  // Banking, payments, credit and money
  '*bank*', 'paypal.com', 'stripe.com', 'wise.com', 'revolut.com', 'coinbase.com', 'venmo.com',
  'cash.app', 'klarna.com', 'creditkarma.com', 'experian.com', 'equifax.com', 'transunion.com',
  // Investing and brokerage: holdings and trades say as much as a bank statement
  '*broker*', 'fidelity.com', 'schwab.com', 'vanguard.com', 'etrade.com',
  'robinhood.com', 'merrilledge.com', 'wealthfront.com', 'betterment.com', 'trading212.com',
  'etoro.com', 'kraken.com', 'binance.com',
  // Tax and government portals: identity numbers, income, benefits
  'irs.gov', 'ssa.gov', 'login.gov', 'id.me', 'healthcare.gov', 'studentaid.gov',
  'tax.service.gov.uk', 'account.gov.uk', 'gateway.gov.uk', 'my.gov.au', 'ato.gov.au', 'elster.de',
  'impots.gouv.fr', 'turbotax.intuit.com', 'hrblock.com', 'taxact.com', 'freetaxusa.com',
  // Health
  '*health*', '*clinic*', '*hospital*', '*pharmacy*', 'mychart.com', 'webmd.com',
  // Therapy and mental health
  '*therapy*', '*therapist*', '*psychiatr*', '*counseling*', '*counselling*', 'betterhelp.com',
  'talkspace.com', 'cerebral.com', '7cups.com', 'psychologytoday.com/*/therapists*',
  // Reproductive and sexual health
  'plannedparenthood.org', '*abortion*', '*fertility*', 'flo.health', 'helloclue.com', 'ovia.com',
  // Adult sites (host names only: `*sex*` would also catch Essex and Sussex)
  '*porn*', '*xxx*', '*hentai*', 'xvideos.com', 'xnxx.com', 'xhamster.com', 'redtube.com',
  'onlyfans.com', 'fansly.com', 'chaturbate.com', 'stripchat.com',
  // Dating
  '*dating*', 'tinder.com', 'bumble.com', 'okcupid.com', 'grindr.com', 'match.com', 'hinge.co',
  'pof.com', 'eharmony.com', 'zoosk.com', 'badoo.com', 'feeld.co', 'happn.com', 'weareher.com',
  // Signing in and accounts
  'accounts.google.com', 'login.microsoftonline.com', 'login.live.com', 'appleid.apple.com',
  'id.atlassian.com', '*/login*', '*/signin*', '*/sign-in*', '*/logon*', '*/2fa*', '*/oauth*',
  '*/auth/*', '*/checkout*', '*/account/security*',
  // Passwords and password managers
  '*/password*', '*/passwd*', '1password.com', 'bitwarden.com', 'lastpass.com', 'dashlane.com',
  'keepersecurity.com', 'nordpass.com', 'pass.proton.me',
  // One-time links: the address itself is a key (a reset, a magic sign-in, a confirmation)
  '*/reset/*', '*/reset-password*', '*/reset_password*', '*/forgot*', '*/magic-link*',
  '*/magic_link*', '*/magiclink*', '*/verify*', '*/verification*', '*/confirm*', '*/activate/*',
  '*/token/*', '*/unsubscribe*',
  // Mail (`webmail.*`: the webmail that hosting providers and universities run)
  'mail.google.com', 'mail.yahoo.com', 'mail.proton.me', 'outlook.live.com', 'outlook.office.com',
  'outlook.office365.com', 'icloud.com/mail*', 'fastmail.com', 'mail.aol.com', 'mail.zoho.com',
  'mail.yandex.com', 'app.tuta.com', 'app.hey.com', 'webmail.*',
  // Private messages
  'messenger.com', '*facebook.com/messages*', 'instagram.com/direct*', 'x.com/messages*',
  'twitter.com/messages*', 'linkedin.com/messaging*', 'web.whatsapp.com', 'web.telegram.org',
  'discord.com', 'signal.org', 'messages.google.com', 'chat.google.com', 'teams.microsoft.com',
  'app.slack.com', 'web.skype.com', 'app.element.io',
];

/** Checks and normalises one entry typed by the user. */
export function parseExclusion(entry: unknown): string {
  if (typeof entry !== 'string') throw new InvalidRequest('An excluded site must be text.');
  const text = withoutRootDot(entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, ''));
  if (text.length === 0 || text.length > 200 || !/^[a-z0-9*.\-/_:%]+$/.test(text)) {
    throw new InvalidRequest(`“${entry.slice(0, 60)}” is not a site or pattern (letters, digits, . - / and *).`);
  }
  return isSiteEntry(text) ? text.replace(/^www\./, '') : text;
}

/** An entry that names a site (`paypal.com`, with its subdomains), not a pattern (a `*` or a path in it). */
export function isSiteEntry(entry: string): boolean {
  return !entry.includes('*') && !entry.includes('/');
}

/** True when a page (its host and path) is covered by an entry of the list. */
export function isExcluded(host: string, path: string, excluded: readonly string[]): boolean {
  const bareHost = withoutRootDot(host.toLowerCase()).replace(/^www\./, '');
  const where = bareHost + path.toLowerCase();
  return excluded.some((entry) => {
    if (isSiteEntry(entry)) return bareHost === entry || bareHost.endsWith('.' + entry);
    const target = entry.includes('/') ? where : bareHost;
    return globToRegExp(entry).test(target);
  });
}

/**
 * `paypal.com.` is the same site as `paypal.com` (the final dot names the DNS root, and browsers
 * load the page under it), so the dots that end the host part are dropped before comparing.
 */
function withoutRootDot(hostAndPath: string): string {
  const slash = hostAndPath.indexOf('/');
  const host = slash < 0 ? hostAndPath : hostAndPath.slice(0, slash);
  return host.replace(/\.+$/, '') + (slash < 0 ? '' : hostAndPath.slice(slash));
}

const patterns = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  let pattern = patterns.get(glob);
  if (!pattern) {
    const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    pattern = new RegExp(`^${body}$`);
    patterns.set(glob, pattern);
  }
  return pattern;
}
