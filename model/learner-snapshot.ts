// A learner as plain data (typed arrays allowed): what the worker checkpoints in IndexedDB
// and what model files encode. Restoring it gives a learner that continues exactly as the
// original would have.
import type { DictionarySnapshot } from './dictionary';
import { FeatureDictionary } from './dictionary';
import type { Learner } from './learner';
import type { LearnerConfig } from './learner-config';
import { ProgressiveMetrics, type MetricsSnapshot } from './metrics';
import type { VocabularySnapshot } from './site-vocabulary';

export interface ContextSnapshot {
  hasLast: boolean;
  lastHost: string;
  lastPrev1: string;
  lastEndedAt: number;
  /** The last visit's encoded input (bucket, sign and hash of each token). */
  buckets: number[];
  signs: number[];
  hashes: number[];
}

export interface LearnerSnapshot {
  config: LearnerConfig;
  createdAt: number;
  updatedAt: number;
  visitsLearned: number;
  /** Parameter name → values (names and sizes follow from the configuration). */
  weights: Record<string, Float32Array>;
  /** Optimizer steps and state, `parameter.slot` → values (slots: velocity, sumSquares, or m and v). */
  optimizer: { steps: number; state: Record<string, Float32Array> };
  vocabulary: VocabularySnapshot;
  dictionary: DictionarySnapshot;
  context: ContextSnapshot;
  metrics: MetricsSnapshot;
}

export function takeSnapshot(learner: Learner): LearnerSnapshot {
  const params = learner.net.params();
  const optimizerState = learner.optimizer.state();
  const state: Record<string, Float32Array> = {};
  params.forEach((param, p) => {
    learner.optimizer.slotNames.forEach((slot, s) => (state[`${param.name}.${slot}`] = optimizerState.buffers[p][s]));
  });
  const last = learner.last;
  return {
    config: structuredClone(learner.config),
    createdAt: learner.createdAt,
    updatedAt: learner.updatedAt,
    visitsLearned: learner.visitsLearned,
    weights: Object.fromEntries(params.map((param) => [param.name, param.value.slice()])),
    optimizer: { steps: optimizerState.steps, state },
    vocabulary: learner.vocabulary.snapshot(),
    dictionary: learner.dictionary.snapshot(),
    context: {
      hasLast: learner.hasLast,
      lastHost: learner.lastHost,
      lastPrev1: learner.lastPrev1,
      lastEndedAt: learner.lastEndedAt,
      buckets: Array.from(last.buckets.subarray(0, last.count)),
      signs: Array.from(last.signs.subarray(0, last.count)),
      hashes: Array.from(last.hashes.subarray(0, last.count)),
    },
    metrics: learner.progress.snapshot(),
  };
}

/** Loads a snapshot into a learner built with the snapshot's configuration. */
export function applySnapshot(learner: Learner, snapshot: LearnerSnapshot): void {
  const params = learner.net.params();
  for (const param of params) param.value.set(sized(snapshot.weights[param.name], param.size, param.name));
  learner.optimizer.restore({
    steps: snapshot.optimizer.steps,
    buffers: params.map((param) =>
      learner.optimizer.slotNames.map((slot) => {
        const name = `${param.name}.${slot}`;
        return sized(snapshot.optimizer.state[name], param.size, name);
      }),
    ),
  });
  learner.vocabulary.restore(snapshot.vocabulary);
  learner.dictionary = FeatureDictionary.restore(snapshot.dictionary);
  learner.progress = ProgressiveMetrics.restore(snapshot.metrics);
  learner.createdAt = snapshot.createdAt;
  learner.updatedAt = snapshot.updatedAt;
  learner.visitsLearned = snapshot.visitsLearned;
  const { context } = snapshot;
  learner.hasLast = context.hasLast;
  learner.lastHost = context.lastHost;
  learner.lastPrev1 = context.lastPrev1;
  learner.lastEndedAt = context.lastEndedAt;
  learner.last.count = context.buckets.length;
  learner.last.buckets.set(context.buckets);
  learner.last.signs.set(context.signs);
  learner.last.hashes.set(context.hashes);
}

function sized(values: Float32Array | undefined, size: number, name: string): Float32Array {
  if (!(values instanceof Float32Array) || values.length !== size) {
    throw new RangeError(`snapshot: ${name} should hold ${size} numbers`);
  }
  return values;
}
