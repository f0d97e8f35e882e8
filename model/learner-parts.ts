// The pieces a learner is made of. Explanations, insights and snapshots read these, not the
// Learner class; the Learner alone changes them, one visit at a time.
import { FeatureDictionary } from './dictionary';
import { TokenHasher } from './hash';
import type { LearnerConfig } from './learner-config';
import { ProgressiveMetrics } from './metrics';
import { TabulaNet } from './net';
import { createOptimizer, type Optimizer } from './optimizer';
import { Rng } from './rng';
import { Session } from './session';
import { SiteVocabulary } from './site-vocabulary';

export interface LearnerParts {
  readonly config: LearnerConfig;
  readonly net: TabulaNet;
  readonly optimizer: Optimizer;
  readonly hasher: TokenHasher;
  /** The sites the next-site head names, one per slot. */
  readonly vocabulary: SiteVocabulary;
  /** Which feature each bucket holds, for names in explanations and insights. */
  readonly dictionary: FeatureDictionary;
  readonly session: Session;
  readonly progress: ProgressiveMetrics;
  readonly counters: Counters;
}

export interface Counters {
  createdAt: number;
  updatedAt: number;
  visitsLearned: number;
  /**
   * Engagement learned at each local hour (24 counts of visits and corrections), which tells the
   * hours the model knows from those it does not; null when not known (a model of a file of
   * version 4 or before, until it is learned again from visits).
   */
  hoursLearned: number[] | null;
}

/** A new, untrained learner's parts (deterministic for a given seed). */
export function buildParts(config: LearnerConfig): LearnerParts {
  const net = new TabulaNet(config, new Rng(config.seed));
  const optimizer = createOptimizer(net.params(), {
    kind: config.optimizer, learningRate: config.learningRate, momentum: config.momentum, l2: config.l2, clipNorm: config.clipNorm,
  });
  const hasher = new TokenHasher(config.hashSeed);
  const onReassign = (slot: number, occupied: number): void => {
    net.next.resetSlot(slot, occupied);
    for (const param of net.next.params()) optimizer.resetRow(param, slot);
    optimizer.resetColumn(net.next.transition, slot);
  };
  const now = Date.now();
  return {
    config,
    net,
    optimizer,
    hasher,
    vocabulary: new SiteVocabulary(config.vocabSize, config.vocabDecay, onReassign, (host) => hasher.hash('host', host)),
    dictionary: new FeatureDictionary(config.dictionarySize),
    session: new Session(config.sessionGapMs),
    progress: new ProgressiveMetrics(),
    counters: { createdAt: now, updatedAt: now, visitsLearned: 0, hoursLearned: new Array<number>(24).fill(0) },
  };
}
