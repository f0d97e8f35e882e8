// Replays visits through a learner exactly as the background worker does (`Learner.observe`,
// one visit at a time, in the order given) and sums up the progressive figures.
import type { Metrics } from '../extension/contract-types';
import { Learner } from '../model/learner';
import type { LearnerConfig } from '../model/learner-config';
import type { Visit } from '../model/visit';
import { Comparison, type ComparisonOptions, type ComparisonReport } from './report/comparison';

export interface ReplayResult {
  source: string;
  visits: number;
  /** Visits that started before the visit replayed just before them. */
  outOfOrder: number;
  seconds: number;
  microsecondsPerVisit: number;
  sites: number;
  config: LearnerConfig;
  metrics: Metrics;
  /** With `compare`: the learner beside the reference and baselines (tools/report/comparison.ts). */
  report?: ComparisonReport;
}

export interface ReplayOptions {
  source: string;
  settings?: Partial<LearnerConfig>;
  /** Called every 4,096 visits with the number replayed so far. */
  onProgress?: (visits: number) => void;
  /** Scores the reference learner and the baselines beside the learner, visit by visit. */
  compare?: ComparisonOptions;
}

export async function replay(visits: Iterable<Visit> | AsyncIterable<Visit>, options: ReplayOptions): Promise<{ result: ReplayResult; learner: Learner }> {
  const learner = Learner.create(options.settings);
  const comparison = options.compare === undefined ? null : new Comparison(learner.config, options.compare);
  const started = performance.now();
  /** Time spent in the learner alone when others are compared beside it. */
  let learning = 0;
  let count = 0;
  let outOfOrder = 0;
  let lastStart = -Infinity;
  const learn = (visit: Visit): void => {
    if (visit.startedAt < lastStart) outOfOrder++;
    lastStart = visit.startedAt;
    if (comparison === null) learner.observe(visit);
    else {
      comparison.beforeObserve(visit, learner);
      const from = performance.now();
      learner.observe(visit);
      learning += performance.now() - from;
    }
    count++;
    if ((count & 4095) === 0) options.onProgress?.(count);
  };
  // A plain loop for in-memory visits: awaiting each of millions of visits would cost more than learning it.
  if (Symbol.iterator in visits) for (const visit of visits) learn(visit);
  else for await (const visit of visits) learn(visit);
  const seconds = (performance.now() - started) / 1000;
  const learnerSeconds = comparison === null ? seconds : learning / 1000;
  return {
    learner,
    result: {
      source: options.source,
      visits: count,
      outOfOrder,
      seconds,
      microsecondsPerVisit: count > 0 ? (learnerSeconds * 1e6) / count : 0,
      sites: learner.sites,
      config: learner.config,
      metrics: learner.metrics,
      ...(comparison === null ? {} : { report: comparison.report() }),
    },
  };
}
