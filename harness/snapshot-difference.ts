// How far apart two learners' states are: what the browser tests use to say that a model
// learned in a browser is the one Node learns from the same visits.
import type { LearnerSnapshot } from '../model/index';

/** The largest difference of any weight or optimizer value, Infinity when the two differ in shape. */
export function largestDifference(a: LearnerSnapshot, b: LearnerSnapshot): number {
  let largest = 0;
  for (const [name, values] of [...Object.entries(b.weights), ...Object.entries(b.optimizer.state)]) {
    const other = a.weights[name] ?? a.optimizer.state[name];
    if (!other || other.length !== values.length) return Infinity;
    for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i] - other[i]));
  }
  return largest;
}
