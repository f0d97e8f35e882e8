// Turns measurements into what the benchmark prints for people: a table, the settings each
// implementation ran with, the losses of rows cut short, and the verdict against the targets.

import type { Comparison, Targets } from './compare';
import { meanLogLoss } from './log-loss';
import type { BenchStreams, Measurement, Timing } from './measure';

export function printTable(measurements: readonly Measurement[], timing: Timing): void {
  const tabula = measurements.find((m) => m.implementation.isTabula);
  const header = ['implementation', 'steps', 'steps/s', 'wall steps/s', 'Tabula ×', 'predict µs', 'progressive LL', 'constant LL', 'held-out LL', ''];
  const rows = measurements.map((m) => [
    m.implementation.name,
    String(m.steps),
    m.stepsPerSecond.toFixed(0),
    m.wallStepsPerSecond.toFixed(0),
    tabula && m !== tabula ? (tabula.stepsPerSecond / m.stepsPerSecond).toFixed(1) : '',
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
  console.log(
    `steps/s and predict µs: by this process's CPU time, the median over blocks of ${timing.blockSteps} steps or ` +
      `${timing.blockPredictions} predictions; wall steps/s: the same by the wall clock (the two agree on an idle machine).`,
  );
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
  const margins = comparison.everyPeer.map(
    ({ peer, tabulaLogLoss }) => `${peer.implementation.name} ${signed(tabulaLogLoss - peer.progressiveLogLoss)}`,
  );
  console.log(
    `Tabula's progressive log loss minus each peer's, over the peer's steps: ${margins.join(', ')} ` +
      `(better than every peer: ${verdict(comparison.logLossBetterThanEveryPeer)}).`,
  );
  const predictMet = tabula.predictMicroseconds <= targets.maxPredictMicroseconds;
  const quickestPeerPredict = Math.min(...comparison.everyPeer.map(({ peer }) => peer.predictMicroseconds));
  console.log(
    `Tabula predict: ${tabula.predictMicroseconds.toFixed(2)} µs (target <= ${targets.maxPredictMicroseconds} µs: ${verdict(predictMet)}), ` +
      `${(quickestPeerPredict / tabula.predictMicroseconds).toFixed(1)}x faster than the quickest peer's.`,
  );
}

function signed(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(4)}`;
}
