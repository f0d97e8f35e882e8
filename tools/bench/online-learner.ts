// What the benchmark asks of every implementation: learn the visits of a workload one at a time,
// each scored before it is learned (progressive validation), and predict pages it has not seen.

import type { LearnerConfig } from '../../model/learner-config';
import type { TokenStream } from './token-stream';
import type { BenchVisit } from './visit-stream';

/** One run's visits, for one size of model: Tabula reads the visits, the peers their tokens. */
export interface Workload {
  readonly config: LearnerConfig;
  readonly train: readonly BenchVisit[];
  readonly heldOut: readonly BenchVisit[];
  readonly tokens: TokenStream;
}

export interface OnlineLearner {
  /** Learns training visit `i` (in order); returns P(engaged) as scored before learning it (NaN: no label). */
  learn(i: number): number;
  /** P(engaged) for held-out page `i`, without learning from it (every head is computed, as an app reads them all). */
  predict(i: number): number;
  /** Called before each timed block, untimed: a learner that shares global state (TF.js's backend) takes it back. */
  activate?(): Promise<void>;
  /** Bytes of the weights and optimizer state, as the implementation stores them. */
  stateBytes(): number;
  dispose?(): void;
}

export type Role = 'tabula' | 'peer' | 'reference';

export interface Implementation {
  readonly name: string;
  /** How it is configured, in words, so a reader can judge whether it was run fairly. */
  readonly settings: string;
  /** Tabula (the shipped learner, the row every peer is compared with), a peer, or a reference that is not compared. */
  readonly role: Role;
  /** Visits to run; a slow peer may be cut to keep the whole run short (said in the output). */
  readonly trainSteps?: number;
  create(seed: number, workload: Workload): Promise<OnlineLearner>;
}

/** A dense input vector as the dense libraries expect it: each active row's sign at its place; a fresh array each call. */
export function denseInput(rows: Int32Array, signs: Float32Array, size: number): Float32Array {
  const dense = new Float32Array(size);
  for (let k = 0; k < rows.length; k++) dense[rows[k]] += signs[k];
  return dense;
}
