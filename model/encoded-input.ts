// A visit's tokens as the net's input: bucket ids and signs (and the full hashes, so the
// feature dictionary can tell which token a bucket holds). Reused from visit to visit.
import { featureName } from './feature-names';
import type { Token } from './features';
import type { FeatureDictionary } from './dictionary';
import { bucketOf, signOf, type TokenHasher } from './hash';

export const MAX_TOKENS = 64;

export class EncodedInput {
  count = 0;
  readonly buckets = new Int32Array(MAX_TOKENS);
  readonly signs = new Float32Array(MAX_TOKENS);
  readonly hashes = new Int32Array(MAX_TOKENS);

  copyFrom(other: EncodedInput): void {
    // A plain loop: a few values, where subarray views would cost more than the copy.
    this.count = other.count;
    for (let k = 0; k < other.count; k++) {
      this.buckets[k] = other.buckets[k];
      this.signs[k] = other.signs[k];
      this.hashes[k] = other.hashes[k];
    }
  }

  /** This input without its k-th token (for leave-one-out explanations). */
  without(k: number, into: EncodedInput): EncodedInput {
    into.copyFrom(this);
    into.count--;
    into.buckets.copyWithin(k, k + 1, this.count);
    into.signs.copyWithin(k, k + 1, this.count);
    into.hashes.copyWithin(k, k + 1, this.count);
    return into;
  }
}

/** Hashes tokens into `into` (at most MAX_TOKENS of them). */
export function encodeTokens(tokens: Token[], hasher: TokenHasher, buckets: number, into: EncodedInput): EncodedInput {
  const count = Math.min(tokens.length, MAX_TOKENS);
  for (let k = 0; k < count; k++) {
    const token = tokens[k];
    const hash = hasher.hash(token.ns, token.value);
    into.buckets[k] = bucketOf(hash, buckets);
    into.signs[k] = signOf(hash);
    into.hashes[k] = hash;
  }
  into.count = count;
  return into;
}

/** Tells the dictionary which feature each bucket of an encoded visit now holds. */
export function recordNames(tokens: Token[], input: EncodedInput, dictionary: FeatureDictionary, step: number): void {
  for (let k = 0; k < input.count; k++) {
    dictionary.see(input.buckets[k], input.hashes[k], step, tokens[k], featureName);
  }
}
