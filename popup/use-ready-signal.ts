// Tells the page when the first prediction (or the failure to get one) is on screen, and when the
// background's own answer is, so that whoever waits for the popup (the browser tests) knows it
// has settled and what it showed first.
import { useEffect, useRef } from 'preact/hooks';

export type ReadyOutcome = 'predictions' | 'error';
/** Where the first prediction shown came from: kept in memory for the tab, or the background's answer. */
export type ReadySource = 'cache' | 'live';

export function useReadySignal(state: { data: unknown; error: string | undefined }, onReady?: (outcome: ReadyOutcome) => void): void {
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
