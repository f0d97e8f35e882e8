// How every implementation's engagement predictions are scored, the same for all: log loss
// (probabilities clipped as model/losses.ts clips them, so one overconfident mistake cannot
// dominate a run) and the area under the ROC curve, over the visits that have a label.

import { logLossOfProbability } from '../../model/losses';

export type Label = 0 | 1 | null;

export function meanLogLoss(probabilities: ArrayLike<number>, labels: readonly Label[]): number {
  let total = 0;
  let count = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === null) continue;
    total += logLossOfProbability(probabilities[i], label);
    count++;
  }
  return count > 0 ? total / count : Number.NaN;
}

/**
 * The log loss of the best constant prediction in hindsight (the stream's engaged rate). A
 * learner that cannot beat this has learned nothing about the visits.
 */
export function constantLogLoss(labels: readonly Label[]): number {
  const labelled = labels.filter((label) => label !== null);
  const rate = labelled.reduce<number>((sum, label) => sum + label, 0) / labelled.length;
  return meanLogLoss(new Float64Array(labels.length).fill(rate), labels);
}

/** The chance that an engaged visit was given a higher prediction than one that was not (ties count half). */
export function areaUnderCurve(probabilities: ArrayLike<number>, labels: readonly Label[]): number {
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positives.push(probabilities[i]);
    else if (labels[i] === 0) negatives.push(probabilities[i]);
  }
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const sortedPositives = Float64Array.from(positives).sort();
  const sortedNegatives = Float64Array.from(negatives).sort();
  // For each positive, the negatives below it and those tied with it.
  let pairs = 0;
  let below = 0;
  let tiedEnd = 0;
  for (const positive of sortedPositives) {
    while (below < sortedNegatives.length && sortedNegatives[below] < positive) below++;
    tiedEnd = Math.max(tiedEnd, below);
    while (tiedEnd < sortedNegatives.length && sortedNegatives[tiedEnd] === positive) tiedEnd++;
    pairs += below + (tiedEnd - below) / 2;
  }
  return pairs / (positives.length * negatives.length);
}
