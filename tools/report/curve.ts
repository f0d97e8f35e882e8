// The learning curve: every `every` visits, each predictor's figures over the last `window`
// visits; and, for each figure and each other predictor, after how many visits the learner beats
// it for good (better at that point and at every later one; null when it is not better at the end).
import { PREDICTORS, type Figures, type Predictor, type Scoreboard } from './scoreboard';

/** The figures of the curve, and whether a higher value is better. */
const MEASURES = {
  engagementAuc: { read: (f: Figures, p: Predictor) => f.engagement[p]?.auc, higherIsBetter: true },
  engagementLogLoss: { read: (f: Figures, p: Predictor) => f.engagement[p]?.logLoss, higherIsBetter: false },
  activeTimeMae: { read: (f: Figures, p: Predictor) => f.activeTime[p]?.mae, higherIsBetter: false },
  nextTop1: { read: (f: Figures, p: Predictor) => f.next[p]?.top1, higherIsBetter: true },
  nextTop3: { read: (f: Figures, p: Predictor) => f.next[p]?.top3, higherIsBetter: true },
} as const;
export type Measure = keyof typeof MEASURES;

export interface LearningCurve {
  every: number;
  window: number;
  /** The visit count at each point. */
  visits: number[];
  /** Each measure's values per predictor, one per point (null: nothing to score in that window). */
  series: Record<Measure, Partial<Record<Predictor, (number | null)[]>>>;
  /** Per measure, per other predictor: the visit count from which the learner is better at every point. */
  learnerBeatsFrom: Record<Measure, Partial<Record<Predictor, number | null>>>;
}

export function learningCurve(board: Scoreboard, visits: number, every: number, window: number): LearningCurve {
  const points: number[] = [];
  for (let at = every; at <= visits; at += every) points.push(at);
  if (points.at(-1) !== visits && visits > 0) points.push(visits);
  const figures = points.map((at) => board.figures(Math.max(0, at - window), at));
  const series = {} as LearningCurve['series'];
  const learnerBeatsFrom = {} as LearningCurve['learnerBeatsFrom'];
  for (const [measure, { read, higherIsBetter }] of Object.entries(MEASURES) as [Measure, (typeof MEASURES)[Measure]][]) {
    series[measure] = {};
    learnerBeatsFrom[measure] = {};
    // A window with no example of a head has no figure for it.
    const count = (f: Figures): number => (measure.startsWith('engagement') ? f.engagement.examples : measure === 'activeTimeMae' ? f.activeTime.examples : f.next.transitions);
    for (const predictor of PREDICTORS) {
      const values = figures.map((f) => (count(f) > 0 ? read(f, predictor) ?? null : null));
      if (values.every((value) => value === null)) continue;
      series[measure][predictor] = values;
    }
    const learner = series[measure].learner;
    if (learner === undefined) continue;
    for (const [predictor, values] of Object.entries(series[measure]) as [Predictor, (number | null)[]][]) {
      if (predictor === 'learner') continue;
      const better = learner.map((mine, i) => mine !== null && values[i] !== null && (higherIsBetter ? mine > values[i]! : mine < values[i]!));
      let from = better.length;
      while (from > 0 && better[from - 1]) from--;
      learnerBeatsFrom[measure][predictor] = from < better.length ? points[from] : null;
    }
  }
  return { every, window, visits: points, series, learnerBeatsFrom };
}
