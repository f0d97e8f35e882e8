// What the first screen needs: the prediction for the tab, asked for before anything else, and
// the background's status (for the storage warning), asked for right after. Until the live answer
// comes, the prediction the background kept for the tab (if the popup's entry found one) is shown
// in its place, marked as loading. Nothing is shown before the storage warning's state is known
// (from the status or the kept entry), so that a warning never pushes the prediction down later.
import type { TabPrediction } from '../extension/contract-types';
import { useKeptPrediction, type CachedPrediction } from './use-kept-prediction';
import { useRequest, type RequestState } from './use-request';
import { useReadySignal, type ReadyOutcome, type ReadySource } from './use-ready-signal';

export interface FirstScreenSignals {
  /** The first prediction (or the failure to get one) is on screen, and where it came from. */
  onReady?: (outcome: ReadyOutcome, source: ReadySource) => void;
  /** The background's own answer is on screen. */
  onLive?: (outcome: ReadyOutcome) => void;
}

export interface FirstScreen {
  prediction: RequestState<TabPrediction>;
  /** When the background last found storage full (0: never; undefined: unknown). */
  storageFullAt: number | undefined;
  /** Asks again for both (after a change elsewhere may have made them stale). */
  reload: () => void;
  /** True once the first prediction (or the failure to get one) is shown. */
  settled: boolean;
}

export function useFirstScreen(tab: { tabId?: number }, signals: FirstScreenSignals = {}, reading?: Promise<CachedPrediction | undefined>): FirstScreen {
  const live = useRequest('tab/predict', tab, { urgent: true });
  const status = useRequest('background/status', {}, { urgent: true });
  const kept = useKeptPrediction(reading);
  // A background woken since storage was found full has forgotten it; the kept entry has not.
  const known = [status.data?.storageFullAt, kept?.storageFullAt].filter((at): at is number => at !== undefined);
  const storageFullAt = known.length > 0 ? Math.max(...known) : undefined;
  const held = storageFullAt === undefined && status.error === undefined;
  const answered = live.data !== undefined || live.error !== undefined;
  const fromCache = !held && !answered && kept !== undefined;
  const shown: RequestState<TabPrediction> = held ? { ...live, data: undefined, error: undefined, loading: true }
    : fromCache ? { ...live, data: kept.prediction, error: undefined, loading: true }
    : live;
  useReadySignal(shown, (outcome) => signals.onReady?.(outcome, fromCache ? 'cache' : 'live'));
  useReadySignal(held ? shown : live, signals.onLive);
  return {
    prediction: shown,
    storageFullAt,
    reload: () => { live.reload(); status.reload(); },
    settled: shown.data !== undefined || shown.error !== undefined,
  };
}
