// The benchmark's last line: one JSON object with every workload's figures (one per size
// preset), the ratios and the verdicts, and at the top the default size's ratio, for scripts.

import { round, type Comparison, type Targets } from './compare';
import type { Measurement } from './measure';

export interface SizeResult {
  readonly size: string;
  readonly workload: Record<string, unknown>;
  readonly measurements: readonly Measurement[];
  readonly comparison: Comparison;
}

function figures(m: Measurement, comparison: Comparison): Record<string, unknown> {
  const versus = comparison.everyPeer.find((p) => p.peer === m);
  return {
    role: m.implementation.role,
    visits: m.steps,
    learn_us_per_visit: round(m.microsecondsPerVisit, 3),
    wall_learn_us_per_visit: round(m.wallMicrosecondsPerVisit, 3),
    predict_us: round(m.predictMicroseconds, 3),
    wall_predict_us: round(m.wallPredictMicroseconds, 3),
    timed_blocks: m.timedBlocks,
    tabula_speed_ratio: versus ? round(versus.ratio, 2) : null,
    tabula_predict_ratio: versus ? round(versus.predictRatio, 2) : null,
    progressive_log_loss: round(m.progressiveLogLoss, 5),
    progressive_auc: round(m.progressiveAuc, 5),
    tabula_progressive_log_loss_on_these_visits: versus ? round(versus.tabulaLogLoss, 5) : null,
    constant_log_loss: round(m.constantLogLoss, 5),
    held_out_log_loss: round(m.heldOutLogLoss, 5),
    learns: m.learns,
    state_bytes: m.stateBytes,
    settings: m.implementation.settings,
  };
}

function sizeSummary({ workload, measurements, comparison }: SizeResult, targets: Targets): Record<string, unknown> {
  const { tabula, fastestPeer, ratio } = comparison;
  return {
    workload,
    implementations: Object.fromEntries(measurements.map((m) => [m.implementation.name, figures(m, comparison)])),
    fastest_peer: fastestPeer?.implementation.name ?? null,
    ratio_vs_fastest_peer: ratio === undefined ? null : round(ratio, 2),
    tabula_learn_us_per_visit: round(tabula.microsecondsPerVisit, 3),
    tabula_predict_us: round(tabula.predictMicroseconds, 3),
    tabula_log_loss_on_fastest_peer_visits: comparison.tabulaLogLossOnPeerSteps === undefined ? null : round(comparison.tabulaLogLossOnPeerSteps, 5),
    speed_met: ratio !== undefined && ratio >= targets.minSpeedRatio,
    log_loss_equal_or_better: comparison.logLossEqualOrBetter ?? false,
    log_loss_better_than_every_peer: comparison.logLossBetterThanEveryPeer,
  };
}

/** `defaultSize` names the result the top-level figures come from (the extension's default settings). */
export function summaryJson(results: readonly SizeResult[], defaultSize: string, targets: Targets, stream: Record<string, unknown>): string {
  const sizes = Object.fromEntries(results.map((result) => [result.size, sizeSummary(result, targets)]));
  const main = results.find((result) => result.size === defaultSize);
  const top = main ? sizeSummary(main, targets) : {};
  return JSON.stringify({
    stream,
    default_size: defaultSize,
    fastest_peer: top.fastest_peer ?? null,
    ratio_vs_fastest_peer: top.ratio_vs_fastest_peer ?? null,
    tabula_learn_us_per_visit: top.tabula_learn_us_per_visit ?? null,
    tabula_predict_us: top.tabula_predict_us ?? null,
    targets: {
      speed_ratio_at_least: targets.minSpeedRatio,
      speed_met: top.speed_met ?? false,
      log_loss_equal_or_better: top.log_loss_equal_or_better ?? false,
    },
    sizes,
  });
}
