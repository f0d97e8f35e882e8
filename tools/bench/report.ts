// Turns measurements into what the benchmark prints: a table for people, the settings each
// implementation ran with, the verdict against the targets, and one JSON line for machines.

import { meanLogLoss } from './log-loss';
import type { BenchStreams, Measurement } from './measure';

export interface Targets {
  readonly minSpeedRatio: number; // Tabula's steps/s over the fastest learning peer's
  readonly maxPredictMicroseconds: number;
}

export interface Comparison {
  readonly tabula: Measurement;
  readonly fastestPeer: Measurement | undefined;
  readonly ratio: number | undefined;
  /** Tabula's progressive log loss over the same steps as the fastest peer's. */
  readonly tabulaLogLossOnPeerSteps: number | undefined;
  readonly logLossEqualOrBetter: boolean | undefined;
}

export function compare(measurements: readonly Measurement[], streams: BenchStreams): Comparison {
  const tabula = measurements.find((m) => m.implementation.isTabula);
  if (!tabula) throw new Error('the benchmark needs a Tabula row');
  const learningPeers = measurements.filter((m) => !m.implementation.isTabula && m.learns);
  const fastestPeer = learningPeers.reduce<Measurement | undefined>(
    (fastest, m) => (!fastest || m.stepsPerSecond > fastest.stepsPerSecond ? m : fastest),
    undefined,
  );
  if (!fastestPeer) return { tabula, fastestPeer, ratio: undefined, tabulaLogLossOnPeerSteps: undefined, logLossEqualOrBetter: undefined };
  const steps = fastestPeer.steps;
  const tabulaLogLoss = meanLogLoss(tabula.progressivePredictions.subarray(0, steps), streams.train.slice(0, steps));
  return {
    tabula,
    fastestPeer,
    ratio: tabula.stepsPerSecond / fastestPeer.stepsPerSecond,
    tabulaLogLossOnPeerSteps: tabulaLogLoss,
    // "Equal" as printed: to three decimals, the precision the table shows.
    logLossEqualOrBetter: round(tabulaLogLoss, 3) <= round(fastestPeer.progressiveLogLoss, 3),
  };
}

export function printTable(measurements: readonly Measurement[]): void {
  const header = ['implementation', 'steps', 'steps/s', 'predict µs', 'progressive LL', 'constant LL', 'held-out LL', ''];
  const rows = measurements.map((m) => [
    m.implementation.name,
    String(m.steps),
    m.stepsPerSecond.toFixed(0),
    m.predictMicroseconds.toFixed(2),
    m.progressiveLogLoss.toFixed(4),
    m.constantLogLoss.toFixed(4),
    m.heldOutLogLoss.toFixed(4),
    m.learns ? '' : 'does not learn',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const m of measurements) console.log(`${m.implementation.name}: ${m.implementation.settings}`);
}

/** A row cut short is compared over its own steps, so its loss is read against the others' there. */
export function printShortRuns(measurements: readonly Measurement[], streams: BenchStreams): void {
  const longest = Math.max(...measurements.map((m) => m.steps));
  for (const short of measurements.filter((m) => m.steps < longest)) {
    const prefix = streams.train.slice(0, short.steps);
    const losses = measurements.map(
      (m) => `${m.implementation.name} ${meanLogLoss(m.progressivePredictions.subarray(0, short.steps), prefix).toFixed(4)}`,
    );
    console.log(`Progressive log loss over the first ${short.steps} steps (as run by ${short.implementation.name}): ${losses.join(', ')}.`);
  }
}

export function printVerdict(comparison: Comparison, targets: Targets): void {
  const { tabula, fastestPeer, ratio, tabulaLogLossOnPeerSteps } = comparison;
  if (!fastestPeer || ratio === undefined || tabulaLogLossOnPeerSteps === undefined) {
    console.log('\nNo peer learned the task, so there is nothing to compare Tabula with.');
    return;
  }
  const verdict = (met: boolean | undefined) => (met ? 'met' : 'NOT met');
  console.log('');
  console.log(`Fastest learning peer: ${fastestPeer.implementation.name}, ${fastestPeer.stepsPerSecond.toFixed(0)} steps/s.`);
  console.log(`Tabula: ${ratio.toFixed(1)}x its steps/s (target >= ${targets.minSpeedRatio}x: ${verdict(ratio >= targets.minSpeedRatio)}).`);
  console.log(
    `Progressive log loss over its ${fastestPeer.steps} steps: Tabula ${tabulaLogLossOnPeerSteps.toFixed(4)}, ` +
      `peer ${fastestPeer.progressiveLogLoss.toFixed(4)} (equal or better: ${verdict(comparison.logLossEqualOrBetter)}).`,
  );
  const predictMet = tabula.predictMicroseconds <= targets.maxPredictMicroseconds;
  console.log(`Tabula predict: ${tabula.predictMicroseconds.toFixed(2)} µs (target <= ${targets.maxPredictMicroseconds} µs: ${verdict(predictMet)}).`);
}

export function summaryJson(
  measurements: readonly Measurement[],
  comparison: Comparison,
  targets: Targets,
  workload: Record<string, unknown>,
  tabulaDefaultWeightBytes: number | undefined,
): string {
  const implementations: Record<string, unknown> = {};
  for (const m of measurements) {
    implementations[m.implementation.name] = {
      steps: m.steps,
      steps_per_second: round(m.stepsPerSecond, 1),
      predict_us: round(m.predictMicroseconds, 3),
      progressive_log_loss: round(m.progressiveLogLoss, 5),
      constant_log_loss: round(m.constantLogLoss, 5),
      held_out_log_loss: round(m.heldOutLogLoss, 5),
      learns: m.learns,
      weight_bytes: m.weightBytes ?? null,
      settings: m.implementation.settings,
    };
  }
  const { tabula, fastestPeer, ratio } = comparison;
  return JSON.stringify({
    workload,
    implementations,
    fastest_peer: fastestPeer?.implementation.name ?? null,
    ratio_vs_fastest_peer: ratio === undefined ? null : round(ratio, 2),
    tabula_log_loss_on_fastest_peer_steps: comparison.tabulaLogLossOnPeerSteps === undefined ? null : round(comparison.tabulaLogLossOnPeerSteps, 5),
    tabula_default_model_weight_bytes: tabulaDefaultWeightBytes ?? null,
    targets: {
      speed_ratio_at_least: targets.minSpeedRatio,
      speed_met: ratio !== undefined && ratio >= targets.minSpeedRatio,
      log_loss_equal_or_better: comparison.logLossEqualOrBetter ?? false,
      predict_us_at_most: targets.maxPredictMicroseconds,
      predict_met: tabula.predictMicroseconds <= targets.maxPredictMicroseconds,
    },
  });
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
