// Turns one workload's measurements into what the benchmark prints for people: a table, the
// settings each implementation ran with, the losses of rows cut short, and the verdict.

import type { Comparison, Targets } from './compare';
import type { Measurement, Timing } from './measure';
import { meanLogLoss, type Label } from './scores';

export function printTable(measurements: readonly Measurement[], comparison: Comparison): void {
  const header = ['implementation', 'visits', 'learn µs', 'wall µs', 'Tabula ×', 'predict µs', 'Tabula ×', 'progr. LL', 'AUC', 'constant LL', 'held-out LL', 'state MB', ''];
  const rows = measurements.map((m) => {
    const versus = comparison.everyPeer.find((p) => p.peer === m);
    return [
      m.implementation.name,
      String(m.steps),
      m.microsecondsPerVisit.toFixed(m.microsecondsPerVisit < 100 ? 2 : 0),
      m.wallMicrosecondsPerVisit.toFixed(m.wallMicrosecondsPerVisit < 100 ? 2 : 0),
      versus ? versus.ratio.toFixed(1) : '',
      m.predictMicroseconds.toFixed(m.predictMicroseconds < 100 ? 2 : 0),
      versus ? versus.predictRatio.toFixed(1) : '',
      m.progressiveLogLoss.toFixed(4),
      m.progressiveAuc.toFixed(4),
      m.constantLogLoss.toFixed(4),
      m.heldOutLogLoss.toFixed(4),
      (m.stateBytes / 2 ** 20).toFixed(2),
      m.learns ? '' : 'does not learn',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

export function printSettings(measurements: readonly Measurement[], timing: Timing): void {
  console.log(
    `learn µs: CPU time of one visit learned (Tabula: Learner.observe), the median over blocks of ${timing.blockSteps} visits; ` +
      `predict µs: one held-out page, blocks of ${timing.blockPredictions}; wall µs: the same by the wall clock. ` +
      `Tabula ×: the row's time over Tabula's. state MB: weights and optimizer state as the implementation stores them.`,
  );
  for (const m of measurements) console.log(`  ${m.implementation.name}: ${m.implementation.settings}`);
}

/** A row cut short is compared over its own visits, so its loss is read against the others' there. */
export function printShortRuns(measurements: readonly Measurement[], labels: readonly Label[]): void {
  const longest = Math.max(...measurements.map((m) => m.steps));
  const shortLengths = [...new Set(measurements.map((m) => m.steps))].filter((steps) => steps < longest).sort((a, b) => b - a);
  for (const steps of shortLengths) {
    const prefix = labels.slice(0, steps);
    const losses = measurements
      .filter((m) => m.steps >= steps)
      .map((m) => `${m.implementation.name} ${meanLogLoss(m.progressivePredictions.subarray(0, steps), prefix).toFixed(4)}`);
    console.log(`Progressive log loss over the first ${steps} visits: ${losses.join(', ')}.`);
  }
}

export function printVerdict(comparison: Comparison, targets: Targets): void {
  const { tabula, fastestPeer, ratio, tabulaLogLossOnPeerSteps } = comparison;
  if (!fastestPeer || ratio === undefined || tabulaLogLossOnPeerSteps === undefined) {
    console.log('No peer learned the task, so there is nothing to compare Tabula with.');
    return;
  }
  const verdict = (met: boolean | undefined) => (met ? 'met' : 'NOT met');
  console.log(
    `Fastest learning peer: ${fastestPeer.implementation.name}, ${fastestPeer.microsecondsPerVisit.toFixed(0)} µs a visit; ` +
      `Tabula ${tabula.microsecondsPerVisit.toFixed(2)} µs: ${ratio.toFixed(1)}x faster (target >= ${targets.minSpeedRatio}x: ${verdict(ratio >= targets.minSpeedRatio)}).`,
  );
  console.log(
    `Progressive log loss over its ${fastestPeer.steps} visits: Tabula ${tabulaLogLossOnPeerSteps.toFixed(4)}, ` +
      `peer ${fastestPeer.progressiveLogLoss.toFixed(4)} (equal or better: ${verdict(comparison.logLossEqualOrBetter)}).`,
  );
  const margins = comparison.everyPeer.map(({ peer, tabulaLogLoss }) => `${peer.implementation.name} ${signed(tabulaLogLoss - peer.progressiveLogLoss)}`);
  console.log(
    `Tabula's progressive log loss minus each peer's, over the peer's visits: ${margins.join(', ')} ` +
      `(better than every peer: ${verdict(comparison.logLossBetterThanEveryPeer)}).`,
  );
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(4)}`;
}
