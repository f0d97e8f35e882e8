// What the first screen needs: the prediction for the tab, asked for before anything else, and
// the background's status (for the storage warning), asked for right after. The prediction is
// held back until the status has answered once, so that a warning is laid out with it and never
// pushes it down afterwards. The status answers at once: the background keeps it in memory.
import type { TabPrediction } from '../extension/contract-types';
import { useRequest, type RequestState } from './use-request';
import { useReadySignal, type ReadyOutcome } from './use-ready-signal';

export interface FirstScreen {
  prediction: RequestState<TabPrediction>;
  /** When the background last found storage full (0: never; undefined: unknown). */
  storageFullAt: number | undefined;
  /** Asks again for both (after a change elsewhere may have made them stale). */
  reload: () => void;
  /** True once the first prediction (or the failure to get one) is shown. */
  settled: boolean;
}

export function useFirstScreen(tab: { tabId?: number }, onReady?: (outcome: ReadyOutcome) => void): FirstScreen {
  const prediction = useRequest('tab/predict', tab, { urgent: true });
  const status = useRequest('background/status', {}, { urgent: true });
  const held = status.data === undefined && status.error === undefined;
  const shown: RequestState<TabPrediction> = held ? { ...prediction, data: undefined, error: undefined, loading: true } : prediction;
  useReadySignal(shown, onReady);
  return {
    prediction: shown,
    storageFullAt: status.data?.storageFullAt,
    reload: () => { prediction.reload(); status.reload(); },
    settled: shown.data !== undefined || shown.error !== undefined,
  };
}
