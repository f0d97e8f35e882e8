// @vitest-environment happy-dom
// Scroll depth: the deepest point seen, measured at most once per throttle period.
import { describe, expect, test } from 'vitest';
import { depthOf, ScrollDepth, type ScrollMetrics } from '../../../extension/content/scroll-depth';

describe('depthOf', () => {
  test('the bottom of the visible part over the height of the page', () => {
    expect(depthOf({ top: 0, viewport: 800, height: 4000 })).toBeCloseTo(0.2);
    expect(depthOf({ top: 1200, viewport: 800, height: 4000 })).toBeCloseTo(0.5);
    expect(depthOf({ top: 3300, viewport: 800, height: 4000 })).toBe(1); // overscroll
    expect(depthOf({ top: 0, viewport: 800, height: 600 })).toBe(1); // fits on screen
    expect(depthOf({ top: 0, viewport: 0, height: 600 })).toBe(0);
    expect(depthOf({ top: NaN, viewport: 800, height: 4000 })).toBe(0);
  });
});

describe('ScrollDepth', () => {
  function setup() {
    let metrics: ScrollMetrics = { top: 0, viewport: 1000, height: 10_000 };
    const due: Array<() => void> = [];
    let measured = 0;
    const depth = new ScrollDepth(() => (measured++, metrics), (run) => due.push(run));
    return {
      depth, due,
      measured: () => measured,
      scrollTo: (top: number) => { metrics = { ...metrics, top }; },
    };
  }

  test('scroll events schedule one measurement per period, not one each', () => {
    const { depth, due, measured, scrollTo } = setup();
    for (let top = 0; top <= 3000; top += 100) {
      scrollTo(top);
      depth.onScroll({ isTrusted: true, target: document });
    }
    expect(due).toHaveLength(1);
    expect(measured()).toBe(0);
    due.shift()!();
    expect(measured()).toBe(1);
    expect(depth.current()).toBe(0.4);
  });

  test('keeps the deepest point when the user scrolls back up', () => {
    const { depth, due, scrollTo } = setup();
    scrollTo(5000);
    depth.onScroll({ isTrusted: true, target: document });
    due.shift()!();
    scrollTo(0);
    depth.onScroll({ isTrusted: true, target: document });
    due.shift()!();
    expect(depth.current()).toBe(0.6);
  });

  test('made-up scroll events and a stopped tracker measure nothing', () => {
    const { depth, due, measured } = setup();
    depth.onScroll({ isTrusted: false, target: document });
    expect(due).toHaveLength(0);
    depth.onScroll({ isTrusted: true, target: document });
    depth.stop();
    due.shift()!();
    expect(measured()).toBe(0);
  });

  test('restart starts the next visit from zero', () => {
    const { depth, scrollTo } = setup();
    scrollTo(9000);
    depth.measureNow();
    expect(depth.current()).toBe(1);
    depth.restart();
    expect(depth.current()).toBe(0);
  });
});
