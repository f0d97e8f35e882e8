// Snapshots: a restored learner goes on exactly as the original, whatever its settings.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { asVersionFour, asVersionThree } from '../../harness/older-model-versions';
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
  it.each([
    ['AdaGrad', {}],
    ['Adam', { optimizer: 'adam' as const, learningRate: 0.005 }],
    ['SGD with momentum', { optimizer: 'sgd' as const, momentum: 0.9 }],
  ])('restores a snapshot of model version 3 (%s) with an empty table of what follows what, and refuses an earlier one', (_, settings) => {
    const learner = Learner.create({ size: 'small', ...settings });
    for (const visit of VISITS.slice(0, 300)) learner.observe(visit);
    learner.net.next.transition.value.fill(0); // what version 3 had: no table, which is an empty one
    const current = learner.snapshot();
    const tableState = Object.keys(current.optimizer.state).filter((key) => key.startsWith('next.transition.'));
    expect(tableState.length).toBeGreaterThan(0);
    const versionThree = asVersionThree(structuredClone(current), 'modelVersion');
    const restored = Learner.restore(versionThree);
    expect(restored.snapshot().modelVersion).toBe(5);
    expect(restored.snapshot().context.lastPrev2).toBe('');
    expect(restored.net.next.transition.value.every((w) => w === 0)).toBe(true);
    for (const key of tableState) expect(restored.snapshot().optimizer.state[key].every((value) => value === 0), key).toBe(true);
    const page = VISITS[300];
    expect(restored.predict(page, page.startedAt)).toEqual(Learner.restore({ ...current, context: { ...current.context, lastPrev2: '' } }).predict(page, page.startedAt));
    for (const visit of VISITS.slice(300, 500)) restored.observe(visit);
    expect(restored.healthy).toBe(true);
    expect(restored.net.next.transition.value.some((w) => w !== 0)).toBe(true);
    expect(() => Learner.restore({ ...versionThree, modelVersion: 2 })).toThrow(/of model version 2/);
  });

  it('restores a snapshot of model version 4 as one whose session kept no third site back, and learns on as version 5', () => {
    const learner = Learner.create({ size: 'small' });
    for (const visit of VISITS.slice(0, 300)) learner.observe(visit);
    const current = learner.snapshot();
    const restored = Learner.restore(asVersionFour(structuredClone(current), 'modelVersion'));
    expect(restored.snapshot().modelVersion).toBe(5);
    expect(restored.snapshot().context).toEqual({ ...current.context, lastPrev2: '' });
    expect(restored.snapshot().weights).toEqual(current.weights);
    for (const visit of VISITS.slice(300, 400)) restored.observe(visit);
    expect(restored.healthy).toBe(true);
  });

  it('refuses a snapshot whose weights do not fit its configuration', () => {
    const snapshot = Learner.create({ size: 'small' }).snapshot();
    snapshot.weights['embedding.weight'] = new Float32Array(10);
    expect(() => Learner.restore(snapshot)).toThrow(/embedding.weight/);
  });

  it.each([
    ['NaN', Number.NaN, /snapshot: engaged.bias holds NaN, not a finite number \(at 0\)/],
    ['Infinity', Number.POSITIVE_INFINITY, /snapshot: engaged.bias holds Infinity, not a finite number/],
    ['3e38', 3e38, /snapshot: engaged.bias holds 3.00e\+38, outside from -10,000 to 10,000/],
  ])('refuses a snapshot holding a weight of %s', (_, value, message) => {
    const snapshot = Learner.create({ size: 'small' }).snapshot();
    snapshot.weights['engaged.bias'][0] = value;
    expect(() => Learner.restore(snapshot)).toThrow(message);
  });

  it('refuses a snapshot whose optimizer state is not finite or out of range', () => {
    const snapshot = Learner.create({ size: 'small' }).snapshot();
    snapshot.optimizer.state['next.weight.sumSquares'][5] = Number.NaN;
    expect(() => Learner.restore(snapshot)).toThrow(/snapshot: next.weight.sumSquares holds NaN/);
    snapshot.optimizer.state['next.weight.sumSquares'][5] = -1;
    expect(() => Learner.restore(snapshot)).toThrow(/snapshot: next.weight.sumSquares holds -1.00e\+0, outside from 0 to/);
  });
});
