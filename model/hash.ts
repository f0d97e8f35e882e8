// Feature hashing: a fixed 32-bit hash of namespaced tokens (`host=github.com`) into buckets,
// with a sign taken from another bit so that colliding tokens tend to cancel rather than add.

/**
 * MurmurHash3 x86_32 of the UTF-8 bytes of `text`. Fixed forever: a saved model's buckets
 * depend on it (docs/model-format.md).
 */
export function murmur3(text: string, seed: number): number {
  const bytes = utf8(text);
  const length = bytes.length;
  let h = seed >>> 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = bytes[blocks];
    if (tail > 1) k ^= bytes[blocks + 1] << 8;
    if (tail > 2) k ^= bytes[blocks + 2] << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= length;
  return fmix32(h);
}

/** Murmur's final avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

let scratch = new Uint8Array(256);

/** UTF-8 bytes of a string into a reused buffer (lone surrogates become U+FFFD, as TextEncoder does). */
function utf8(text: string): Uint8Array {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      scratch[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    }
    if (c < 0x800) {
      scratch[n++] = 0xc0 | (c >> 6);
    } else if (c < 0x10000) {
      scratch[n++] = 0xe0 | (c >> 12);
      scratch[n++] = 0x80 | ((c >> 6) & 63);
    } else {
      scratch[n++] = 0xf0 | (c >> 18);
      scratch[n++] = 0x80 | ((c >> 12) & 63);
      scratch[n++] = 0x80 | ((c >> 6) & 63);
    }
    scratch[n++] = 0x80 | (c & 63);
  }
  return scratch.subarray(0, n);
}

/** The bucket of a hash: its low 31 bits modulo the number of buckets. */
export function bucketOf(hash: number, buckets: number): number {
  return (hash & 0x7fffffff) % buckets;
}

/** The sign of a hash: its top bit (set: -1). */
export function signOf(hash: number): number {
  return hash >>> 31 ? -1 : 1;
}

/**
 * Hashes of `namespace=value` tokens, remembered per namespace so a value seen before costs
 * one map lookup instead of hashing a new string. Bounded: a namespace's memory is dropped
 * when it grows past `limit` values (the hash does not change, only the time to get it).
 */
export class TokenHasher {
  private readonly memory = new Map<string, Map<string, number>>();

  constructor(readonly seed: number, private readonly limit = 50_000) {}

  hash(namespace: string, value: string): number {
    let known = this.memory.get(namespace);
    if (known === undefined) {
      known = new Map();
      this.memory.set(namespace, known);
    }
    let hash = known.get(value);
    if (hash === undefined) {
      hash = murmur3(`${namespace}=${value}`, this.seed);
      if (known.size >= this.limit) known.clear();
      known.set(value, hash);
    }
    return hash;
  }
}
