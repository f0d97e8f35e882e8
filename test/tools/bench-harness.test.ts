// The benchmark's own checks: its synthetic task is fixed by its seed, well formed and
// learnable, and the harness calls a learner that cannot beat the constant what it is.
import { describe, expect, it } from 'vitest';
import { BlockTimer, median } from '../../tools/bench/block-timer';
import { compare } from '../../tools/bench/compare';
import { constantLogLoss, exampleLogLoss, teacherLogLoss } from '../../tools/bench/log-loss';
import { measureAll, type BenchStreams, type Measurement, type Timing } from '../../tools/bench/measure';
import type { Implementation, OnlineLearner } from '../../tools/bench/online-learner';
import { SyntheticTask, benchTaskShape } from '../../tools/bench/synthetic-task';

const quickTiming: Timing = { warmUpMs: 5, turnSteps: 500, blockSteps: 500, blockPredictions: 100, predictPasses: 1, rerunBelowMs: 0 };

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
    const [constant, logistic, tabulaStandIn] = await measureAll(
      [
        implementation('constant', false, () => ({ learn: () => 0.5, predict: () => 0.5 })),
        implementation('logistic', false, () => logisticLearner(1024, 0.03)),
        implementation('stand-in', true, () => logisticLearner(1024, 0.03)),
      ],
      streams,
      1,
      quickTiming,
    );
    expect(constant.learns).toBe(false);
    expect(logistic.learns).toBe(true);
    expect(logistic.progressiveLogLoss).toBeLessThan(logistic.constantLogLoss);
    const comparison = compare([constant, logistic, tabulaStandIn], streams);
    expect(comparison.fastestPeer?.implementation.name).toBe('logistic');
    expect(comparison.tabulaLogLossOnPeerSteps).toBeCloseTo(logistic.progressiveLogLoss, 10);
    expect(comparison.logLossEqualOrBetter).toBe(true);
    // The same learner is not strictly better than itself, so "better than every peer" fails.
    expect(comparison.logLossBetterThanEveryPeer).toBe(false);
    expect(comparison.everyPeer.map((p) => p.peer.implementation.name)).toEqual(['constant', 'logistic']);
  });

  it('finds Tabula better than every peer only when it beats each one over that peer\'s steps', async () => {
    const [slow, quick] = await measureAll(
      [implementation('slow', false, () => logisticLearner(1024, 0.003)), implementation('quick', false, () => logisticLearner(1024, 0.03))],
      streams,
      1,
      quickTiming,
    );
    const asTabula = (m: Measurement): Measurement => ({ ...m, implementation: { ...m.implementation, isTabula: true } });
    const quickAsTabula = compare([slow, asTabula(quick)], streams);
    expect(quickAsTabula.everyPeer[0].tabulaLogLoss).toBeLessThan(slow.progressiveLogLoss);
    expect(quickAsTabula.logLossBetterThanEveryPeer).toBe(true);
    expect(compare([asTabula(slow), quick], streams).logLossBetterThanEveryPeer).toBe(false);
  });

  it('times in blocks and reports the median, so a stall in one block does not move the rate', async () => {
    let stalls = 0;
    // Each learner stalls on its first step: the warm-up's, then the timed run's first block.
    const stallOnce = (): OnlineLearner => {
      const inner = logisticLearner(1024, 0.03);
      let stalled = false;
      return {
        predict: inner.predict,
        learn(indices, label) {
          if (!stalled) {
            stalled = true;
            stalls++;
            busyFor(30); // busy, so CPU time sees it as well as the wall clock
          }
          return inner.learn(indices, label);
        },
      };
    };
    const [measured] = await measureAll([implementation('stalls once', false, stallOnce)], streams, 1, quickTiming);
    expect(stalls).toBe(2);
    expect(measured.timedBlocks).toBe(streams.train.length / quickTiming.blockSteps);
    // 3,000 steps with a 30 ms stall average under 100,000 steps/s; the median block does not stall.
    expect(measured.stepsPerSecond).toBeGreaterThan(200_000);
    expect(measured.wallStepsPerSecond).toBeGreaterThan(200_000);
  });

  it('lets the implementations take turns of a few blocks each, activating each before its turn', async () => {
    const turns: string[] = [];
    const logged = (name: string, steps: number): Implementation => ({
      ...implementation(name, false, () => ({ learn: () => 0.5, predict: () => 0.5 })),
      trainSteps: steps,
      async create() {
        let timed = false; // the warm-up's learner is never activated
        return {
          activate: async () => void (timed = true),
          learn: () => (timed && turns.push(name), 0.5),
          predict: () => 0.5,
        };
      },
    });
    const [long, short] = await measureAll([logged('long', 2500), logged('short', 700)], streams, 1, { ...quickTiming, turnSteps: 1000 });
    // Turns of 1000 steps in blocks of 500: long 1000, short 700, long 1000, long 500.
    const turnTaking = turns.filter((name, i) => name !== turns[i - 1]);
    expect(turnTaking).toEqual(['long', 'short', 'long']);
    expect(turns.filter((name) => name === 'short')).toHaveLength(700);
    expect(turns.filter((name) => name === 'long')).toHaveLength(2500);
    expect([long.timedBlocks, short.timedBlocks]).toEqual([5, 2]);
  });

  it('reruns a short run and refuses an implementation that is not deterministic for its seed', async () => {
    const noisy = implementation('noisy', false, () => ({ learn: () => Math.random(), predict: () => 0.5 }));
    await expect(measureAll([noisy], streams, 1, { ...quickTiming, rerunBelowMs: 60_000 })).rejects.toThrow(/not deterministic/);
    const steady = implementation('steady', false, () => logisticLearner(1024, 0.03));
    await expect(measureAll([steady], streams, 1, { ...quickTiming, rerunBelowMs: 60_000 })).resolves.toHaveLength(1);
  });
});

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('the block timer', () => {
  it('takes the median of the block rates', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('counts a block that computes in CPU time, and one that waits in wall-clock time only', () => {
    const computing = new BlockTimer();
    const waiting = new BlockTimer();
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    let sink = 0;
    for (let block = 0; block < 3; block++) {
      computing.time(1000, () => {
        for (let i = 0; i < 2_000_000; i++) sink += Math.sqrt(i);
      });
      waiting.time(1000, () => Atomics.wait(sleeper, 0, 0, 20));
    }
    expect(sink).toBeGreaterThan(0);
    expect(computing.rates().blocks).toBe(3);
    // 1000 items in (at least) 20 ms of waiting: at most 50,000 a second, and almost no CPU time.
    expect(waiting.rates().perWallSecond).toBeLessThanOrEqual(50_000);
    expect(waiting.rates().perCpuSecond).toBeGreaterThan(10 * waiting.rates().perWallSecond);
    expect(computing.rates().perCpuSecond).toBeLessThan(waiting.rates().perCpuSecond / 5);
  });
});
