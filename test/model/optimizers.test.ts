// Optimizers: lazy updates of sparse parameters, clipping, L2, state resets, and each one
// minimising a simple loss.
import { describe, expect, it } from 'vitest';
import { EmbeddingBag } from '../../model/layers/embedding-bag';
import { createOptimizer, OPTIMIZER_KINDS } from '../../model/optimizer';
import { Param } from '../../model/param';
import { Rng } from '../../model/rng';

describe.each(OPTIMIZER_KINDS)('%s', (kind) => {
  it('updates only the rows that have gradients, and leaves the state of other rows alone', () => {
    const bag = new EmbeddingBag(6, 3, new Rng(1));
    const optimizer = createOptimizer(bag.params(), { kind, learningRate: 0.1, momentum: kind === 'sgd' ? 0.9 : 0 });
    const before = bag.weight.value.slice();
    bag.forward(Int32Array.of(1, 4), null, 2);
    bag.backward(Float32Array.of(1, -2, 0.5));
    optimizer.step();
    for (let row = 0; row < 6; row++) {
      const changed = [0, 1, 2].some((j) => bag.weight.value[row * 3 + j] !== before[row * 3 + j]);
      expect(changed, `row ${row}`).toBe(row === 1 || row === 4);
    }
    const state = optimizer.state();
    for (const buffers of state.buffers.slice(0, 1)) {
      for (const buffer of buffers) {
        expect(buffer.subarray(0, 3).every((x) => x === 0)).toBe(true);
        expect(buffer.subarray(3, 6).some((x) => x !== 0)).toBe(true);
      }
    }
    expect(bag.weight.hasGrad).toBe(false);
    expect(bag.weight.touchedCount).toBe(0);
  });

  it('minimises a quadratic loss', () => {
    const param = new Param('x', 1, 4, false, false);
    param.value.set([3, -2, 1, 5]);
    const optimizer = createOptimizer([param], { kind, learningRate: kind === 'sgd' ? 0.1 : 0.3 });
    const loss = (): number => param.value.reduce((sum, x) => sum + 0.5 * x * x, 0);
    const start = loss();
    for (let step = 0; step < 200; step++) {
      param.addDense(param.value.slice());
      optimizer.step();
    }
    expect(loss()).toBeLessThan(start * 0.01);
  });

  it('forgets the state of a row on request', () => {
    const bag = new EmbeddingBag(3, 2, new Rng(2));
    const optimizer = createOptimizer(bag.params(), { kind, learningRate: 0.1, momentum: kind === 'sgd' ? 0.5 : 0 });
    bag.forward(Int32Array.of(0, 2), null, 2);
    bag.backward(Float32Array.of(1, 1));
    optimizer.step();
    optimizer.resetRow(bag.weight, 2);
    for (const buffer of optimizer.state().buffers[0]) {
      expect(Array.from(buffer.subarray(4, 6))).toEqual([0, 0]);
      expect(buffer.subarray(0, 2).some((x) => x !== 0)).toBe(true);
    }
  });
});

describe('clipping and L2', () => {
  it('scales the whole gradient down to the largest norm allowed', () => {
    const a = new Param('a', 1, 2, false, true);
    const b = new Param('b', 1, 1, false, false);
    const optimizer = createOptimizer([a, b], { kind: 'sgd', learningRate: 1, clipNorm: 1 });
    a.addDense(Float32Array.of(3, 0));
    b.addDense(Float32Array.of(4));
    optimizer.step();
    expect(optimizer.lastGradNorm).toBeCloseTo(5, 6);
    expect(Array.from(a.value)).toEqual([Math.fround(-0.6), 0]);
    expect(b.value[0]).toBeCloseTo(-0.8, 6);
  });

  it('clips a sparse gradient kept in rank-one form like the same gradient written out', () => {
    const make = (): EmbeddingBag => new EmbeddingBag(5, 4, new Rng(8));
    const [compact, written] = [make(), make()];
    const gradOut = Float32Array.of(3, -1, 2, 0.5);
    const half = gradOut.map((g) => g / 2);
    compact.forward(Int32Array.of(0, 2), null, 2);
    compact.backward(gradOut);
    written.forward(Int32Array.of(0, 2), null, 2);
    written.backward(half);
    written.backward(half); // a second pass writes the gradient out
    expect([compact.weight.rankOne, written.weight.rankOne]).toEqual([true, false]);
    const [a, b] = [compact, written].map((bag) => createOptimizer(bag.params(), { kind: 'adagrad', learningRate: 0.1, clipNorm: 1 }));
    a.step();
    b.step();
    expect(a.lastGradNorm).toBeCloseTo(b.lastGradNorm, 5);
    compact.weight.value.forEach((value, i) => expect(value).toBeCloseTo(written.weight.value[i], 6));
  });

  it('leaves gradients under the limit as they are', () => {
    const a = new Param('a', 1, 2, false, true);
    const optimizer = createOptimizer([a], { kind: 'sgd', learningRate: 1, clipNorm: 10 });
    a.addDense(Float32Array.of(3, 4));
    optimizer.step();
    expect(Array.from(a.value)).toEqual([-3, -4]);
  });

  it('decays weights but not biases', () => {
    const weight = new Param('w', 1, 1, false, true);
    const bias = new Param('b', 1, 1, false, false);
    weight.value[0] = bias.value[0] = 2;
    const optimizer = createOptimizer([weight, bias], { kind: 'sgd', learningRate: 0.5, l2: 0.1 });
    weight.addDense(Float32Array.of(0));
    bias.addDense(Float32Array.of(0));
    optimizer.step();
    expect(weight.value[0]).toBeCloseTo(2 - 0.5 * 0.1 * 2, 6);
    expect(bias.value[0]).toBe(2);
  });
});
