// Progressive validation: every example is scored by the model as it stood before learning
// it, against constant baselines scored the same way. Figures since the start, plus a bounded
// history of points (figures over the visits since the previous point) for learning curves.
import { AucWindow, type AucWindowSnapshot } from './auc';
import { logLossOfProbability } from './losses';
import { emptyTally, figures, TALLY_FIELDS, type TallySums } from './tally';

/** Progressive figures: each visit scored before it was learned from. */
export interface Metrics {
  visits: number;
  engagement: { logLoss: number; baselineLogLoss: number; accuracy: number; auc: number; calibration: number };
  activeTime: { mae: number; baselineMae: number };
  next: { transitions: number; top1: number; top3: number; baselineTop3: number };
}

/** One point of the learning curves (progressive figures over a window of recent visits). */
export interface MetricPoint extends Metrics {
  at: number;
}

export const AUC_WINDOW = 1000;
export const MAX_HISTORY = 200;
export const FIRST_POINT_EVERY = 25;

export interface MetricsSnapshot {
  total: TallySums;
  window: TallySums;
  auc: AucWindowSnapshot;
  history: MetricPoint[];
  pointEvery: number;
  /** Running sum of active-time targets, for the baseline's running mean. */
  targetSum: number;
}

export class ProgressiveMetrics {
  private total = emptyTally();
  private window = emptyTally();
  private readonly aucWindow = new AucWindow(AUC_WINDOW);
  private points: MetricPoint[] = [];
  private pointEvery = FIRST_POINT_EVERY;
  private targetSum = 0;

  /** Scores an engagement prediction against its label. */
  scoreEngagement(predicted: number, label: number): void {
    // The baseline predicts the engaged rate seen so far (with one pseudo-count each way).
    const baseRate = (this.total.positives + 1) / (this.total.examples + 2);
    const loss = logLossOfProbability(predicted, label);
    const baselineLoss = logLossOfProbability(baseRate, label);
    const correct = (predicted >= 0.5 ? 1 : 0) === label ? 1 : 0;
    addEngagement(this.total, label, predicted, loss, baselineLoss, correct);
    addEngagement(this.window, label, predicted, loss, baselineLoss, correct);
    this.aucWindow.add(predicted, label);
  }

  /** Scores an active-time prediction (seconds) against the truth (its target is log(1 + seconds)). */
  scoreActiveTime(predictedSeconds: number, target: number): void {
    const seconds = Math.expm1(target);
    // The baseline predicts the running mean of the target, turned back into seconds.
    const baselineSeconds = this.total.timed > 0 ? Math.expm1(this.targetSum / this.total.timed) : 0;
    const error = Math.abs(predictedSeconds - seconds);
    const baselineError = Math.abs(baselineSeconds - seconds);
    addActiveTime(this.total, error, baselineError);
    addActiveTime(this.window, error, baselineError);
    this.targetSum += target;
  }

  /**
   * Scores a next-site prediction: `rank` of the true site among the predictions (0 = first,
   * -1 = not predictable, a site never seen), and whether the most visited three held it.
   */
  scoreNext(rank: number, baselineTop3: boolean): void {
    const hit1 = rank === 0 ? 1 : 0;
    const hit3 = rank >= 0 && rank < 3 ? 1 : 0;
    addNext(this.total, hit1, hit3, baselineTop3 ? 1 : 0);
    addNext(this.window, hit1, hit3, baselineTop3 ? 1 : 0);
  }

  /** Ends a visit at time `at`, adding a history point when one is due. */
  visitDone(at: number): void {
    this.total.visits++;
    this.window.visits++;
    if (this.window.visits < this.pointEvery) return;
    this.points.push({ ...figures(this.window, this.aucWindow.auc()), visits: this.total.visits, at });
    this.window = emptyTally();
    if (this.points.length > MAX_HISTORY) {
      // Keep every other point (the later of each pair) and space new points twice as far.
      this.points = this.points.filter((_, i) => i % 2 === 1);
      this.pointEvery *= 2;
    }
  }

  get current(): Metrics {
    return figures(this.total, this.aucWindow.auc());
  }

  get history(): MetricPoint[] {
    return this.points.map((point) => structuredClone(point));
  }

  snapshot(): MetricsSnapshot {
    return {
      total: { ...this.total },
      window: { ...this.window },
      auc: this.aucWindow.snapshot(),
      history: this.history,
      pointEvery: this.pointEvery,
      targetSum: this.targetSum,
    };
  }

  static restore(snapshot: MetricsSnapshot): ProgressiveMetrics {
    const metrics = new ProgressiveMetrics();
    metrics.total = pickTally(snapshot.total);
    metrics.window = pickTally(snapshot.window);
    metrics.aucWindow.restore(snapshot.auc);
    metrics.points = snapshot.history.map((point) => structuredClone(point));
    metrics.pointEvery = snapshot.pointEvery;
    metrics.targetSum = snapshot.targetSum;
    return metrics;
  }
}

function addEngagement(tally: TallySums, label: number, predicted: number, loss: number, baselineLoss: number, correct: number): void {
  tally.examples++;
  tally.positives += label;
  tally.predictedSum += predicted;
  tally.logLossSum += loss;
  tally.baselineLogLossSum += baselineLoss;
  tally.correct += correct;
}

function addActiveTime(tally: TallySums, error: number, baselineError: number): void {
  tally.timed++;
  tally.absErrorSum += error;
  tally.baselineAbsErrorSum += baselineError;
}

function addNext(tally: TallySums, top1: number, top3: number, baselineTop3: number): void {
  tally.transitions++;
  tally.top1 += top1;
  tally.top3 += top3;
  tally.baselineTop3 += baselineTop3;
}

function pickTally(source: TallySums): TallySums {
  const tally = emptyTally();
  for (const field of TALLY_FIELDS) tally[field] = source[field];
  return tally;
}
