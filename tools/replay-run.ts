// Replays visits through a learner exactly as the background worker does (`Learner.observe`,
// one visit at a time, in the order given) and sums up the progressive figures.
import type { Metrics } from '../extension/contract-types';
import { Learner } from '../model/learner';
import type { LearnerConfig } from '../model/learner-config';
import type { Visit } from '../model/visit';

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
}

export interface ReplayOptions {
  source: string;
  settings?: Partial<LearnerConfig>;
  /** Called every 4,096 visits with the number replayed so far. */
  onProgress?: (visits: number) => void;
}

export async function replay(visits: Iterable<Visit> | AsyncIterable<Visit>, options: ReplayOptions): Promise<{ result: ReplayResult; learner: Learner }> {
  const learner = Learner.create(options.settings);
  const started = performance.now();
  let count = 0;
  let outOfOrder = 0;
  let lastStart = -Infinity;
  const learn = (visit: Visit): void => {
    if (visit.startedAt < lastStart) outOfOrder++;
    lastStart = visit.startedAt;
    learner.observe(visit);
    count++;
    if ((count & 4095) === 0) options.onProgress?.(count);
  };
  // A plain loop for in-memory visits: awaiting each of millions of visits would cost more than learning it.
  if (Symbol.iterator in visits) for (const visit of visits) learn(visit);
  else for await (const visit of visits) learn(visit);
  const seconds = (performance.now() - started) / 1000;
  return {
    learner,
    result: {
      source: options.source,
      visits: count,
      outOfOrder,
      seconds,
      microsecondsPerVisit: count > 0 ? (seconds * 1e6) / count : 0,
      sites: learner.sites,
      config: learner.config,
      metrics: learner.metrics,
    },
  };
}
