// Snapshots: a restored learner goes on exactly as the original, whatever its settings.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { expectSameSnapshot, syntheticVisits } from './helpers';

const VISITS = syntheticVisits(1200, 9);

describe.each([
  ['the defaults', {}],
  ['Adam with a hidden layer', { optimizer: 'adam' as const, learningRate: 0.005, hidden: [8], embeddingDim: 8 }],
  ['SGD with momentum, clipping and L2', { optimizer: 'sgd' as const, momentum: 0.9, clipNorm: 1, l2: 1e-4, size: 'small' as const }],
  ['a tiny vocabulary and dictionary', { vocabSize: 3, dictionarySize: 20, buckets: 64 }],
])('Learner snapshots with %s', (_, settings) => {
  it('restore into a learner that continues exactly as the original', () => {
    const original = Learner.create(settings);
    for (const visit of VISITS.slice(0, 600)) original.observe(visit);
    const copy = Learner.restore(structuredClone(original.snapshot()));
    expectSameSnapshot(copy.snapshot(), original.snapshot());
    for (const visit of VISITS.slice(600)) {
      original.observe(visit);
      copy.observe(visit);
    }
    const page = VISITS[0];
    const at = VISITS.at(-1)!.endedAt + 1000;
    expectSameSnapshot(copy.snapshot(), original.snapshot(), false);
    expect(copy.predict(page, at)).toEqual(original.predict(page, at));
    expect(copy.explain(page, at)).toEqual(original.explain(page, at));
    expect(copy.insights()).toEqual(original.insights());
    expect(copy.history).toEqual(original.history);
  });
});

describe('Learner.restore', () => {
  it('refuses a snapshot whose weights do not fit its configuration', () => {
    const snapshot = Learner.create({ size: 'small' }).snapshot();
    snapshot.weights['embedding.weight'] = new Float32Array(10);
    expect(() => Learner.restore(snapshot)).toThrow(/embedding.weight/);
  });
});
