// What the verdict rests on: Tabula against the fastest peer that learns (the speed ratio of a
// visit learned, and the log loss over the same visits) and against every peer (log loss over
// each one's visits). A reference row is shown but never compared.

import type { Measurement } from './measure';
import { meanLogLoss, type Label } from './scores';

export interface Targets {
  readonly minSpeedRatio: number; // the fastest learning peer's time per visit over Tabula's
}

/** Tabula and one peer over that peer's visits (a peer cut short is compared on its prefix). */
export interface PeerComparison {
  readonly peer: Measurement;
  readonly tabulaLogLoss: number;
  readonly ratio: number; // the peer's µs per visit learned over Tabula's
  readonly predictRatio: number; // the same for a prediction
}

export interface Comparison {
  readonly tabula: Measurement;
  readonly fastestPeer: Measurement | undefined;
  readonly ratio: number | undefined;
  /** Tabula's progressive log loss over the same visits as the fastest peer's. */
  readonly tabulaLogLossOnPeerSteps: number | undefined;
  /** Against the fastest learning peer, rounded to three decimals. */
  readonly logLossEqualOrBetter: boolean | undefined;
  readonly everyPeer: readonly PeerComparison[];
  /** Strictly lower progressive log loss than each peer over its visits. */
  readonly logLossBetterThanEveryPeer: boolean;
}

export function compare(measurements: readonly Measurement[], labels: readonly Label[]): Comparison {
  const tabula = measurements.find((m) => m.implementation.role === 'tabula');
  if (!tabula) throw new Error('the benchmark needs a Tabula row');
  const tabulaLogLossOver = (steps: number) => meanLogLoss(tabula.progressivePredictions.subarray(0, steps), labels.slice(0, steps));
  const everyPeer = measurements
    .filter((m) => m.implementation.role === 'peer')
    .map((peer) => ({
      peer,
      tabulaLogLoss: tabulaLogLossOver(peer.steps),
      ratio: peer.microsecondsPerVisit / tabula.microsecondsPerVisit,
      predictRatio: peer.predictMicroseconds / tabula.predictMicroseconds,
    }));
  const logLossBetterThanEveryPeer = everyPeer.every((p) => p.tabulaLogLoss < p.peer.progressiveLogLoss);
  const fastest = everyPeer
    .filter((p) => p.peer.learns)
    .reduce<PeerComparison | undefined>((best, p) => (!best || p.peer.microsecondsPerVisit < best.peer.microsecondsPerVisit ? p : best), undefined);
  return {
    tabula,
    fastestPeer: fastest?.peer,
    ratio: fastest?.ratio,
    tabulaLogLossOnPeerSteps: fastest?.tabulaLogLoss,
    // "Equal" to three decimals: differences below that are within what another seed would change.
    logLossEqualOrBetter: fastest && round(fastest.tabulaLogLoss, 3) <= round(fastest.peer.progressiveLogLoss, 3),
    everyPeer,
    logLossBetterThanEveryPeer,
  };
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
