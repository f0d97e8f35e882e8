// Runs every implementation through the benchmark together: each warms up on its own stream,
// then they take turns, a few timed blocks each, at online training on the shared stream (each
// example predicted, then learned) and then at predicting held-out examples. Taking turns spreads
// every implementation's blocks over the same stretch of time, so a slow or busy spell of the
// machine falls on all of them alike and the ratios between them hold. One code path, with the
// same blocks, measures Tabula and every peer.

import { BlockTimer } from './block-timer';
import { constantLogLoss, meanLogLoss } from './log-loss';
import type { Implementation, OnlineLearner } from './online-learner';
import type { SparseExample } from './synthetic-task';

export interface BenchStreams {
  readonly warmUp: readonly SparseExample[];
  readonly train: readonly SparseExample[];
  readonly heldOut: readonly SparseExample[];
}

export interface Measurement {
  readonly implementation: Implementation;
  readonly steps: number;
  readonly stepsPerSecond: number; // per second of CPU time: the median over blocks (see block-timer.ts)
  readonly wallStepsPerSecond: number; // the same by the wall clock
  readonly timedBlocks: number;
  readonly predictMicroseconds: number; // CPU time, median over blocks of held-out predictions
  readonly wallPredictMicroseconds: number;
  readonly progressivePredictions: Float64Array; // one per training step, made before learning
  readonly progressiveLogLoss: number;
  readonly constantLogLoss: number; // over the same steps
  readonly heldOutLogLoss: number;
  readonly learns: boolean;
  readonly weightBytes: number | undefined;
}

export interface Timing {
  readonly warmUpMs: number;
  // Each implementation's turn at training runs several blocks: the first block of a turn finds
  // the caches full of the previous implementation's data, and the median leaves it out.
  readonly turnSteps: number;
  readonly blockSteps: number; // training steps per timed block
  readonly blockPredictions: number; // held-out predictions per timed block
  readonly predictPasses: number; // timed passes over the held-out examples, after one untimed pass
  readonly rerunBelowMs: number; // a run shorter than this is repeated, untimed, to check it is deterministic
}

export const benchTiming: Timing = {
  warmUpMs: 500,
  turnSteps: 2000,
  blockSteps: 500,
  blockPredictions: 250,
  predictPasses: 3,
  rerunBelowMs: 2000,
};

interface Run {
  readonly implementation: Implementation;
  readonly learner: OnlineLearner;
  readonly train: readonly SparseExample[];
  readonly progressive: Float64Array;
  readonly heldOut: Float64Array;
  readonly trainTimer: BlockTimer;
  readonly predictTimer: BlockTimer;
}

export async function measureAll(
  implementations: readonly Implementation[],
  streams: BenchStreams,
  seed: number,
  timing: Timing = benchTiming,
  onStage: (stage: string) => void = () => {},
): Promise<Measurement[]> {
  const runs: Run[] = [];
  for (const implementation of implementations) {
    onStage(`warming up ${implementation.name}`);
    await warmUp(implementation, streams, seed, timing.warmUpMs);
    const steps = Math.min(implementation.trainSteps ?? streams.train.length, streams.train.length);
    const train = streams.train.slice(0, steps);
    const learner = await implementation.create(seed);
    const progressive = new Float64Array(steps);
    const heldOut = new Float64Array(streams.heldOut.length);
    runs.push({ implementation, learner, train, progressive, heldOut, trainTimer: new BlockTimer(), predictTimer: new BlockTimer() });
  }
  onStage('training, in turns');
  const longest = Math.max(...runs.map((run) => run.train.length));
  for (let turn = 0; turn < longest; turn += timing.turnSteps) {
    for (const run of runs.filter((r) => turn < r.train.length)) {
      await run.learner.activate?.();
      const turnEnd = Math.min(turn + timing.turnSteps, run.train.length);
      for (let start = turn; start < turnEnd; start += timing.blockSteps) {
        const end = Math.min(start + timing.blockSteps, turnEnd);
        run.trainTimer.time(end - start, () => {
          for (let i = start; i < end; i++) run.progressive[i] = run.learner.learn(run.train[i].indices, run.train[i].label);
        });
      }
    }
  }
  onStage('predicting, in turns');
  // A turn is a whole pass. The first pass is untimed: the prediction loop is new code to the
  // JIT, and its first blocks would be timed before it is compiled.
  for (let pass = 0; pass <= timing.predictPasses; pass++) {
    for (const run of runs) {
      await run.learner.activate?.();
      for (let start = 0; start < streams.heldOut.length; start += timing.blockPredictions) {
        const end = Math.min(start + timing.blockPredictions, streams.heldOut.length);
        const predictBlock = () => {
          for (let i = start; i < end; i++) run.heldOut[i] = run.learner.predict(streams.heldOut[i].indices);
        };
        if (pass === 0) predictBlock();
        else run.predictTimer.time(end - start, predictBlock);
      }
    }
  }
  const measurements: Measurement[] = [];
  for (const run of runs) {
    const weightBytes = run.learner.weightBytes?.();
    run.learner.dispose?.();
    if (run.trainTimer.rates().totalWallMs < timing.rerunBelowMs) await checkDeterministic(run, seed);
    measurements.push(summarise(run, streams, weightBytes));
  }
  return measurements;
}

function summarise(run: Run, streams: BenchStreams, weightBytes: number | undefined): Measurement {
  const training = run.trainTimer.rates();
  const predicting = run.predictTimer.rates();
  const progressiveLogLoss = meanLogLoss(run.progressive, run.train);
  const constant = constantLogLoss(run.train);
  return {
    implementation: run.implementation,
    steps: run.train.length,
    stepsPerSecond: training.perCpuSecond,
    wallStepsPerSecond: training.perWallSecond,
    timedBlocks: training.blocks,
    predictMicroseconds: 1e6 / predicting.perCpuSecond,
    wallPredictMicroseconds: 1e6 / predicting.perWallSecond,
    progressivePredictions: run.progressive,
    progressiveLogLoss,
    constantLogLoss: constant,
    heldOutLogLoss: meanLogLoss(run.heldOut, streams.heldOut),
    learns: progressiveLogLoss < constant,
    weightBytes,
  };
}

/** A throwaway model learns and predicts until the JIT (and any backend) has settled. */
async function warmUp(implementation: Implementation, streams: BenchStreams, seed: number, warmUpMs: number): Promise<void> {
  const learner = await implementation.create(seed + 1);
  const started = performance.now();
  for (let i = 0; i < streams.warmUp.length && performance.now() - started < warmUpMs; i++) {
    const example = streams.warmUp[i];
    learner.learn(example.indices, example.label);
    learner.predict(example.indices);
  }
  learner.dispose?.();
}

/** Losses must not depend on timing: a second fresh model with the same seed predicts the same. */
async function checkDeterministic(run: Run, seed: number): Promise<void> {
  const learner = await run.implementation.create(seed);
  for (let i = 0; i < run.train.length; i++) {
    if (learner.learn(run.train[i].indices, run.train[i].label) !== run.progressive[i]) {
      throw new Error(`${run.implementation.name} is not deterministic for a fixed seed`);
    }
  }
  learner.dispose?.();
}
