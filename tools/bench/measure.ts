// Runs one implementation through the benchmark: warm-up on its own stream, timed online
// training on the shared stream (each example predicted, then learned), then timed predictions
// on held-out examples. The same code path measures Tabula and every peer.

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
  readonly stepsPerSecond: number;
  readonly predictMicroseconds: number;
  readonly progressivePredictions: Float64Array; // one per training step, made before learning
  readonly progressiveLogLoss: number;
  readonly constantLogLoss: number; // over the same steps
  readonly heldOutLogLoss: number;
  readonly learns: boolean;
  readonly weightBytes: number | undefined;
}

export interface Timing {
  readonly warmUpMs: number;
  readonly minTrainingMs: number; // fast learners are timed over repeated fresh runs to beat timer noise
  readonly maxTrainingRuns: number;
  readonly minPredictMs: number;
}

export const benchTiming: Timing = { warmUpMs: 500, minTrainingMs: 1000, maxTrainingRuns: 7, minPredictMs: 300 };

export async function measure(
  implementation: Implementation,
  streams: BenchStreams,
  seed: number,
  timing: Timing = benchTiming,
): Promise<Measurement> {
  await warmUp(implementation, streams, seed, timing.warmUpMs);
  const steps = Math.min(implementation.trainSteps ?? streams.train.length, streams.train.length);
  const train = streams.train.slice(0, steps);
  const runRates: number[] = [];
  let learner: OnlineLearner | undefined;
  let predictions: Float64Array | undefined;
  const started = performance.now();
  do {
    learner?.dispose?.();
    learner = await implementation.create(seed);
    const run = timeTraining(learner, train);
    if (predictions && run.predictions.some((p, i) => p !== predictions![i])) {
      throw new Error(`${implementation.name} is not deterministic for a fixed seed`);
    }
    predictions = run.predictions;
    runRates.push(run.stepsPerSecond);
  } while (runRates.length < timing.maxTrainingRuns && performance.now() - started < timing.minTrainingMs);
  const heldOut = timePredictions(learner, streams.heldOut, timing.minPredictMs);
  const progressiveLogLoss = meanLogLoss(predictions, train);
  const constant = constantLogLoss(train);
  const weightBytes = learner.weightBytes?.();
  learner.dispose?.();
  return {
    implementation,
    steps,
    stepsPerSecond: median(runRates),
    predictMicroseconds: heldOut.microseconds,
    progressivePredictions: predictions,
    progressiveLogLoss,
    constantLogLoss: constant,
    heldOutLogLoss: meanLogLoss(heldOut.predictions, streams.heldOut),
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

function timeTraining(learner: OnlineLearner, train: readonly SparseExample[]) {
  const predictions = new Float64Array(train.length);
  const started = performance.now();
  for (let i = 0; i < train.length; i++) predictions[i] = learner.learn(train[i].indices, train[i].label);
  const elapsedMs = performance.now() - started;
  return { predictions, stepsPerSecond: (train.length / elapsedMs) * 1000 };
}

function timePredictions(learner: OnlineLearner, examples: readonly SparseExample[], minPredictMs: number) {
  const predictions = new Float64Array(examples.length);
  let passes = 0;
  const started = performance.now();
  do {
    for (let i = 0; i < examples.length; i++) predictions[i] = learner.predict(examples[i].indices);
    passes++;
  } while (performance.now() - started < minPredictMs);
  const elapsedMs = performance.now() - started;
  return { predictions, microseconds: (elapsedMs * 1000) / (passes * examples.length) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
