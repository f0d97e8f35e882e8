// Readable names of tokens, for explanations and insights (`site: github.com`, `Saturday`).
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
    case 'triple': {
      const [host, previous, before] = value.split('<');
      return `${host} after ${previous} after ${before}`;
    }
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

/** The counts a size bucket covers: bucket b holds 2^(b-1) .. 2^b - 1. */
function sizeRange(bits: number): string {
  if (bits <= 1) return String(bits);
  const low = 2 ** (bits - 1);
  return `${low.toLocaleString('en')}–${(2 * low - 1).toLocaleString('en')}`;
}

/** Every bucket sizeBucket gives, written once: the dictionary names a bucket again whenever another token takes it. */
const SIZE_RANGES = Array.from({ length: 22 }, (_, bits) => sizeRange(bits));
