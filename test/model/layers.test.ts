// Gradient checks of every layer against finite differences.
import { describe, expect, it } from 'vitest';
import { Dense } from '../../model/layers/dense';
import { EmbeddingBag } from '../../model/layers/embedding-bag';
import { Relu } from '../../model/layers/relu';
import { SlotSoftmax } from '../../model/layers/slot-softmax';
import { Wide } from '../../model/layers/wide';
import { Rng } from '../../model/rng';
import { closeTo, numericGrad, weightedSum } from './helpers';

describe('EmbeddingBag', () => {
  const rng = new Rng(11);
  const bag = new EmbeddingBag(10, 5, rng, 'embedding', 0.5);
  rng.fillUniform(bag.bias.value, 0.5);
  // Row 1 twice (with different signs) checks that gradients of a repeated row add up.
  const indices = Int32Array.from([1, 3, 1, 7]);
  const signs = Float32Array.from([1, -1, -1, 1]);
  const coefficients = Float32Array.from([0.3, -1.2, 0.7, 2, -0.4]);
  const loss = (): number => weightedSum(bag.forward(indices, signs, 4), coefficients);

  it('sums the signed rows of the active features and the bias', () => {
    const out = bag.forward(indices, signs, 4);
    const w = bag.weight.value;
    for (let j = 0; j < 5; j++) {
      expect(out[j]).toBeCloseTo(bag.bias.value[j] + w[5 + j] - w[15 + j] - w[5 + j] + w[35 + j], 6);
    }
  });

  it('has gradients only for the touched rows, matching finite differences', () => {
    loss();
    bag.backward(coefficients);
    const weight = bag.weight;
    expect(Array.from(weight.touched.subarray(0, weight.touchedCount))).toEqual([1, 3, 7]);
    weight.touched.subarray(0, weight.touchedCount).forEach((row, k) => {
      for (let j = 0; j < 5; j++) {
        const numeric = numericGrad(weight.value, row * 5 + j, loss);
        expect(closeTo(weight.gradAt(k, j), numeric), `row ${row} col ${j}`).toBe(true);
      }
    });
    for (let j = 0; j < 5; j++) expect(closeTo(bag.bias.grad[j], numericGrad(bag.bias.value, j, loss))).toBe(true);
    weight.clearGrad();
    bag.bias.clearGrad();
  });

  it('adds a second backward pass in the same step to the first, row by row', () => {
    const twice = new EmbeddingBag(10, 3, new Rng(14), 'twice', 0.5);
    const first = Int32Array.from([1, 3]);
    const second = Int32Array.from([3, 7]);
    const [a, b] = [Float32Array.from([1, -2, 0.5]), Float32Array.from([0.25, 1, -1])];
    const loss = (): number => weightedSum(twice.forward(first, null, 2), a) + weightedSum(twice.forward(second, null, 2), b);
    twice.forward(first, null, 2);
    twice.backward(a);
    expect(twice.weight.rankOne).toBe(true);
    twice.forward(second, null, 2);
    twice.backward(b);
    expect(twice.weight.rankOne).toBe(false);
    expect(Array.from(twice.weight.touched.subarray(0, twice.weight.touchedCount))).toEqual([1, 3, 7]);
    [1, 3, 7].forEach((row, k) => {
      for (let j = 0; j < 3; j++) expect(closeTo(twice.weight.gradAt(k, j), numericGrad(twice.weight.value, row * 3 + j, loss))).toBe(true);
    });
  });

  it('treats missing signs as +1', () => {
    const plain = Float32Array.from(bag.forward(indices, Float32Array.from([1, 1, 1, 1]), 4));
    expect(Array.from(bag.forward(indices, null, 4))).toEqual(Array.from(plain));
  });
});

describe('Wide', () => {
  const rng = new Rng(12);
  const wide = new Wide(10, 2);
  rng.fillUniform(wide.weight.value, 0.5);
  // Row 4 twice, with opposite signs: its two weights cancel in the sum, but its gradients still add up.
  const indices = Int32Array.from([4, 2, 4, 9, 6]);
  const signs = Float32Array.from([1, -1, -1, 1, 1]);
  const coefficients = Float32Array.from([0.8, -1.5]);
  const loss = (): number => weightedSum(wide.forward(indices, signs, 5), coefficients);

  it('starts at zero and sums the signed rows of the active features, one sum per output', () => {
    expect(new Wide(10, 2).forward(indices, signs, 5)).toEqual(Float32Array.of(0, 0));
    const out = wide.forward(indices, signs, 5);
    const w = wide.weight.value;
    for (let o = 0; o < 2; o++) expect(out[o]).toBeCloseTo(-w[4 + o] + w[18 + o] + w[12 + o], 6);
  });

  it('has gradients only for the touched rows, matching finite differences', () => {
    loss();
    wide.backward(coefficients);
    const weight = wide.weight;
    expect(Array.from(weight.touched.subarray(0, weight.touchedCount))).toEqual([4, 2, 9, 6]);
    weight.touched.subarray(0, weight.touchedCount).forEach((row, k) => {
      for (let o = 0; o < 2; o++) {
        const numeric = numericGrad(weight.value, row * 2 + o, loss);
        expect(closeTo(weight.gradAt(k, o), numeric), `row ${row} output ${o}`).toBe(true);
      }
    });
    weight.clearGrad();
  });
});

describe('Dense', () => {
  const rng = new Rng(12);
  const dense = new Dense(4, 3, rng);
  rng.fillUniform(dense.bias.value, 0.5);
  const input = Float32Array.from([0.5, -1, 2, 0.25]);
  const coefficients = Float32Array.from([1.5, -0.5, 0.8]);
  const loss = (): number => weightedSum(dense.forward(input), coefficients);

  it('matches finite differences for weights, bias and input', () => {
    loss();
    const gradIn = Float32Array.from(dense.backward(coefficients));
    for (let i = 0; i < 12; i++) expect(closeTo(dense.weight.grad[i], numericGrad(dense.weight.value, i, loss))).toBe(true);
    for (let o = 0; o < 3; o++) expect(closeTo(dense.bias.grad[o], numericGrad(dense.bias.value, o, loss))).toBe(true);
    for (let i = 0; i < 4; i++) expect(closeTo(gradIn[i], numericGrad(input, i, loss))).toBe(true);
  });

  it('adds the gradients of a second backward pass before a step', () => {
    dense.weight.clearGrad();
    dense.bias.clearGrad();
    loss();
    dense.backward(coefficients);
    const once = Float32Array.from(dense.weight.grad);
    dense.backward(coefficients);
    dense.weight.grad.forEach((g, i) => expect(g).toBeCloseTo(2 * once[i], 5));
  });
});

describe('Relu', () => {
  it('passes values and gradients only where the input is positive', () => {
    const relu = new Relu(4);
    const input = Float32Array.from([-1, 0.5, 2, -0.1]);
    expect(Array.from(relu.forward(input))).toEqual([0, 0.5, 2, 0]);
    const coefficients = Float32Array.from([1, 2, 3, 4]);
    const gradIn = Float32Array.from(relu.backward(coefficients));
    const loss = (): number => weightedSum(relu.forward(input), coefficients);
    for (let i = 0; i < 4; i++) expect(closeTo(gradIn[i], numericGrad(input, i, loss, 1e-3))).toBe(true);
  });
});

describe('SlotSoftmax', () => {
  const rng = new Rng(13);
  const head = new SlotSoftmax(5, 3);
  rng.fillUniform(head.weight.value, 1);
  rng.fillUniform(head.bias.value, 1);
  rng.fillUniform(head.transition.value, 1);
  const input = Float32Array.from([0.7, -0.3, 1.1]);
  const slots = Int32Array.from([0, 1, 2]); // the occupied slots: always the first ones
  const target = 1; // slot 1
  const from = 2; // the page's own site: slot 2
  const loss = (after = from): number => -Math.log(head.forward(input, 3, after)[target]);

  it('gives probabilities over the active slots only', () => {
    const probs = head.forward(input, 3, from);
    expect(probs[0] + probs[1] + probs[2]).toBeCloseTo(1, 12);
  });

  it('adds the row of what follows the page\'s site to the logits, and nothing without one', () => {
    const logits = (after: number) => Array.from(head.forward(input, 3, after).subarray(0, 3), Math.log);
    const [withRow, without] = [logits(from), logits(-1)];
    const t = head.transition.value;
    // Log-probabilities differ from logits by one constant: compare differences between slots.
    for (const k of [1, 2]) {
      expect(withRow[k] - withRow[0] - (without[k] - without[0])).toBeCloseTo(t[from * 5 + k] - t[from * 5], 5);
    }
  });

  it('matches finite differences of the cross-entropy, touching only active rows and the row of the page\'s site', () => {
    loss();
    const gradIn = Float32Array.from(head.backward(target));
    expect(Array.from(head.weight.touched.subarray(0, head.weight.touchedCount))).toEqual([0, 1, 2]);
    expect(Array.from(head.transition.touched.subarray(0, head.transition.touchedCount))).toEqual([from]);
    slots.forEach((slot, k) => {
      for (let i = 0; i < 3; i++) {
        expect(closeTo(head.weight.gradAt(k, i), numericGrad(head.weight.value, slot * 3 + i, loss))).toBe(true);
      }
      expect(closeTo(head.bias.gradAt(k, 0), numericGrad(head.bias.value, slot, loss))).toBe(true);
      expect(closeTo(head.transition.gradAt(0, slot), numericGrad(head.transition.value, from * 5 + slot, loss))).toBe(true);
    });
    // Slots past the occupied ones have no gradient.
    expect(head.transition.gradAt(0, 3)).toBe(0);
    expect(head.transition.gradAt(0, 4)).toBe(0);
    for (let i = 0; i < 3; i++) expect(closeTo(gradIn[i], numericGrad(input, i, loss))).toBe(true);
    for (const param of head.params()) param.clearGrad();
  });

  it('learns no row of what follows when the page\'s site has no slot', () => {
    loss(-1);
    head.backward(target);
    expect(head.transition.hasGrad).toBe(false);
    for (const param of head.params()) param.clearGrad();
  });

  it('starts a site that takes over a slot as an average one: its bias and column the mean of the other occupied sites\', its rows empty', () => {
    const t = head.transition.value;
    const before = { bias: head.bias.value.slice(), table: t.slice() };
    head.resetSlot(2, 4); // slots 0–3 occupied
    expect(Array.from(head.weight.value.subarray(6, 9))).toEqual([0, 0, 0]);
    expect(head.bias.value[2]).toBeCloseTo((before.bias[0] + before.bias[1] + before.bias[3]) / 3, 6);
    expect(Array.from(t.subarray(10, 15))).toEqual([0, 0, 0, 0, 0]); // what followed the site of slot 2
    // What came before it: each occupied row's mean over its other occupied columns; unoccupied rows 0.
    for (const row of [0, 1, 3]) {
      const mean = (before.table[row * 5] + before.table[row * 5 + 1] + before.table[row * 5 + 3]) / 3;
      expect(t[row * 5 + 2]).toBeCloseTo(mean, 6);
    }
    expect(t[4 * 5 + 2]).toBe(0);
    expect(t[1 * 5 + 3]).toBe(before.table[1 * 5 + 3]); // the rest is kept
    // The only site: nothing to take a mean of.
    head.resetSlot(0, 1);
    expect(head.bias.value[0]).toBe(0);
    expect([1, 2, 3, 4].map((row) => t[row * 5])).toEqual([0, 0, 0, 0]);
  });
});
