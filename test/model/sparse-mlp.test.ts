// SparseMlp: the plain sparse network on Tabula's layers and optimizers.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../model/rng';
import { SparseMlp } from '../../model/sparse-mlp';

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

  it('needs a hidden layer', () => {
    expect(() => new SparseMlp({ inputs: 10, hidden: [], outputs: 1 })).toThrow();
  });
});
