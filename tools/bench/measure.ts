// Runs every implementation through one workload together: each warms up on a workload of its
// own, then they take turns, a few timed blocks each, at learning the shared visits (each one
// scored, then learned) and then at predicting held-out pages. Taking turns spreads every
// implementation's blocks over the same stretch of time, so a slow or busy spell of the machine
// falls on all of them alike and the ratios between them hold. One code path, with the same
// blocks, measures Tabula and every peer.

import { engagementLabel } from '../../model/labels';
import { BlockTimer } from './block-timer';
import type { Implementation, OnlineLearner, Workload } from './online-learner';
import { areaUnderCurve, constantLogLoss, meanLogLoss, type Label } from './scores';

export interface BenchWorkloads {
  readonly run: Workload;
  /** Another person's visits, for the throwaway models that warm the JIT up. */
  readonly warmUp: Workload;
}

export interface Measurement {
  readonly implementation: Implementation;
  readonly steps: number; // visits learned
  readonly microsecondsPerVisit: number; // CPU time of one visit learned: the median over blocks (see block-timer.ts)
  readonly wallMicrosecondsPerVisit: number; // the same by the wall clock
  readonly timedBlocks: number;
  readonly predictMicroseconds: number; // CPU time, median over blocks of held-out predictions
  readonly wallPredictMicroseconds: number;
  readonly progressivePredictions: Float64Array; // one per visit, made before learning it (NaN: no label)
  readonly progressiveLogLoss: number;
  readonly progressiveAuc: number;
  readonly constantLogLoss: number; // over the same visits
  readonly heldOutLogLoss: number;
  readonly learns: boolean;
  readonly stateBytes: number;
}

/** The engagement labels of a workload's training visits and of its held-out pages. */
export function labelsOf(workload: Workload): { train: Label[]; heldOut: Label[] } {
  return { train: workload.train.map(engagementLabel), heldOut: workload.heldOut.map(engagementLabel) };
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
  predictPasses: 2,
  rerunBelowMs: 2000,
};

interface Run {
  readonly implementation: Implementation;
  readonly learner: OnlineLearner;
  readonly steps: number;
  readonly progressive: Float64Array;
  readonly heldOut: Float64Array;
  readonly trainTimer: BlockTimer;
  readonly predictTimer: BlockTimer;
}

export async function measureAll(
  implementations: readonly Implementation[],
  workloads: BenchWorkloads,
  seed: number,
  timing: Timing = benchTiming,
  onStage: (stage: string) => void = () => {},
): Promise<Measurement[]> {
  const { run: workload } = workloads;
  const visits = workload.train.length;
  const heldOutPages = workload.heldOut.length;
  const runs: Run[] = [];
  for (const implementation of implementations) {
    onStage(`warming up ${implementation.name}`);
    await warmUp(implementation, workloads.warmUp, seed, timing.warmUpMs);
    const steps = Math.min(implementation.trainSteps ?? visits, visits);
    const learner = await implementation.create(seed, workload);
    const progressive = new Float64Array(steps);
    const heldOut = new Float64Array(heldOutPages);
    runs.push({ implementation, learner, steps, progressive, heldOut, trainTimer: new BlockTimer(), predictTimer: new BlockTimer() });
  }
  onStage('learning, in turns');
  const longest = Math.max(...runs.map((run) => run.steps));
  for (let turn = 0; turn < longest; turn += timing.turnSteps) {
    for (const run of runs.filter((r) => turn < r.steps)) {
      await run.learner.activate?.();
      const turnEnd = Math.min(turn + timing.turnSteps, run.steps);
      for (let start = turn; start < turnEnd; start += timing.blockSteps) {
        const end = Math.min(start + timing.blockSteps, turnEnd);
        run.trainTimer.time(end - start, () => {
          for (let i = start; i < end; i++) run.progressive[i] = run.learner.learn(i);
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
      for (let start = 0; start < heldOutPages; start += timing.blockPredictions) {
        const end = Math.min(start + timing.blockPredictions, heldOutPages);
        const predictBlock = () => {
          for (let i = start; i < end; i++) run.heldOut[i] = run.learner.predict(i);
        };
        if (pass === 0) predictBlock();
        else run.predictTimer.time(end - start, predictBlock);
      }
    }
  }
  const labels = labelsOf(workload);
  const measurements: Measurement[] = [];
  for (const run of runs) {
    const stateBytes = run.learner.stateBytes();
    run.learner.dispose?.();
    if (run.trainTimer.rates().totalWallMs < timing.rerunBelowMs) await checkDeterministic(run, workload, seed);
    measurements.push(summarise(run, labels.train.slice(0, run.steps), labels.heldOut, stateBytes));
  }
  return measurements;
}

function summarise(run: Run, labels: Label[], heldOutLabels: Label[], stateBytes: number): Measurement {
  const training = run.trainTimer.rates();
  const predicting = run.predictTimer.rates();
  const progressiveLogLoss = meanLogLoss(run.progressive, labels);
  const constant = constantLogLoss(labels);
  return {
    implementation: run.implementation,
    steps: run.steps,
    microsecondsPerVisit: 1e6 / training.perCpuSecond,
    wallMicrosecondsPerVisit: 1e6 / training.perWallSecond,
    timedBlocks: training.blocks,
    predictMicroseconds: 1e6 / predicting.perCpuSecond,
    wallPredictMicroseconds: 1e6 / predicting.perWallSecond,
    progressivePredictions: run.progressive,
    progressiveLogLoss,
    progressiveAuc: areaUnderCurve(run.progressive, labels),
    constantLogLoss: constant,
    heldOutLogLoss: meanLogLoss(run.heldOut, heldOutLabels),
    learns: progressiveLogLoss < constant,
    stateBytes,
  };
}

/** A throwaway model learns and predicts until the JIT (and any backend) has settled. */
async function warmUp(implementation: Implementation, workload: Workload, seed: number, warmUpMs: number): Promise<void> {
  const learner = await implementation.create(seed + 1, workload);
  const started = performance.now();
  const pages = workload.heldOut.length;
  for (let i = 0; i < workload.train.length && performance.now() - started < warmUpMs; i++) {
    learner.learn(i);
    if (pages > 0) learner.predict(i % pages);
  }
  learner.dispose?.();
}

/** Losses must not depend on timing: a second fresh model with the same seed predicts the same. */
async function checkDeterministic(run: Run, workload: Workload, seed: number): Promise<void> {
  const learner = await run.implementation.create(seed, workload);
  for (let i = 0; i < run.steps; i++) {
    if (!Object.is(learner.learn(i), run.progressive[i])) {
      throw new Error(`${run.implementation.name} is not deterministic for a fixed seed`);
    }
  }
  learner.dispose?.();
}
