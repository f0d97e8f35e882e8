// The seeded generator and the feature hash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, murmur3, signOf, TokenHasher } from '../../model/hash';
import { Rng } from '../../model/rng';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sequence = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sequence);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sequence);
  });

  it('resumes from a saved position', () => {
    const a = new Rng(7);
    a.next();
    const saved = a.position;
    const expected = [a.next(), a.next()];
    const b = new Rng(0);
    b.position = saved;
    expect([b.next(), b.next()]).toEqual(expected);
  });

  it('draws uniform numbers in [0, 1) and normals of mean 0 and variance 1', () => {
    const rng = new Rng(3);
    const uniforms = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...uniforms)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniforms)).toBeLessThan(1);
    expect(uniforms.reduce((s, x) => s + x, 0) / uniforms.length).toBeCloseTo(0.5, 1);
    const normals = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length;
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / normals.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('murmur3', () => {
  it('gives the published MurmurHash3 x86_32 values', () => {
    expect(murmur3('', 0)).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('', 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3('hello', 0)).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723);
  });

  it('hashes the UTF-8 bytes of the text, whatever its characters', () => {
    // Reference: the same algorithm fed TextEncoder's bytes.
    const reference = (text: string, seed: number): number => {
      const bytes = new TextEncoder().encode(text);
      let h = seed >>> 0;
      const mix = (k: number): number => Math.imul(((Math.imul(k, 0xcc9e2d51) << 15) | (Math.imul(k, 0xcc9e2d51) >>> 17)), 0x1b873593);
      let i = 0;
      for (; i + 4 <= bytes.length; i += 4) {
        h ^= mix(bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
        h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
      }
      let k = 0;
      for (let j = bytes.length - 1; j >= i; j--) k = (k << 8) | bytes[j];
      if (bytes.length > i) h ^= mix(k);
      h ^= bytes.length;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 0, max: 0xffffffff }), (text, seed) => {
      expect(murmur3(text, seed)).toBe(reference(text, seed));
    }));
  });

  it('spreads tokens evenly over buckets, with both signs', () => {
    const counts = new Array(16).fill(0);
    let negative = 0;
    for (let i = 0; i < 16_000; i++) {
      const hash = murmur3(`title=word${i}`, 7);
      counts[bucketOf(hash, 16)]++;
      if (signOf(hash) < 0) negative++;
    }
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(120);
    expect(Math.abs(negative - 8000)).toBeLessThan(300);
  });
});

describe('TokenHasher', () => {
  it('gives the hash of `namespace=value`, also after forgetting its memory', () => {
    const hasher = new TokenHasher(99, 3);
    for (let round = 0; round < 2; round++) {
      for (const value of ['github.com', 'example.org', 'a', 'b', 'c']) {
        expect(hasher.hash('host', value)).toBe(murmur3(`host=${value}`, 99));
      }
    }
    expect(hasher.hash('ref', 'a')).not.toBe(hasher.hash('host', 'a'));
  });
});
