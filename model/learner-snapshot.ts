// A learner as plain data (typed arrays allowed): what the worker checkpoints in IndexedDB
// and what model files encode. Restoring it gives a learner that continues exactly as the
// original would have.
import type { DictionarySnapshot } from './dictionary';
import { FeatureDictionary } from './dictionary';
import { buildParts, type LearnerParts } from './learner-parts';
import type { LearnerConfig } from './learner-config';
import { ProgressiveMetrics, type MetricsSnapshot } from './metrics';
import { TRANSITION_TENSOR } from './net';
import { optimizerSlots } from './optimizer';
import type { ContextSnapshot } from './session';
import type { VocabularySnapshot } from './site-vocabulary';

export type { ContextSnapshot } from './session';

/**
 * The version of the model file and of the checkpoint: what the weights mean. 3: the words of a
 * text field weigh 1/√n each (encoded-input.ts). 4: the next-site head's table of what follows
 * what (`next.transition`); a version-3 learner is a version-4 one whose table is empty, so its
 * snapshots and files are read as such (`fromVersion3`). 5: a token for the four sites a page ends
 * (`quad`), and so a session that keeps its third site back (`context.lastPrev2`); a version-4
 * learner is read as one whose session has none (`fromVersion4`), and learns the new token's
 * weights from its next visits. A snapshot of an earlier version is refused, and the background then
 * relearns its model from the stored visits.
 */
export const MODEL_VERSION = 5;

/** The version before the table of which site follows which (TRANSITION_TENSOR), still read: as an empty table. */
export const VERSION_WITHOUT_TABLE = 3;

/** The version before the session kept its third site back, still read: as a session without one. */
export const VERSION_WITHOUT_THIRD_SITE = 4;

/** The versions read, each as this one. */
export const VERSIONS_READ = [VERSION_WITHOUT_TABLE, VERSION_WITHOUT_THIRD_SITE, MODEL_VERSION];

export interface LearnerSnapshot {
  /** MODEL_VERSION when taken; a checkpoint stored before versions were kept in it has none. */
  modelVersion: number;
  config: LearnerConfig;
  createdAt: number;
  updatedAt: number;
  visitsLearned: number;
  /** Engagement learned at each local hour (24 counts), or null when not known (a model read from version 4 or before). */
  hoursLearned: number[] | null;
  /** Parameter name → values (names and sizes follow from the configuration). */
  weights: Record<string, Float32Array>;
  /** Optimizer steps and state, `parameter.slot` → values (slots: velocity, sumSquares, or m and v). */
  optimizer: { steps: number; state: Record<string, Float32Array> };
  vocabulary: VocabularySnapshot;
  dictionary: DictionarySnapshot;
  context: ContextSnapshot;
  metrics: MetricsSnapshot;
}

export function takeSnapshot(parts: LearnerParts): LearnerSnapshot {
  const { net, optimizer, counters } = parts;
  const params = net.params();
  const optimizerState = optimizer.state();
  const state: Record<string, Float32Array> = {};
  params.forEach((param, p) => {
    optimizer.slotNames.forEach((slot, s) => (state[`${param.name}.${slot}`] = optimizerState.buffers[p][s]));
  });
  return {
    modelVersion: MODEL_VERSION,
    config: structuredClone(parts.config),
    createdAt: counters.createdAt,
    updatedAt: counters.updatedAt,
    visitsLearned: counters.visitsLearned,
    hoursLearned: counters.hoursLearned?.slice() ?? null,
    weights: Object.fromEntries(params.map((param) => [param.name, param.value.slice()])),
    optimizer: { steps: optimizerState.steps, state },
    vocabulary: parts.vocabulary.snapshot(),
    dictionary: parts.dictionary.snapshot(),
    context: parts.session.snapshot(),
    metrics: parts.progress.snapshot(),
  };
}

/** The parts of a learner built with the snapshot's configuration (`config`, already checked) and loaded with its state. */
export function restoreParts(config: LearnerConfig, input: LearnerSnapshot): LearnerParts {
  const snapshot = input.modelVersion === VERSION_WITHOUT_TABLE ? fromVersion4(fromVersion3(input, config))
    : input.modelVersion === VERSION_WITHOUT_THIRD_SITE ? fromVersion4(input) : input;
  if (snapshot.modelVersion !== MODEL_VERSION) {
    throw new RangeError(`snapshot: of model version ${snapshot.modelVersion ?? 'before 3'}, whose weights mean something else to this net (version ${MODEL_VERSION})`);
  }
  const parts = buildParts(config);
  const { net, optimizer } = parts;
  const params = net.params();
  for (const param of params) param.value.set(sized(snapshot.weights[param.name], param.size, param.name));
  optimizer.restore({
    steps: snapshot.optimizer.steps,
    buffers: params.map((param) =>
      optimizer.slotNames.map((slot) => {
        const name = `${param.name}.${slot}`;
        return sized(snapshot.optimizer.state[name], param.size, name);
      }),
    ),
  });
  parts.vocabulary.restore(snapshot.vocabulary);
  parts.session.restore(snapshot.context);
  return {
    ...parts,
    dictionary: FeatureDictionary.restore(snapshot.dictionary),
    progress: ProgressiveMetrics.restore(snapshot.metrics),
    counters: {
      createdAt: snapshot.createdAt, updatedAt: snapshot.updatedAt, visitsLearned: snapshot.visitsLearned, hoursLearned: hoursOf(snapshot.hoursLearned),
    },
  };
}

function sized(values: Float32Array | undefined, size: number, name: string): Float32Array {
  if (!(values instanceof Float32Array) || values.length !== size) {
    throw new RangeError(`snapshot: ${name} should hold ${size} numbers`);
  }
  return values;
}

/**
 * A version-4 snapshot as version 5: the same weights and state, a session without a third site
 * back (its first visits after make no four-site token, as at the start of a session), and the
 * hours it learned engagement at not known.
 */
export function fromVersion4(snapshot: LearnerSnapshot): LearnerSnapshot {
  return { ...snapshot, modelVersion: MODEL_VERSION, context: { ...snapshot.context, lastPrev2: '' }, hoursLearned: null };
}

/** A snapshot's counts of engagement by hour, if they are 24 whole numbers (else not known). */
function hoursOf(hours: unknown): number[] | null {
  if (!Array.isArray(hours) || hours.length !== 24 || !hours.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  return hours.slice();
}

/**
 * A version-3 snapshot as version 4: the same weights and state, and an empty table of what follows
 * what (zero weights and optimizer state), which predicts as version 3 did until it learns.
 */
export function fromVersion3(snapshot: LearnerSnapshot, config: LearnerConfig): LearnerSnapshot {
  const empty = () => new Float32Array(config.vocabSize * config.vocabSize);
  const state = { ...snapshot.optimizer.state };
  for (const slot of optimizerSlots(config.optimizer, config.momentum)) state[`${TRANSITION_TENSOR}.${slot}`] = empty();
  return {
    ...snapshot,
    modelVersion: VERSION_WITHOUT_THIRD_SITE,
    weights: { ...snapshot.weights, [TRANSITION_TENSOR]: empty() },
    optimizer: { ...snapshot.optimizer, state },
  };
}
