// Which pages are never recorded. An entry is a site (`example.com`, which covers its subdomains)
// or a pattern with `*` over host and path (`*bank*`, `*/login*`). The defaults cover kinds of
// site people keep to themselves; the user can edit every one of them.
import { InvalidRequest } from './errors';

export const DEFAULT_EXCLUSIONS: string[] = [
  // Banking, payments and money
  '*bank*', 'paypal.com', 'stripe.com', 'wise.com', 'revolut.com', 'coinbase.com',
  // Health
  '*health*', '*clinic*', '*hospital*', '*pharmacy*', 'mychart.com', 'webmd.com',
  // Signing in, passwords and accounts
  'accounts.google.com', 'login.microsoftonline.com', 'appleid.apple.com', 'id.atlassian.com',
  '*/login*', '*/signin*', '*/sign-in*', '*/logon*', '*/password*', '*/passwd*', '*/2fa*', '*/oauth*',
  '*/auth/*', '*/checkout*', '*/account/security*',
  // Mail and private messages
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'mail.proton.me', 'web.whatsapp.com',
];

/** Checks and normalises one entry typed by the user. */
export function parseExclusion(entry: unknown): string {
  if (typeof entry !== 'string') throw new InvalidRequest('An excluded site must be text.');
  const text = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '');
  if (text.length === 0 || text.length > 200 || !/^[a-z0-9*.\-/_:%]+$/.test(text)) {
    throw new InvalidRequest(`“${entry.slice(0, 60)}” is not a site or pattern (letters, digits, . - / and *).`);
  }
  return text.includes('*') || text.includes('/') ? text : text.replace(/^www\./, '');
}

/** True when a page (its host and path) is covered by an entry of the list. */
export function isExcluded(host: string, path: string, excluded: readonly string[]): boolean {
  const bareHost = host.toLowerCase().replace(/^www\./, '');
  const where = bareHost + path.toLowerCase();
  return excluded.some((entry) => {
    if (!entry.includes('*') && !entry.includes('/')) return bareHost === entry || bareHost.endsWith('.' + entry);
    const target = entry.includes('/') ? where : bareHost;
    return globToRegExp(entry).test(target);
  });
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
