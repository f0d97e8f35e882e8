// The learner's bounded memories: feature dictionary, site vocabulary, and base64 floats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToFloats, bytesToBase64, floatsToBase64 } from '../../model/base64';
import { FeatureDictionary } from '../../model/dictionary';
import { SiteVocabulary } from '../../model/site-vocabulary';

describe('FeatureDictionary', () => {
  const name = (token: string): string => `name of ${token}`;

  it('names buckets, counts uses, and renames a bucket taken by another token', () => {
    const dictionary = new FeatureDictionary(10);
    dictionary.see(3, 111, 0, 'a', name);
    dictionary.see(3, 111, 1, 'a', name);
    expect(dictionary.get(3)).toEqual({ bucket: 3, hash: 111, name: 'name of a', lastSeen: 1, uses: 2 });
    dictionary.see(3, 222, 2, 'b', name);
    expect(dictionary.get(3)).toEqual({ bucket: 3, hash: 222, name: 'name of b', lastSeen: 2, uses: 1 });
  });

  it('stays within its size by forgetting the least recently seen', () => {
    const dictionary = new FeatureDictionary(20);
    for (let step = 0; step < 100; step++) {
      dictionary.see(step, step, step, String(step), name);
      if (step % 3 === 0) dictionary.see(0, 0, step, '0', name); // bucket 0 stays in use
      expect(dictionary.size).toBeLessThanOrEqual(20);
    }
    expect(dictionary.get(0)).toBeDefined();
    expect(dictionary.get(99)).toBeDefined();
    expect(dictionary.get(50)).toBeUndefined();
  });

  it('lists the most used first and survives a snapshot', () => {
    const dictionary = new FeatureDictionary(10);
    for (let step = 0; step < 6; step++) dictionary.see(step % 3, step % 3, step, String(step % 3), name);
    dictionary.see(2, 2, 7, '2', name);
    expect(dictionary.mostUsed(2).map((entry) => entry.bucket)).toEqual([2, 1]);
    const copy = FeatureDictionary.restore(structuredClone(dictionary.snapshot()));
    expect(copy.snapshot()).toEqual(dictionary.snapshot());
  });
});

describe('SiteVocabulary', () => {
  it('fills slots in order, then gives the least visited slot to a new site', () => {
    const reassigned: [number, number][] = [];
    const vocabulary = new SiteVocabulary(3, 1, (slot, occupied) => reassigned.push([slot, occupied]));
    for (const host of ['a', 'b', 'b', 'c', 'c', 'c']) vocabulary.count(host);
    expect([vocabulary.slotOf('a'), vocabulary.slotOf('b'), vocabulary.slotOf('c')]).toEqual([0, 1, 2]);
    expect(vocabulary.count('d')).toBe(0);
    expect(vocabulary.slotOf('a')).toBe(-1);
    expect(vocabulary.hostOf(0)).toBe('d');
    expect(reassigned).toEqual([[0, 1], [1, 2], [2, 3], [0, 3]]);
    expect(vocabulary.visits(0)).toBe(1);
  });

  it('decays counts so that recent visits weigh more', () => {
    const vocabulary = new SiteVocabulary(4, 0.5);
    for (let i = 0; i < 5; i++) vocabulary.count('old');
    vocabulary.count('new');
    vocabulary.count('new');
    // old: 1/32 + ... + 1/4 of a visit now, new: 1/2 + 1.
    expect(vocabulary.visits(0)).toBeCloseTo(0.25 + 0.125 + 0.0625 + 0.03125 + 0.015625, 9);
    expect(vocabulary.visits(1)).toBeCloseTo(1.5, 9);
    expect(vocabulary.inTop(1, 1)).toBe(true);
    expect(vocabulary.inTop(0, 1)).toBe(false);
  });

  it('keeps decaying correctly across many visits (counts are rescaled, not overflowed)', () => {
    const vocabulary = new SiteVocabulary(2, 0.9);
    for (let i = 0; i < 20_000; i++) vocabulary.count(i % 4 === 0 ? 'a' : 'b');
    expect(Number.isFinite(vocabulary.visits(0))).toBe(true);
    expect(vocabulary.visits(0) + vocabulary.visits(1)).toBeCloseTo(1 / (1 - 0.9), 6);
  });

  it('survives a snapshot', () => {
    const vocabulary = new SiteVocabulary(3, 0.99);
    for (const host of ['x', 'y', 'x', 'z', 'w']) vocabulary.count(host);
    const copy = new SiteVocabulary(3, 0.99);
    copy.restore(structuredClone(vocabulary.snapshot()));
    expect(copy.snapshot()).toEqual(vocabulary.snapshot());
    expect(copy.count('x')).toBe(vocabulary.count('x'));
    expect(copy.snapshot()).toEqual(vocabulary.snapshot());
  });
});

describe('base64', () => {
  it('encodes bytes as standard base64', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }));
  });

  it('round-trips float32 values exactly, little-endian', () => {
    const values = Float32Array.of(0, -0, 1.5, -3.25e-38, 3.4e38, Math.PI);
    expect(base64ToFloats(floatsToBase64(values), values.length)).toEqual(values);
    expect(floatsToBase64(Float32Array.of(1))).toBe(Buffer.from([0, 0, 0x80, 0x3f]).toString('base64'));
  });

  it('rejects text that is not strict base64 of the expected length', () => {
    const good = floatsToBase64(Float32Array.of(1, 2));
    expect(base64ToFloats(good, 3)).toBeNull();
    expect(base64ToFloats(good.slice(0, -4), 2)).toBeNull();
    expect(base64ToFloats(`${good.slice(0, 3)}!${good.slice(4)}`, 2)).toBeNull();
    expect(base64ToBytes('ab=c')).toBeNull();
    expect(base64ToBytes('abc')).toBeNull();
  });
});
