// The benchmark's harness: it scores every implementation alike, calls a learner that cannot
// beat the constant what it is, compares Tabula with the fastest peer that learns, times in
// blocks taken in turns, and refuses a learner that is not deterministic for its seed.
import { describe, expect, it } from 'vitest';
import { learnerConfig } from '../../model/learner-config';
import { BlockTimer, median } from '../../tools/bench/block-timer';
import { compare } from '../../tools/bench/compare';
import { labelsOf, measureAll, type BenchWorkloads, type Measurement, type Timing } from '../../tools/bench/measure';
import type { Implementation, OnlineLearner, Role, Workload } from '../../tools/bench/online-learner';
import { areaUnderCurve, constantLogLoss, meanLogLoss, type Label } from '../../tools/bench/scores';
import { encodeVisits } from '../../tools/bench/token-stream';
import { benchVisits } from '../../tools/bench/visit-stream';

const quickTiming: Timing = { warmUpMs: 5, turnSteps: 500, blockSteps: 500, blockPredictions: 100, predictPasses: 1, rerunBelowMs: 0 };

function workloadOf(visits: number, seed: number): Workload {
  const config = learnerConfig({ size: 'small', buckets: 1024, seed });
  const stream = benchVisits(visits + 200, seed);
  const [train, heldOut] = [stream.slice(0, visits), stream.slice(visits)];
  return { config, train, heldOut, tokens: encodeVisits(train, heldOut, config) };
}

/** Online logistic regression on the active rows: a learner independent of any network code. */
function logisticLearner(workload: Workload, learningRate: number): OnlineLearner {
  const weights = new Float64Array(workload.config.buckets);
  let bias = 0;
  const score = (rows: Int32Array, signs: Float32Array) => {
    let logit = bias;
    for (let k = 0; k < rows.length; k++) logit += signs[k] * weights[rows[k]];
    return 1 / (1 + Math.exp(-logit));
  };
  return {
    predict: (i) => score(workload.tokens.heldOut[i].rows, workload.tokens.heldOut[i].signs),
    learn(i) {
      const { rows, signs, engaged } = workload.tokens.train[i];
      const probability = score(rows, signs);
      if (engaged === null) return Number.NaN;
      const step = learningRate * (probability - engaged);
      bias -= step;
      for (let k = 0; k < rows.length; k++) weights[rows[k]] -= step * signs[k];
      return probability;
    },
    stateBytes: () => weights.byteLength,
  };
}

function implementation(name: string, role: Role, make: (workload: Workload) => OnlineLearner): Implementation {
  return { name, settings: '', role, create: async (_seed, workload) => make(workload) };
}

describe('the scores', () => {
  it('gives the AUC of every pair of an engaged and a not engaged visit, ties half, unlabelled visits left out', () => {
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const labels: Label[] = Array.from({ length: 400 }, () => (random() < 0.1 ? null : random() < 0.4 ? 1 : 0));
    const predictions = labels.map((label) => Math.round(10 * (random() + (label === 1 ? 0.3 : 0))) / 10); // many ties
    let pairs = 0;
    let right = 0;
    labels.forEach((a, i) => labels.forEach((b, j) => {
      if (a !== 1 || b !== 0) return;
      pairs++;
      right += predictions[i] > predictions[j] ? 1 : predictions[i] === predictions[j] ? 0.5 : 0;
    }));
    expect(areaUnderCurve(predictions, labels)).toBeCloseTo(right / pairs, 12);
    expect(areaUnderCurve([0.2, 0.2], [1, 0])).toBe(0.5);
    expect(areaUnderCurve([0.2, 0.3], [1, 1])).toBeNaN();
  });

  it('scores log loss over the labelled visits only, and the best constant as the engaged rate', () => {
    expect(meanLogLoss([0.5, Number.NaN, 0.5], [1, null, 0])).toBeCloseTo(Math.log(2), 12);
    expect(constantLogLoss([1, 0, 0, 0, null])).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 12);
  });
});

describe('the harness', () => {
  const workloads: BenchWorkloads = { run: workloadOf(3000, 11), warmUp: workloadOf(100, 12) };
  const labels = labelsOf(workloads.run).train;

  it('calls a constant predictor "does not learn" and compares Tabula with the fastest peer that learns, never with a reference', async () => {
    const [constant, logistic, tabulaStandIn, reference] = await measureAll(
      [
        implementation('constant', 'peer', () => ({ learn: () => 0.5, predict: () => 0.5, stateBytes: () => 0 })),
        implementation('logistic', 'peer', (w) => logisticLearner(w, 0.03)),
        implementation('stand-in', 'tabula', (w) => logisticLearner(w, 0.03)),
        implementation('reference', 'reference', (w) => logisticLearner(w, 0.03)),
      ],
      workloads,
      1,
      quickTiming,
    );
    expect(constant.learns).toBe(false);
    expect(logistic.learns).toBe(true);
    expect(logistic.progressiveLogLoss).toBeLessThan(logistic.constantLogLoss);
    expect(logistic.progressiveAuc).toBeGreaterThan(0.6);
    expect(constant.progressiveAuc).toBe(0.5);
    expect(logistic.stateBytes).toBe(8 * 1024);
    expect(reference.progressiveLogLoss).toBe(logistic.progressiveLogLoss);
    const comparison = compare([constant, logistic, tabulaStandIn, reference], labels);
    expect(comparison.fastestPeer?.implementation.name).toBe('logistic');
    expect(comparison.tabulaLogLossOnPeerSteps).toBeCloseTo(logistic.progressiveLogLoss, 10);
    expect(comparison.logLossEqualOrBetter).toBe(true);
    // The same learner is not strictly better than itself, so "better than every peer" fails.
    expect(comparison.logLossBetterThanEveryPeer).toBe(false);
    expect(comparison.everyPeer.map((p) => p.peer.implementation.name)).toEqual(['constant', 'logistic']);
  });

  it('finds Tabula better than every peer only when it beats each one over that peer\'s visits', async () => {
    const [slow, quick] = await measureAll(
      [implementation('slow', 'peer', (w) => logisticLearner(w, 0.003)), implementation('quick', 'peer', (w) => logisticLearner(w, 0.03))],
      workloads,
      1,
      quickTiming,
    );
    const asTabula = (m: Measurement): Measurement => ({ ...m, implementation: { ...m.implementation, role: 'tabula' } });
    const quickAsTabula = compare([slow, asTabula(quick)], labels);
    expect(quickAsTabula.everyPeer[0].tabulaLogLoss).toBeLessThan(slow.progressiveLogLoss);
    expect(quickAsTabula.logLossBetterThanEveryPeer).toBe(true);
    expect(compare([asTabula(slow), quick], labels).logLossBetterThanEveryPeer).toBe(false);
  });

  it('times in blocks and reports the median, so a stall in one block does not move the rate', async () => {
    let stalls = 0;
    // Each learner stalls on its first step: the warm-up's, then the timed run's first block.
    const stallOnce = (workload: Workload): OnlineLearner => {
      const inner = logisticLearner(workload, 0.03);
      let stalled = false;
      return {
        ...inner,
        learn(i) {
          if (!stalled) {
            stalled = true;
            stalls++;
            busyFor(30); // busy, so CPU time sees it as well as the wall clock
          }
          return inner.learn(i);
        },
      };
    };
    const [measured] = await measureAll([implementation('stalls once', 'peer', stallOnce)], workloads, 1, quickTiming);
    expect(stalls).toBe(2);
    expect(measured.timedBlocks).toBe(workloads.run.train.length / quickTiming.blockSteps);
    // 3,000 visits with a 30 ms stall average over 10 µs a visit; the median block does not stall.
    expect(measured.microsecondsPerVisit).toBeLessThan(5);
    expect(measured.wallMicrosecondsPerVisit).toBeLessThan(5);
  });

  it('lets the implementations take turns of a few blocks each, activating each before its turn', async () => {
    const turns: string[] = [];
    const logged = (name: string, steps: number): Implementation => ({
      ...implementation(name, 'peer', () => ({ learn: () => 0.5, predict: () => 0.5, stateBytes: () => 0 })),
      trainSteps: steps,
      async create() {
        let timed = false; // the warm-up's learner is never activated
        return {
          activate: async () => void (timed = true),
          learn: () => (timed && turns.push(name), 0.5),
          predict: () => 0.5,
          stateBytes: () => 0,
        };
      },
    });
    const [long, short] = await measureAll([logged('long', 2500), logged('short', 700)], workloads, 1, { ...quickTiming, turnSteps: 1000 });
    // Turns of 1000 steps in blocks of 500: long 1000, short 700, long 1000, long 500.
    const turnTaking = turns.filter((name, i) => name !== turns[i - 1]);
    expect(turnTaking).toEqual(['long', 'short', 'long']);
    expect(turns.filter((name) => name === 'short')).toHaveLength(700);
    expect(turns.filter((name) => name === 'long')).toHaveLength(2500);
    expect([long.timedBlocks, short.timedBlocks]).toEqual([5, 2]);
  });

  it('reruns a short run and refuses an implementation that is not deterministic for its seed', async () => {
    const noisy = implementation('noisy', 'peer', () => ({ learn: () => Math.random(), predict: () => 0.5, stateBytes: () => 0 }));
    await expect(measureAll([noisy], workloads, 1, { ...quickTiming, rerunBelowMs: 60_000 })).rejects.toThrow(/not deterministic/);
    const steady = implementation('steady', 'peer', (w) => logisticLearner(w, 0.03));
    await expect(measureAll([steady], workloads, 1, { ...quickTiming, rerunBelowMs: 60_000 })).resolves.toHaveLength(1);
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
