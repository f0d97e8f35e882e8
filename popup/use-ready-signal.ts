// Tells the page when the first prediction (or the failure to get one) is on screen, so that
// whoever waits for the popup (the browser tests) knows it has settled.
import { useEffect, useRef } from 'preact/hooks';

export type ReadyOutcome = 'predictions' | 'error';

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
 * Marks the root element: `data-ready="predictions"` or `data-ready="error"`, and `data-ready-ms`:
 * milliseconds from the start of the document's navigation to this moment (the popup's own clock).
 */
export function markReady(root: HTMLElement): (outcome: ReadyOutcome) => void {
  return (outcome) => {
    root.setAttribute('data-ready-ms', performance.now().toFixed(1));
    root.setAttribute('data-ready', outcome);
  };
}
