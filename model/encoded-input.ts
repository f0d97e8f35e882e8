// A visit's tokens as the net's input: bucket ids and signed weights (and the full hashes, so
// the feature dictionary can tell which token a bucket holds). Reused from visit to visit.
import { featureName } from './feature-names';
import { POOLED_NAMESPACES, type Namespace, type Token } from './features';
import type { FeatureDictionary } from './dictionary';
import { bucketOf, signOf, type TokenHasher } from './hash';

export const MAX_TOKENS = 64;

export class EncodedInput {
  count = 0;
  readonly buckets = new Int32Array(MAX_TOKENS);
  /** Each token's hash sign (±1) times its weight: 1, or 1/√n for one of the n words of a text field (see encodeTokens). */
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

  /** Adds the k-th token of `other` to this input (explanations build a page's input token by token). */
  add(other: EncodedInput, k: number): void {
    const n = this.count++;
    this.buckets[n] = other.buckets[k];
    this.signs[n] = other.signs[k];
    this.hashes[n] = other.hashes[k];
  }
}

/**
 * Hashes tokens into `into` (at most MAX_TOKENS of them). The n words of one text field (title,
 * description, keywords) weigh 1/√n each, as an embedding bag's "sqrtn" combiner does: a field
 * says what a page is about once, whether in 3 words or 12, so a long description does not count
 * for more than a short one, while a field of more words is still surer of its subject.
 */
export function encodeTokens(tokens: Token[], hasher: TokenHasher, buckets: number, into: EncodedInput): EncodedInput {
  const count = Math.min(tokens.length, MAX_TOKENS);
  FIELD_WORDS.fill(0);
  for (let k = 0; k < count; k++) {
    const field = fieldOf(tokens[k].ns);
    if (field >= 0) FIELD_WORDS[field]++;
  }
  for (let k = 0; k < count; k++) {
    const token = tokens[k];
    const hash = hasher.hash(token.ns, token.value);
    const field = fieldOf(token.ns);
    into.buckets[k] = bucketOf(hash, buckets);
    into.signs[k] = field < 0 ? signOf(hash) : signOf(hash) * INVERSE_ROOTS[FIELD_WORDS[field]];
    into.hashes[k] = hash;
  }
  into.count = count;
  return into;
}

/** A pooled namespace's place in POOLED_NAMESPACES and FIELD_WORDS, else -1 (a few comparisons: this runs for every token). */
function fieldOf(ns: Namespace): number {
  for (let field = 0; field < POOLED_NAMESPACES.length; field++) if (ns === POOLED_NAMESPACES[field]) return field;
  return -1;
}
/** Words of each pooled field in the input being encoded. */
const FIELD_WORDS = new Int32Array(POOLED_NAMESPACES.length);
/** 1/√n as float32, for n up to MAX_TOKENS (index 0 unused). */
const INVERSE_ROOTS = Float32Array.from({ length: MAX_TOKENS + 1 }, (_, n) => (n === 0 ? 0 : 1 / Math.sqrt(n)));

/** Tells the dictionary which feature each bucket of an encoded visit now holds. */
export function recordNames(tokens: Token[], input: EncodedInput, dictionary: FeatureDictionary, step: number): void {
  for (let k = 0; k < input.count; k++) {
    dictionary.see(input.buckets[k], input.hashes[k], step, tokens[k], featureName);
  }
}
