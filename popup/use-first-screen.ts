// What the first screen needs: the prediction for the tab, asked for before anything else, and
// the background's status (for the storage warning), asked for right after. Until the live answer
// comes, the prediction the background kept for the tab (if the popup's entry found one) is shown
// in its place, marked as loading. Nothing is shown before the storage warning's state is known
// (from the status or the kept entry), so that a warning never pushes the prediction down later.
// Whoever waits for the page (the browser tests) is told when the first prediction (or the failure
// to get one) is on screen, and when the background's own answer is.
import { useEffect, useRef } from 'preact/hooks';
import type { TabPrediction } from '../extension/contract-types';
import type { CachedPrediction } from '../extension/kept-prediction';
import { useKeptPrediction } from './use-kept-prediction';
import { useRequest, type RequestState } from './use-request';

export type ReadyOutcome = 'predictions' | 'error';
/** Where the first prediction shown came from: kept in memory for the tab, or the background's answer. */
export type ReadySource = 'cache' | 'live';

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

function useReadySignal(state: { data: unknown; error: string | undefined }, onReady?: (outcome: ReadyOutcome) => void): void {
  const signalled = useRef(false);
  const outcome: ReadyOutcome | null = state.data !== undefined ? 'predictions' : state.error !== undefined ? 'error' : null;
  useEffect(() => {
    // Effects run after the render is committed, so the prediction is in the document by now.
    if (signalled.current || outcome === null) return;
    signalled.current = true;
    onReady?.(outcome);
  }, [outcome, onReady]);
}

/**
 * Marks the root element: `data-ready="predictions"` or `data-ready="error"`, `data-ready-source`
 * ("cache" or "live"), and `data-ready-ms`: milliseconds from the start of the document's
 * navigation to this moment (the popup's own clock).
 */
export function markReady(root: HTMLElement): (outcome: ReadyOutcome, source?: ReadySource) => void {
  return (outcome, source = 'live') => {
    root.setAttribute('data-ready-ms', performance.now().toFixed(1));
    root.setAttribute('data-ready-source', source);
    root.setAttribute('data-ready', outcome);
  };
}

/** Marks the root once the background's answer is on screen: `data-live` (outcome) and `data-live-ms`. */
export function markLive(root: HTMLElement): (outcome: ReadyOutcome) => void {
  return (outcome) => {
    root.setAttribute('data-live-ms', performance.now().toFixed(1));
    root.setAttribute('data-live', outcome);
  };
}
