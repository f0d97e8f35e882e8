// What the benchmark asks of every implementation: one online step that returns the
// prediction made before learning (progressive validation), and a plain prediction.

export interface OnlineLearner {
  /** P(label = 1) as predicted before this example is learned, then one SGD step on it. */
  learn(indices: Int32Array, label: 0 | 1): number;
  /** P(label = 1) for an example, without learning from it. */
  predict(indices: Int32Array): number;
  /** Called before each timed block, untimed: a learner that shares global state (TF.js's backend) takes it back. */
  activate?(): Promise<void>;
  /** Bytes of trainable weights as the implementation stores them, when it says. */
  weightBytes?(): number | undefined;
  dispose?(): void;
}

export interface Implementation {
  readonly name: string;
  /** How it is configured, in words, so a reader can judge whether it was run fairly. */
  readonly settings: string;
  /** Whether it is Tabula itself (the row every peer is compared with). */
  readonly isTabula: boolean;
  /** Steps to run; the slowest peer may be cut to keep the whole run short (said in the output). */
  readonly trainSteps?: number;
  create(seed: number): Promise<OnlineLearner>;
}

/** The one-hot dense vector the dense libraries expect; a fresh array each call, never reused. */
export function denseInput(indices: Int32Array, inputs: number): Float32Array {
  const dense = new Float32Array(inputs);
  for (let i = 0; i < indices.length; i++) dense[indices[i]] = 1;
  return dense;
}
