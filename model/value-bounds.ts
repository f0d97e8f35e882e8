// The range every weight and optimizer value of a model must stay in, for a model file to be
// read and for a learner to count as sound. A trained model stays far inside: its weights are
// a few units (20 at most in Tabula's tests, with any optimizer at the Play view's largest
// learning rate, 353 with plain SGD at rate 1 on the large size), and the bounds keep every
// forward pass finite. Leaving them means the model has diverged.

/** Largest |weight|. */
export const MAX_WEIGHT = 1e4;
/** Largest |value| of a first-moment state: SGD's velocity, Adam's m (a gradient average). */
export const MAX_FIRST_MOMENT = 1e8;
/** Largest value of a second-moment state, never negative: AdaGrad's sumSquares, Adam's v. */
export const MAX_SECOND_MOMENT = 1e16;

export interface ValueRange {
  low: number;
  high: number;
}

export const WEIGHT_RANGE: ValueRange = { low: -MAX_WEIGHT, high: MAX_WEIGHT };

/** The range of an optimizer state slot (`velocity`, `sumSquares`, `m`, `v`). */
export function slotRange(slot: string): ValueRange {
  return slot === 'sumSquares' || slot === 'v' ? { low: 0, high: MAX_SECOND_MOMENT } : { low: -MAX_FIRST_MOMENT, high: MAX_FIRST_MOMENT };
}

/** Index of the first value of `values[from..to)` outside the range (NaN included), or -1. */
export function firstOutOfRange(values: ArrayLike<number>, range: ValueRange, from = 0, to = values.length): number {
  const { low, high } = range;
  for (let i = from; i < to; i++) {
    const value = values[i];
    if (!(value >= low && value <= high)) return i;
  }
  return -1;
}

/** How a range reads in messages: "from -10,000 to 10,000". */
export function describeRange(range: ValueRange): string {
  return `from ${range.low.toLocaleString('en')} to ${range.high.toLocaleString('en')}`;
}
