// What the benchmark's verdict rests on: Tabula against the fastest peer that learns (speed
// ratio and log loss over the same steps) and against every peer (log loss over each one's steps).

import { meanLogLoss } from './log-loss';
import type { BenchStreams, Measurement } from './measure';

export interface Targets {
  readonly minSpeedRatio: number; // Tabula's steps/s over the fastest learning peer's
  readonly maxPredictMicroseconds: number;
}

/** Tabula and one peer over that peer's steps (a peer cut short is compared on its prefix). */
export interface PeerLogLoss {
  readonly peer: Measurement;
  readonly tabulaLogLoss: number;
  readonly ratio: number; // Tabula's steps/s over this peer's
}

export interface Comparison {
  readonly tabula: Measurement;
  readonly fastestPeer: Measurement | undefined;
  readonly ratio: number | undefined;
  /** Tabula's progressive log loss over the same steps as the fastest peer's. */
  readonly tabulaLogLossOnPeerSteps: number | undefined;
  /** Against the fastest learning peer, rounded to three decimals. */
  readonly logLossEqualOrBetter: boolean | undefined;
  readonly everyPeer: readonly PeerLogLoss[];
  /** Strictly lower progressive log loss than each peer over its steps. */
  readonly logLossBetterThanEveryPeer: boolean;
}

export function compare(measurements: readonly Measurement[], streams: BenchStreams): Comparison {
  const tabula = measurements.find((m) => m.implementation.isTabula);
  if (!tabula) throw new Error('the benchmark needs a Tabula row');
  const tabulaLogLossOver = (steps: number) =>
    meanLogLoss(tabula.progressivePredictions.subarray(0, steps), streams.train.slice(0, steps));
  const everyPeer = measurements
    .filter((m) => !m.implementation.isTabula)
    .map((peer) => ({ peer, tabulaLogLoss: tabulaLogLossOver(peer.steps), ratio: tabula.stepsPerSecond / peer.stepsPerSecond }));
  const logLossBetterThanEveryPeer = everyPeer.every((p) => p.tabulaLogLoss < p.peer.progressiveLogLoss);
  const fastest = everyPeer
    .filter((p) => p.peer.learns)
    .reduce<PeerLogLoss | undefined>((best, p) => (!best || p.peer.stepsPerSecond > best.peer.stepsPerSecond ? p : best), undefined);
  if (!fastest) {
    return {
      tabula,
      fastestPeer: undefined,
      ratio: undefined,
      tabulaLogLossOnPeerSteps: undefined,
      logLossEqualOrBetter: undefined,
      everyPeer,
      logLossBetterThanEveryPeer,
    };
  }
  return {
    tabula,
    fastestPeer: fastest.peer,
    ratio: fastest.ratio,
    tabulaLogLossOnPeerSteps: fastest.tabulaLogLoss,
    // "Equal" to three decimals: differences below that are within what another seed would change.
    logLossEqualOrBetter: round(fastest.tabulaLogLoss, 3) <= round(fastest.peer.progressiveLogLoss, 3),
    everyPeer,
    logLossBetterThanEveryPeer,
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
