// Sums of progressive scores (each prediction made before its example was learned), from which
// the figures of `Metrics` follow. One tally runs since the start, one since the last history point.
import type { Metrics } from './metrics';

export interface TallySums {
  visits: number;
  /** Engagement examples, engaged ones, and sums over them. */
  examples: number;
  positives: number;
  predictedSum: number;
  logLossSum: number;
  baselineLogLossSum: number;
  correct: number;
  /** Active-time examples and absolute errors, in seconds. */
  timed: number;
  absErrorSum: number;
  baselineAbsErrorSum: number;
  /** Next-site transitions and hits. */
  transitions: number;
  top1: number;
  top3: number;
  baselineTop3: number;
}

export const TALLY_FIELDS = [
  'visits', 'examples', 'positives', 'predictedSum', 'logLossSum', 'baselineLogLossSum', 'correct',
  'timed', 'absErrorSum', 'baselineAbsErrorSum', 'transitions', 'top1', 'top3', 'baselineTop3',
] as const satisfies readonly (keyof TallySums)[];

export function emptyTally(): TallySums {
  return Object.fromEntries(TALLY_FIELDS.map((field) => [field, 0])) as unknown as TallySums;
}

/** Figures of a tally; rates are 0 while there is nothing to count. */
export function figures(tally: TallySums, auc: number): Metrics {
  const per = (sum: number, count: number): number => (count > 0 ? sum / count : 0);
  return {
    visits: tally.visits,
    engagement: {
      logLoss: per(tally.logLossSum, tally.examples),
      baselineLogLoss: per(tally.baselineLogLossSum, tally.examples),
      accuracy: per(tally.correct, tally.examples),
      auc,
      // Mean prediction over the observed rate: 1 is calibrated, above 1 over-confident of engagement.
      calibration: per(tally.predictedSum, tally.positives),
    },
    activeTime: { mae: per(tally.absErrorSum, tally.timed), baselineMae: per(tally.baselineAbsErrorSum, tally.timed) },
    next: {
      transitions: tally.transitions,
      top1: per(tally.top1, tally.transitions),
      top3: per(tally.top3, tally.transitions),
      baselineTop3: per(tally.baselineTop3, tally.transitions),
    },
  };
}
