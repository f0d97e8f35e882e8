// Reading the next-site head: the likely sites in order, the rank of a slot.
import { describe, expect, it } from 'vitest';
import { likelySites, rankOf } from '../../model/next-sites';
import { Rng } from '../../model/rng';
import { SiteVocabulary } from '../../model/site-vocabulary';

describe('likelySites', () => {
  it('lists the most likely occupied slots, most likely first, ties by the lower slot, as a full sort would', () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 200; trial++) {
      const vocabulary = new SiteVocabulary(16, 0.999);
      const occupied = rng.int(17);
      for (let slot = 0; slot < occupied; slot++) vocabulary.count(`site${slot}.example`);
      // Few distinct values, so that ties are common; slots past the occupied ones hold stale values.
      const probs = Float64Array.from({ length: 16 }, () => rng.int(5) / 4);
      const count = rng.int(7);
      const sorted = Array.from({ length: occupied }, (_, slot) => slot).sort((a, b) => probs[b] - probs[a] || a - b);
      const expected = sorted.slice(0, count).map((slot) => ({ host: `site${slot}.example`, probability: probs[slot] }));
      expect(likelySites(probs, vocabulary, count)).toEqual(expected);
      for (const [rank, slot] of sorted.entries()) expect(rankOf(probs, slot, occupied)).toBe(rank);
    }
  });
});
