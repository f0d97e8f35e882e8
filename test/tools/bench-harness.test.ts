// The benchmark's own checks: its synthetic task is fixed by its seed, well formed and
// learnable, and the harness calls a learner that cannot beat the constant what it is.
import { describe, expect, it } from 'vitest';
import { constantLogLoss, exampleLogLoss, teacherLogLoss } from '../../tools/bench/log-loss';
import { measure, type BenchStreams } from '../../tools/bench/measure';
import type { Implementation, OnlineLearner } from '../../tools/bench/online-learner';
import { compare } from '../../tools/bench/report';
import { SyntheticTask, benchTaskShape } from '../../tools/bench/synthetic-task';

const quickTiming = { warmUpMs: 5, minTrainingMs: 0, maxTrainingRuns: 1, minPredictMs: 0 };

/** Online logistic regression on the active slots: a learner independent of any network code. */
function logisticLearner(inputs: number, learningRate: number): OnlineLearner {
  const weights = new Float64Array(inputs);
  let bias = 0;
  const predict = (indices: Int32Array) => {
    let logit = bias;
    for (const slot of indices) logit += weights[slot];
    return 1 / (1 + Math.exp(-logit));
  };
  return {
    predict,
    learn(indices, label) {
      const probability = predict(indices);
      const step = learningRate * (probability - label);
      bias -= step;
      for (const slot of indices) weights[slot] -= step;
      return probability;
    },
  };
}

function implementation(name: string, isTabula: boolean, make: () => OnlineLearner): Implementation {
  return { name, settings: '', isTabula, create: async () => make() };
}

describe('the synthetic task', () => {
  it('draws the same stream for the same seed and another for another seed', () => {
    const first = new SyntheticTask(benchTaskShape, 7).take(200);
    const again = new SyntheticTask(benchTaskShape, 7).take(200);
    const other = new SyntheticTask(benchTaskShape, 8).take(200);
    expect(again.map((e) => [...e.indices, e.label])).toEqual(first.map((e) => [...e.indices, e.label]));
    expect(other.map((e) => [...e.indices])).not.toEqual(first.map((e) => [...e.indices]));
  });

  it('gives each example about 40 distinct slots within the inputs', () => {
    const examples = new SyntheticTask(benchTaskShape, 3).take(1000);
    let active = 0;
    for (const example of examples) {
      expect(new Set(example.indices).size).toBe(example.indices.length);
      expect(Math.min(...example.indices)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...example.indices)).toBeLessThan(benchTaskShape.inputs);
      expect(example.indices.length).toBeGreaterThanOrEqual(36);
      expect(example.indices.length).toBeLessThanOrEqual(44);
      active += example.indices.length;
    }
    expect(active / examples.length).toBeCloseTo(40, 0);
  });

  it('is learnable: an online logistic regression beats the constant predictor clearly', () => {
    const examples = new SyntheticTask(benchTaskShape, 5).take(6000);
    const positives = examples.filter((e) => e.label === 1).length / examples.length;
    expect(positives).toBeGreaterThan(0.25);
    expect(positives).toBeLessThan(0.6);
    const learner = logisticLearner(benchTaskShape.inputs, 0.03);
    let loss = 0;
    for (const example of examples) loss += exampleLogLoss(learner.learn(example.indices, example.label), example.label);
    const constant = constantLogLoss(examples);
    expect(loss / examples.length).toBeLessThan(constant - 0.05);
    expect(teacherLogLoss(examples)).toBeLessThan(loss / examples.length);
  });
});

describe('the harness', () => {
  const task = new SyntheticTask(benchTaskShape, 11);
  const streams: BenchStreams = { train: task.take(3000), heldOut: task.take(300), warmUp: task.take(100) };

  it('calls a constant predictor "does not learn" and compares Tabula with the fastest peer that learns', async () => {
    const constant = await measure(implementation('constant', false, () => ({ learn: () => 0.5, predict: () => 0.5 })), streams, 1, quickTiming);
    const logistic = await measure(implementation('logistic', false, () => logisticLearner(1024, 0.03)), streams, 1, quickTiming);
    const tabulaStandIn = await measure(implementation('stand-in', true, () => logisticLearner(1024, 0.03)), streams, 1, quickTiming);
    expect(constant.learns).toBe(false);
    expect(logistic.learns).toBe(true);
    expect(logistic.progressiveLogLoss).toBeLessThan(logistic.constantLogLoss);
    const comparison = compare([constant, logistic, tabulaStandIn], streams);
    expect(comparison.fastestPeer?.implementation.name).toBe('logistic');
    expect(comparison.tabulaLogLossOnPeerSteps).toBeCloseTo(logistic.progressiveLogLoss, 10);
    expect(comparison.logLossEqualOrBetter).toBe(true);
  });
});
