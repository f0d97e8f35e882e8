// `npm run bench -- --tune`: runs every peer at every setting of its grid on a workload
// (untimed, on as many visits as the peer runs in the benchmark) and prints each progressive log
// loss, the best setting, and whether it is the one the benchmark runs with (line-up.ts's `chosen`).

import type { Contender } from './line-up';
import { labelsOf } from './measure';
import type { Implementation, Workload } from './online-learner';
import { meanLogLoss } from './scores';

export interface TuneResult {
  readonly name: string;
  readonly losses: readonly { readonly label: string; readonly logLoss: number }[];
  readonly best: string;
  readonly chosenIsBest: boolean;
}

export async function tune(
  contenders: readonly Contender[],
  workload: Workload,
  seed: number,
  log: (line: string) => void = console.log,
): Promise<TuneResult[]> {
  const results: TuneResult[] = [];
  for (const { chosen, grid } of contenders) {
    if (grid.length === 0) continue;
    const losses: { label: string; logLoss: number }[] = [];
    for (const point of grid) {
      const logLoss = await progressiveLogLoss(point.make(), workload, seed);
      losses.push({ label: point.label, logLoss });
      log(`${chosen.name}, ${point.label}: progressive log loss ${logLoss.toFixed(4)}${point.isChosen ? ' (runs in the benchmark)' : ''}`);
    }
    const best = losses.reduce((a, b) => (b.logLoss < a.logLoss ? b : a));
    const chosenIsBest = grid.some((point) => point.isChosen && point.label === best.label);
    log(`${chosen.name}: best ${best.label}${chosenIsBest ? ', as the benchmark runs it' : ', NOT what the benchmark runs: update line-up.ts'}.`);
    results.push({ name: chosen.name, losses, best: best.label, chosenIsBest });
  }
  return results;
}

async function progressiveLogLoss(implementation: Implementation, workload: Workload, seed: number): Promise<number> {
  const steps = Math.min(implementation.trainSteps ?? workload.train.length, workload.train.length);
  const learner = await implementation.create(seed, workload);
  const predictions = new Float64Array(steps);
  for (let i = 0; i < steps; i++) predictions[i] = learner.learn(i);
  learner.dispose?.();
  return meanLogLoss(predictions, labelsOf(workload).train.slice(0, steps));
}
