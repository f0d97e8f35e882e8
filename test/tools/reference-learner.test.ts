// The replay's reference learner: its gradients against finite differences, and that it learns
// simple streams (a site always engaged beside one never engaged, active times per site, a habitual
// next site) as a logistic regression over the learner's tokens should.
import { describe, expect, it } from 'vitest';
import { EncodedInput } from '../../model/encoded-input';
import { logLossOfLogit } from '../../model/losses';
import { Rng } from '../../model/rng';
import { ReferenceLearner, SparseLinear } from '../../tools/reference-learner';
import { closeTo, makeVisit, numericGrad } from '../model/helpers';

/** An input of the given buckets and signs (a bucket may repeat: colliding tokens). */
function inputOf(buckets: number[], signs: number[]): EncodedInput {
  const input = new EncodedInput();
  input.count = buckets.length;
  input.buckets.set(buckets);
  input.signs.set(signs);
  return input;
}

function randomLinear(outputs: number): SparseLinear {
  const linear = new SparseLinear(16, outputs, 0.05);
  const rng = new Rng(3);
  rng.fillNormal(linear.weights, 0.5);
  rng.fillNormal(linear.bias, 0.5);
  return linear;
}

describe('SparseLinear', () => {
  // Bucket 5 twice with the same sign, bucket 9 twice with opposite signs (its gradient is 0).
  const input = inputOf([5, 9, 5, 2, 9], [1, -1, 1, -1, 1]);

  it('gives the gradient of the log loss of a logistic output', () => {
    const linear = randomLinear(1);
    const out = new Float64Array(1);
    const loss = (): number => logLossOfLogit(linear.forward(input, out)[0], 1);
    const p = 1 / (1 + Math.exp(-linear.forward(input, out)[0]));
    const grads = linear.gradient(input, Float64Array.of(p - 1));
    expect([...grads.keys()].sort((a, b) => a - b)).toEqual([2, 5, 9]);
    for (const [index, g] of grads) expect(closeTo(g, numericGrad(linear.weights, index, loss))).toBe(true);
    expect(grads.get(9)).toBe(0);
  });

  it('gives the gradient of the cross-entropy of a softmax over the first outputs', () => {
    const linear = randomLinear(4);
    const out = new Float64Array(4);
    const target = 2;
    const probabilities = (): number[] => {
      const logits = [...linear.forward(input, out, 3).subarray(0, 3)];
      const max = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - max));
      return exps.map((e) => e / exps.reduce((a, b) => a + b));
    };
    const loss = (): number => -Math.log(probabilities()[target]);
    const outputGrads = Float64Array.from(probabilities().map((p, r) => p - (r === target ? 1 : 0)));
    const grads = linear.gradient(input, outputGrads, 3);
    expect(grads.size).toBe(9); // 3 buckets × 3 outputs: the fourth output is not touched
    for (const [index, g] of grads) expect(closeTo(g, numericGrad(linear.weights, index, loss))).toBe(true);
  });

  it('steps against the gradient and forgets an output', () => {
    const linear = randomLinear(2);
    const out = new Float64Array(2);
    const before = linear.forward(input, out)[1];
    linear.step(input, Float64Array.of(0, 1));
    expect(linear.forward(input, out)[1]).toBeLessThan(before);
    linear.resetOutput(1);
    expect(linear.bias[1]).toBe(0);
    for (let b = 0; b < 16; b++) expect(linear.weights[b * 2 + 1]).toBe(0);
  });
});

describe('ReferenceLearner', () => {
  /** Sessions of three visits: reading.example (engaged, 90 s) then glance.example (2 s), then reading again. */
  function stream(sessions: number): ReturnType<typeof makeVisit>[] {
    const visits = [];
    let at = Date.UTC(2025, 0, 6, 9);
    for (let s = 0; s < sessions; s++) {
      for (const host of ['reading.example', 'glance.example', 'reading.example']) {
        const reading = host === 'reading.example';
        const activeMs = reading ? 90_000 : 2_000;
        visits.push(makeVisit({ host, url: `https://${host}/`, path: '/', title: '', description: '', activeMs, startedAt: at, endedAt: at + activeMs }));
        at += activeMs + 5_000;
      }
      at += 2 * 3_600_000;
    }
    return visits;
  }

  it('learns a separable stream: engagement, active time and the habitual next site', () => {
    const reference = new ReferenceLearner({ size: 'small' });
    const scores = stream(100).map((visit) => reference.observe(visit));
    const last = scores.slice(-30);
    const reading = last.filter((_, i) => i % 3 !== 1);
    const glance = last.filter((_, i) => i % 3 === 1);
    // Separated: every engaged visit ranks above every other.
    expect(Math.min(...reading.map((score) => score.engaged!))).toBeGreaterThan(Math.max(...glance.map((score) => score.engaged!)));
    for (const score of reading) {
      expect(score.engaged).toBeGreaterThan(0.8);
      expect(score.activeSeconds).toBeGreaterThan(60);
      expect(score.activeSeconds).toBeLessThan(120);
    }
    for (const score of glance) {
      expect(score.engaged).toBeLessThan(0.2);
      expect(score.activeSeconds).toBeLessThan(4);
      expect(score.next[0]).toBe('reading.example');
    }
    // After the first reading of a session comes the glance; after the second, nothing (in a new session: the first reading).
    expect(last[0].next[0]).toBe('glance.example');
  });

  it('predicts before it learns: the first visit gets the untrained outputs', () => {
    const reference = new ReferenceLearner({ size: 'small' });
    const [first] = stream(1).map((visit) => reference.observe(visit));
    expect(first).toEqual({ engaged: 0.5, activeSeconds: 0, next: [] });
  });
});
