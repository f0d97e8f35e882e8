// Runs work when the browser has a moment to spare, after an optional delay, so that reading
// the page never competes with the page's own loading or input handling.

/** Longest the work may wait for an idle moment on a busy page. */
const IDLE_TIMEOUT_MS = 2000;

export function whenIdle(delayMs: number, run: () => void): void {
  // `run` is handed over as it is (no wrapper): each function a page load calls is one more to compile.
  if (delayMs > 0) setTimeout(whenIdle, delayMs, 0, run);
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}
