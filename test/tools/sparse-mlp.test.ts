// SparseMlp: the plain sparse network on Tabula's layers and optimizers.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../model/rng';
import { SparseMlp } from '../../tools/bench/sparse-mlp';

/** Hashed 0/1 inputs whose label depends on an interaction (an XOR of two feature groups). */
function task(count: number, seed: number): { inputs: Int32Array[]; labels: number[] } {
  const rng = new Rng(seed);
  const inputs: Int32Array[] = [];
  const labels: number[] = [];
  for (let n = 0; n < count; n++) {
    const a = rng.int(2);
    const b = rng.int(2);
    const active = new Int32Array(40);
    active[0] = a; // feature 0 or 1
    active[1] = 2 + b; // feature 2 or 3
    for (let k = 2; k < 40; k++) active[k] = 4 + rng.int(1020); // noise
    inputs.push(active);
    labels.push(a ^ b);
  }
  return { inputs, labels };
}

describe('SparseMlp', () => {
  it('learns a non-linear task online and ends far better than chance', () => {
    const mlp = new SparseMlp({ inputs: 1024, hidden: [64], outputs: 1, seed: 1, optimizer: { kind: 'sgd', learningRate: 0.05 } });
    const { inputs, labels } = task(20_000, 2);
    let lateLoss = 0;
    inputs.forEach((input, n) => {
      const p = mlp.learn(input, 40, labels[n]);
      if (n >= 18_000) lateLoss -= Math.log(labels[n] === 1 ? p : 1 - p);
    });
    expect(lateLoss / 2000).toBeLessThan(0.25); // chance: log 2 ≈ 0.69
  });

  it('returns the prediction made before learning', () => {
    const mlp = new SparseMlp({ inputs: 100, hidden: [8], outputs: 1, seed: 3 });
    const input = Int32Array.of(5, 17, 42);
    const before = mlp.predict(input, 3);
    expect(mlp.learn(input, 3, 1)).toBe(before);
    expect(mlp.predict(input, 3)).toBeGreaterThan(before);
  });

  it('takes plain SGD steps directly, just as its layers and optimizer take them', () => {
    const make = (): SparseMlp => new SparseMlp({ inputs: 300, hidden: [16], outputs: 1, seed: 4, optimizer: { kind: 'sgd', learningRate: 0.05 } });
    const [direct, general] = [make(), make()];
    const { inputs, labels } = task(3000, 6);
    let largestGap = 0;
    inputs.forEach((input, n) => {
      const active = input.map((i) => i % 300); // repeats some rows, which must then move twice
      const before = general.predict(active, 40);
      general.learnAll(active, 40, [labels[n]]); // the general path: backward, then the optimizer's step
      largestGap = Math.max(largestGap, Math.abs(direct.learn(active, 40, labels[n]) - before));
    });
    expect(largestGap).toBeLessThan(1e-4); // the two round in a different order, nothing more
    expect(direct.optimizer.steps).toBe(3000);
    direct.params().forEach((param, p) => {
      const other = general.params()[p].value;
      param.value.forEach((value, i) => expect(Math.abs(value - other[i])).toBeLessThan(1e-4));
    });
    const start = make().embedding.weight.value;
    expect(direct.embedding.weight.value.some((value, i) => value !== start[i])).toBe(true);
  });

  it('is deterministic for a seed, with any optimizer and depth', () => {
    for (const optimizer of ['sgd', 'adagrad', 'adam'] as const) {
      const make = (): SparseMlp => new SparseMlp({ inputs: 200, hidden: [16, 8], outputs: 2, seed: 9, optimizer });
      const [a, b] = [make(), make()];
      const { inputs, labels } = task(300, 4);
      inputs.forEach((input, n) => {
        for (const mlp of [a, b]) mlp.learnAll(input.map((i) => i % 200), 40, [labels[n], 1 - labels[n]]);
      });
      expect(Array.from(a.probabilities)).toEqual(Array.from(b.probabilities));
      expect(a.embedding.weight.value).toEqual(b.embedding.weight.value);
    }
  });

  it('starts every layer fan-in scaled: LeCun over the sparse inputs, He after ReLUs, ReLU biases at 0.1', () => {
    const std = (values: Float32Array): number => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);
    for (const inputs of [256, 4096]) {
      const mlp = new SparseMlp({ inputs, hidden: [64, 32], outputs: 1, seed: 5 });
      expect(std(mlp.embedding.weight.value) * Math.sqrt(inputs)).toBeCloseTo(1, 1);
      expect(std(mlp.layers[0].dense.weight.value) * Math.sqrt(64 / 2)).toBeCloseTo(1, 1);
      expect(Array.from(new Set([...mlp.embedding.bias.value, ...mlp.layers[0].dense.bias.value]))).toEqual([Math.fround(0.1)]);
    }
    const wide = new SparseMlp({ inputs: 100, hidden: [2048], outputs: 1, seed: 6, hiddenBias: 0 });
    expect(std(wide.output.weight.value) * Math.sqrt(2048 / 2)).toBeCloseTo(1, 1);
    expect(wide.embedding.bias.value.every((b) => b === 0)).toBe(true);
  });

  it('needs a hidden layer', () => {
    expect(() => new SparseMlp({ inputs: 10, hidden: [], outputs: 1 })).toThrow();
  });
});
