// A visit's tokens as the net's input: buckets and signs as hashed, the words of each text field
// weighing 1/√n, and the layers' gradients right for such weights (finite differences).
import { describe, expect, it } from 'vitest';
import { EncodedInput, encodeTokens } from '../../model/encoded-input';
import type { Token } from '../../model/features';
import { bucketOf, signOf, TokenHasher } from '../../model/hash';
import { EmbeddingBag } from '../../model/layers/embedding-bag';
import { Wide } from '../../model/layers/wide';
import { Rng } from '../../model/rng';
import { closeTo, numericGrad, weightedSum } from './helpers';

const hasher = new TokenHasher(99);
const words = (ns: Token['ns'], ...values: string[]): Token[] => values.map((value) => ({ ns, value }));

describe('encodeTokens', () => {
  const tokens: Token[] = [
    { ns: 'host', value: 'news.example.org' },
    ...words('title', 'storm', 'coast', 'warning'),
    ...words('desc', 'winds', 'rain', 'tonight', 'sea', 'roads', 'closed', 'ferries', 'cancelled', 'schools'),
    ...words('keyword', 'storm', 'winds', 'coast', 'ferry'),
    { ns: 'kind', value: 'article' },
  ];
  const input = encodeTokens(tokens, hasher, 1000, new EncodedInput());

  it('gives every token its bucket, its hash and the sign of its hash', () => {
    expect(input.count).toBe(tokens.length);
    tokens.forEach((token, k) => {
      const hash = hasher.hash(token.ns, token.value);
      expect(input.hashes[k]).toBe(hash | 0); // kept as a signed 32-bit integer
      expect(input.buckets[k]).toBe(bucketOf(hash, 1000));
      expect(Math.sign(input.signs[k])).toBe(signOf(hash));
    });
  });

  it('weighs each of a text field\'s n words 1/√n, and every other token 1', () => {
    const weights = Array.from(input.signs.subarray(0, input.count), Math.abs);
    expect(weights[0]).toBe(1);
    expect(weights.slice(1, 4)).toEqual([1, 1, 1].map(() => Math.fround(1 / Math.sqrt(3))));
    expect(weights.slice(4, 13)).toEqual(new Array(9).fill(Math.fround(1 / 3)));
    expect(weights.slice(13, 17)).toEqual(new Array(4).fill(0.5));
    expect(weights[17]).toBe(1);
    // Each field's words together have the length of one token whatever their number.
    for (const [from, to] of [[1, 4], [4, 13], [13, 17]]) {
      expect(weights.slice(from, to).reduce((sum, w) => sum + w * w, 0)).toBeCloseTo(1, 6);
    }
  });

  it('weighs a field by its own words only, in another input too (nothing left over from the last one)', () => {
    const again = encodeTokens([...words('title', 'storm'), { ns: 'hour', value: '9' }], hasher, 1000, new EncodedInput());
    expect(Array.from(again.signs.subarray(0, 2), Math.abs)).toEqual([1, 1]);
  });
});

describe('layers with the weights of a text field\'s words', () => {
  // Rows 2 and 5 twice: a word in the title and in the keywords can share a bucket.
  const indices = Int32Array.from([2, 5, 8, 2, 5]);
  const signs = Float32Array.from([1, -1 / Math.sqrt(3), 1 / Math.sqrt(3), -1 / Math.sqrt(3), 0.5]);

  it('EmbeddingBag: sums the weighted rows and matches finite differences', () => {
    const bag = new EmbeddingBag(10, 4, new Rng(21), 'embedding', 0.5);
    const coefficients = Float32Array.from([0.6, -1.1, 1.7, -0.3]);
    const loss = (): number => weightedSum(bag.forward(indices, signs, 5), coefficients);
    const out = bag.forward(indices, signs, 5);
    const w = bag.weight.value;
    for (let j = 0; j < 4; j++) {
      const expected = indices.reduce((sum, row, k) => sum + signs[k] * w[row * 4 + j], bag.bias.value[j]);
      expect(out[j]).toBeCloseTo(expected, 6);
    }
    bag.backward(coefficients);
    bag.weight.touched.subarray(0, bag.weight.touchedCount).forEach((row, k) => {
      for (let j = 0; j < 4; j++) expect(closeTo(bag.weight.gradAt(k, j), numericGrad(bag.weight.value, row * 4 + j, loss)), `row ${row}`).toBe(true);
    });
  });

  it('Wide: sums the weighted rows and matches finite differences', () => {
    const wide = new Wide(10, 2);
    new Rng(22).fillUniform(wide.weight.value, 0.5);
    const coefficients = Float32Array.from([1.3, -0.7]);
    const loss = (): number => weightedSum(wide.forward(indices, signs, 5), coefficients);
    const out = wide.forward(indices, signs, 5);
    for (let o = 0; o < 2; o++) {
      expect(out[o]).toBeCloseTo(indices.reduce((sum, row, k) => sum + signs[k] * wide.weight.value[row * 2 + o], 0), 6);
    }
    wide.backward(coefficients);
    wide.weight.touched.subarray(0, wide.weight.touchedCount).forEach((row, k) => {
      for (let o = 0; o < 2; o++) expect(closeTo(wide.weight.gradAt(k, o), numericGrad(wide.weight.value, row * 2 + o, loss)), `row ${row}`).toBe(true);
    });
  });
});
