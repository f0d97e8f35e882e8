// Idle-time work: after its delay, the work waits for an idle moment (with a deadline on busy
// pages), and runs once; without requestIdleCallback it still runs, right after the delay.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { whenIdle } from '../../../extension/content/when-idle';

type IdleCallback = (deadline: { timeRemaining(): number; didTimeout: boolean }) => void;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  test('waits out the delay, then asks for an idle moment with a deadline', () => {
    const requests: Array<[IdleCallback, { timeout?: number }]> = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleCallback, options: { timeout?: number }) => requests.push([callback, options]));
    const run = vi.fn();
    whenIdle(1000, run);
    vi.advanceTimersByTime(999);
    expect(requests).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(requests).toHaveLength(1);
    expect(requests[0][1].timeout).toBeGreaterThan(0);
    expect(run).not.toHaveBeenCalled();
    requests[0][0]({ timeRemaining: () => 10, didTimeout: false });
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('with no delay, asks for the idle moment at once', () => {
    const requests: IdleCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: IdleCallback) => requests.push(callback));
    const run = vi.fn();
    whenIdle(0, run);
    expect(requests).toHaveLength(1);
    requests[0]({ timeRemaining: () => 0, didTimeout: true });
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('without requestIdleCallback, runs on a timer after the delay', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const run = vi.fn();
    whenIdle(500, run);
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled(); // the page's own timers due now go first
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
