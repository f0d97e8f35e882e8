// The benchmark's last line: one JSON object with every implementation's figures, the ratios
// and the verdicts, for scripts to read.

import { round, type Comparison, type Targets } from './compare';
import type { Measurement } from './measure';

export function summaryJson(
  measurements: readonly Measurement[],
  comparison: Comparison,
  targets: Targets,
  workload: Record<string, unknown>,
  tabulaDefaultWeightBytes: number | undefined,
): string {
  const implementations: Record<string, unknown> = {};
  for (const m of measurements) {
    const versusTabula = comparison.everyPeer.find((p) => p.peer === m);
    implementations[m.implementation.name] = {
      steps: m.steps,
      steps_per_second: round(m.stepsPerSecond, 1),
      wall_steps_per_second: round(m.wallStepsPerSecond, 1),
      timed_blocks: m.timedBlocks,
      tabula_speed_ratio: versusTabula ? round(versusTabula.ratio, 2) : null,
      predict_us: round(m.predictMicroseconds, 3),
      wall_predict_us: round(m.wallPredictMicroseconds, 3),
      progressive_log_loss: round(m.progressiveLogLoss, 5),
      tabula_progressive_log_loss_on_these_steps: versusTabula ? round(versusTabula.tabulaLogLoss, 5) : null,
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
      log_loss_better_than_every_peer: comparison.logLossBetterThanEveryPeer,
      predict_us_at_most: targets.maxPredictMicroseconds,
      predict_met: tabula.predictMicroseconds <= targets.maxPredictMicroseconds,
    },
  });
}
