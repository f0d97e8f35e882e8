// Readable names of tokens, for explanations and insights (`site: github.com`, `Saturday`), and
// what a name tells of its feature: its kind, and whether it is too thin to show as learned.
import type { Token } from './features';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function featureName(token: Token): string {
  const value = token.value;
  switch (token.ns) {
    case 'host': return `site: ${value}`;
    case 'path1':
    case 'path2': return `path: /${value}`;
    case 'title': return `title: "${value}"`;
    case 'desc': return `description: "${value}"`;
    case 'lang': return `language: ${value}`;
    case 'kind': return `page kind: ${value}`;
    case 'words':
    case 'links':
    case 'images':
    case 'videos': return `${token.ns}: ${SIZE_RANGES[Number(value)] ?? sizeRange(Number(value))}`;
    case 'ref': return `came from: ${value}`;
    case 'prev1': return value === '' ? 'start of a session' : `previous site: ${value}`;
    case 'prev2': return `two sites back: ${value}`;
    case 'pair': {
      const [host, previous] = value.split('<');
      return `${host} right after ${previous}`;
    }
    case 'triple':
    case 'quad': return value.split('<').join(' after ');
    case 'hour': return `hour: ${value.padStart(2, '0')}:00`;
    case 'daypart': return value;
    case 'day': return DAY_NAMES[Number(value)] ?? `day ${value}`;
    case 'weekend': return value === '1' ? 'weekend' : 'weekday';
    case 'kind@when':
    case 'host@when': {
      const [what, when] = value.split('|');
      return `${token.ns === 'kind@when' ? 'page kind' : 'site'}: ${what}, ${when}`;
    }
    case 'words@when': {
      const [bucket, when] = value.split('|');
      return `words: ${SIZE_RANGES[Number(bucket)] ?? sizeRange(Number(bucket))}, ${when}`;
    }
    case 'keyword': return `keyword: ${value}`;
  }
}

/**
 * The sites a feature's name holds, as featureName writes them (`site: a.com`, `came from: a.com`,
 * `a.com right after b.org`, `site: a.com, weekday evening` …): what a forgotten or excluded site
 * is looked for in, in a model file's names. Other names hold none.
 */
export function sitesNamedIn(name: string): string[] {
  const match = SITE_NAMES.exec(name);
  return match ? match.slice(1).filter((host): host is string => host !== undefined) : [];
}

const SITE_NAMES = new RegExp([
  /^(?:site|came from|previous site|two sites back): ([^\s,]+)(?:, week(?:day|end) (?:night|morning|afternoon|evening))?$/,
  /^(\S+) right after (\S+)$/,
  /^(\S+) after (\S+) after (\S+)(?: after (\S+))?$/,
].map((pattern) => `(?:${pattern.source})`).join('|'));

/** The counts a size bucket covers: bucket b holds 2^(b-1) .. 2^b - 1. */
function sizeRange(bits: number): string {
  if (bits <= 1) return String(bits);
  const low = 2 ** (bits - 1);
  return `${low.toLocaleString('en')}–${(2 * low - 1).toLocaleString('en')}`;
}

/** Every bucket sizeBucket gives, written once: the dictionary names a bucket again whenever another token takes it. */
const SIZE_RANGES = Array.from({ length: 22 }, (_, bits) => sizeRange(bits));

/** The kinds of feature the Learned view groups by: where, what about, when, after what, what page. */
export const FEATURE_KINDS = ['sites', 'words', 'time', 'sequences', 'page', 'other'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

const WHEN_SUFFIX = /, week(day|end) (night|morning|afternoon|evening)$/;
const TIME_NAMES = new Set(['night', 'morning', 'afternoon', 'evening', 'weekday', 'weekend', ...DAY_NAMES]);

/**
 * The kind of a feature, read from its name as featureName writes it (a next-site push, `… → host`,
 * by the feature before the arrow). A cross with the time of the week is a matter of time.
 */
export function featureKind(name: string): FeatureKind {
  const feature = name.split(' → ')[0];
  if (WHEN_SUFFIX.test(feature) || TIME_NAMES.has(feature) || feature.startsWith('hour: ')) return 'time';
  if (/^(site|path): /.test(feature)) return 'sites';
  if (/^(title|description|keyword|language): /.test(feature)) return 'words';
  if (/^(page kind|words|links|images|videos): /.test(feature)) return 'page';
  if (/^(came from|previous site|two sites back): |^start of a session$| (right )?after /.test(feature)) return 'sequences';
  return 'other'; // a feature read from a model file without names, until it is seen again
}

/** A title or description word, or keyword, made of digits only (a year, a count, an id): it says little of what a page is about. */
export function isNumberWord(name: string): boolean {
  return /^(title|description): "\d+"$|^keyword: \d+$/.test(name);
}
