// Log loss as every implementation in the benchmark is scored: probabilities are clipped the
// same way for all, so one overconfident mistake cannot dominate a run.

import type { SparseExample } from './synthetic-task';

const clip = 1e-7;

export function exampleLogLoss(probability: number, label: 0 | 1): number {
  const p = Math.min(1 - clip, Math.max(clip, probability));
  return label === 1 ? -Math.log(p) : -Math.log(1 - p);
}

export function meanLogLoss(probabilities: ArrayLike<number>, examples: readonly SparseExample[]): number {
  let total = 0;
  for (let i = 0; i < examples.length; i++) total += exampleLogLoss(probabilities[i], examples[i].label);
  return total / examples.length;
}

/**
 * The log loss of the best constant prediction in hindsight (the stream's base rate). A learner
 * that cannot beat this has learned nothing about the inputs.
 */
export function constantLogLoss(examples: readonly SparseExample[]): number {
  let positives = 0;
  for (const example of examples) positives += example.label;
  const baseRate = positives / examples.length;
  return meanLogLoss(new Float64Array(examples.length).fill(baseRate), examples);
}

/** The loss of the teacher's own probabilities: the floor no learner can beat on average. */
export function teacherLogLoss(examples: readonly SparseExample[]): number {
  return meanLogLoss(
    examples.map((example) => example.teacherProbability),
    examples,
  );
}
