// Every prediction of every predictor, visit by visit, and the figures over any run of visits:
// engagement AUC, log loss and calibration; active-time mean absolute error; next-site top-1 and
// top-3. Each prediction was made before its visit was learned (progressive validation).
import { AucWindow } from '../../model/auc';
import { logLossOfProbability } from '../../model/losses';

export const PREDICTORS = ['learner', 'logistic', 'site', 'constant', 'oracle'] as const;
export type Predictor = (typeof PREDICTORS)[number];

/** One head's predictions: which visit each example is, its truth, and each predictor's prediction. */
class Series {
  readonly visits: number[] = [];
  readonly truths: number[] = [];
  readonly predictions = new Map<Predictor, number[]>();

  add(visit: number, truth: number, predictions: Partial<Record<Predictor, number>>): void {
    this.visits.push(visit);
    this.truths.push(truth);
    for (const [name, value] of Object.entries(predictions) as [Predictor, number][]) {
      let list = this.predictions.get(name);
      if (list === undefined) this.predictions.set(name, (list = []));
      list.push(value);
    }
  }

  /** Indices of the examples of visits from `from` (inclusive) to `to` (exclusive). */
  range(from: number, to: number): [number, number] {
    return [lowerBound(this.visits, from), lowerBound(this.visits, to)];
  }
}

function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface EngagementFigures {
  auc: number;
  logLoss: number;
  /** Mean prediction over the engaged rate: 1 is calibrated (as model/metrics.ts). */
  calibration: number;
}

export interface Figures {
  visits: number;
  engagement: { examples: number; baseRate: number } & Partial<Record<Predictor, EngagementFigures>>;
  activeTime: { examples: number } & Partial<Record<Predictor, { mae: number }>>;
  next: { transitions: number } & Partial<Record<Predictor, { top1: number; top3: number }>>;
}

export class Scoreboard {
  readonly engagement = new Series();
  /** Truth and predictions in seconds. */
  readonly activeTime = new Series();
  /** Truth 1; predictions 1 when the site was the first guess, and (below) when among the first three. */
  readonly next1 = new Series();
  readonly next3 = new Series();

  figures(from: number, to: number): Figures {
    const [e0, e1] = this.engagement.range(from, to);
    const [t0, t1] = this.activeTime.range(from, to);
    const [n0, n1] = this.next1.range(from, to);
    const labels = this.engagement.truths.slice(e0, e1);
    const figures: Figures = {
      visits: to - from,
      engagement: { examples: e1 - e0, baseRate: mean(labels) },
      activeTime: { examples: t1 - t0 },
      next: { transitions: n1 - n0 },
    };
    for (const [name, list] of this.engagement.predictions) figures.engagement[name] = engagementFigures(list.slice(e0, e1), labels);
    const seconds = this.activeTime.truths.slice(t0, t1);
    for (const [name, list] of this.activeTime.predictions) {
      figures.activeTime[name] = { mae: mean(list.slice(t0, t1).map((predicted, i) => Math.abs(predicted - seconds[i]))) };
    }
    for (const [name, list] of this.next1.predictions) {
      figures.next[name] = { top1: mean(list.slice(n0, n1)), top3: mean(this.next3.predictions.get(name)!.slice(n0, n1)) };
    }
    return figures;
  }
}

export function engagementFigures(predictions: number[], labels: number[]): EngagementFigures {
  const auc = new AucWindow(Math.max(1, labels.length));
  let loss = 0;
  predictions.forEach((p, i) => {
    auc.add(p, labels[i]);
    loss += logLossOfProbability(p, labels[i]);
  });
  const positives = labels.reduce((sum, label) => sum + label, 0);
  return {
    auc: auc.auc(),
    logLoss: labels.length > 0 ? loss / labels.length : 0,
    calibration: positives > 0 ? predictions.reduce((sum, p) => sum + p, 0) / positives : 0,
  };
}

function mean(values: number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length > 0 ? sum / values.length : 0;
}
