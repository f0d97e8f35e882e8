// Scroll depth: the deepest point of the page the user has seen, 0..1. Scroll events only mark
// that a measurement is due; the page's geometry is read at most once per throttle period, in a
// timer after the scroll (when layout is usually clean), never at start and never per event.

export interface ScrollMetrics {
  /** Distance scrolled from the top, the height of the visible part, the height of the whole. */
  top: number;
  viewport: number;
  height: number;
}

/** How far down a page with these metrics has been seen, 0..1 (a page that fits is seen whole). */
export function depthOf({ top, viewport, height }: ScrollMetrics): number {
  if (!(viewport > 0) || !(height > 0)) return 0;
  if (height <= viewport) return 1;
  const depth = (top + viewport) / height;
  return Number.isFinite(depth) ? Math.min(1, Math.max(0, depth)) : 0; // a NaN would stick in Math.max
}

export interface ScrollEventLike {
  isTrusted: boolean;
  target: unknown;
}

/** Reads the metrics of what scrolled (the page itself or a large scrolling box), or null to ignore it. */
export type MeasureScroll = (target: unknown) => ScrollMetrics | null;
export type Schedule = (run: () => void, delayMs: number) => unknown;

export const SCROLL_THROTTLE_MS = 250;

export class ScrollDepth {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare deepest: number;
  private declare pending: boolean;
  private declare lastTarget: unknown;
  private declare stopped: boolean;
  private declare readonly measure: MeasureScroll;
  private declare readonly schedule: Schedule;
  private declare readonly throttleMs: number;

  constructor(measure: MeasureScroll, schedule: Schedule = (run, delayMs) => setTimeout(run, delayMs), throttleMs = SCROLL_THROTTLE_MS) {
    this.deepest = 0;
    this.pending = false;
    this.lastTarget = null;
    this.stopped = false;
    this.measure = measure;
    this.schedule = schedule;
    this.throttleMs = throttleMs;
  }

  onScroll(event: ScrollEventLike): void {
    if (!event.isTrusted || this.stopped) return;
    this.lastTarget = event.target;
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      if (!this.stopped) this.measureNow(this.lastTarget);
    }, this.throttleMs);
  }

  /** Measures now: the page itself when `target` is null or the document. */
  measureNow(target: unknown = null): void {
    const metrics = this.measure(target);
    if (metrics) this.deepest = Math.max(this.deepest, depthOf(metrics));
  }

  current(): number {
    return Math.round(this.deepest * 1000) / 1000;
  }

  /** A new visit counts from zero; the caller measures the page again once it has settled. */
  restart(): void {
    this.deepest = 0;
  }

  stop(): void {
    this.stopped = true;
  }
}
