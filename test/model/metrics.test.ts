// Progressive metrics: log loss, accuracy, AUC, calibration, baselines, and the history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AucWindow } from '../../model/auc';
import { MAX_HISTORY, ProgressiveMetrics } from '../../model/metrics';

describe('AucWindow', () => {
  it('equals the share of (engaged, not engaged) pairs ranked right, ties counting half', () => {
    const scores = fc.array(fc.tuple(fc.constantFrom(0.1, 0.3, 0.5, 0.9), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(scores, (examples) => {
      const window = new AucWindow(100);
      for (const [prediction, label] of examples) window.add(prediction, label);
      let pairs = 0;
      let right = 0;
      for (const [p, a] of examples) {
        for (const [q, b] of examples) {
          if (a === 1 && b === 0) {
            pairs++;
            right += p > q ? 1 : p === q ? 0.5 : 0;
          }
        }
      }
      expect(window.auc()).toBeCloseTo(pairs === 0 ? 0.5 : right / pairs, 12);
    }));
  });

  it('keeps to the pairs of the last `size` examples as they come and go, restored or not', () => {
    const scores = fc.array(fc.tuple(fc.constantFrom(0.1, 0.3, 0.5, 0.9), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 80 });
    fc.assert(fc.property(scores, fc.nat(80), (examples, restoreAt) => {
      let window = new AucWindow(7);
      examples.forEach(([prediction, label], i) => {
        if (i === restoreAt) {
          const restored = new AucWindow(7);
          restored.restore(window.snapshot());
          window = restored;
        }
        window.add(prediction, label);
        const last = examples.slice(Math.max(0, i - 6), i + 1);
        let pairs = 0;
        let right = 0;
        for (const [p, a] of last) {
          for (const [q, b] of last) {
            if (a !== 1 || b !== 0) continue;
            pairs++;
            right += p > q ? 1 : p === q ? 0.5 : 0;
          }
        }
        expect(window.auc()).toBe(pairs === 0 ? 0.5 : right / pairs);
      });
    }));
  });

  it('only looks at the most recent examples', () => {
    const window = new AucWindow(4);
    for (let i = 0; i < 4; i++) window.add(0.9, 0); // wrong, then pushed out
    window.add(0.8, 1);
    window.add(0.2, 0);
    window.add(0.7, 1);
    window.add(0.1, 0);
    expect(window.auc()).toBe(1);
  });
});

describe('ProgressiveMetrics', () => {
  it('sums up engagement predictions against their labels and a running base rate', () => {
    const metrics = new ProgressiveMetrics();
    metrics.scoreEngagement(0.8, 1);
    metrics.scoreEngagement(0.4, 0);
    metrics.scoreEngagement(0.6, 0);
    const { engagement } = metrics.current;
    expect(engagement.logLoss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6) + Math.log(0.4)) / 3, 12);
    // Base rates before each example, with one pseudo-count each way: 1/2, 2/3, 2/4.
    expect(engagement.baselineLogLoss).toBeCloseTo(-(Math.log(1 / 2) + Math.log(1 / 3) + Math.log(1 / 2)) / 3, 12);
    expect(engagement.accuracy).toBeCloseTo(2 / 3, 12);
    expect(engagement.calibration).toBeCloseTo(1.8 / 1, 12);
    expect(engagement.auc).toBe(1);
  });

  it('measures active time in seconds against the running mean of log(1 + seconds)', () => {
    const metrics = new ProgressiveMetrics();
    metrics.scoreActiveTime(5, Math.log1p(9));
    metrics.scoreActiveTime(20, Math.log1p(99));
    const { activeTime } = metrics.current;
    expect(activeTime.mae).toBeCloseTo((4 + 79) / 2, 9);
    expect(activeTime.baselineMae).toBeCloseTo((9 + (99 - 9)) / 2, 9);
  });

  it('counts next-site hits in the first and first three places', () => {
    const metrics = new ProgressiveMetrics();
    [[0, true], [2, false], [3, true], [-1, false]].forEach(([rank, baseline]) => metrics.scoreNext(rank as number, baseline as boolean));
    expect(metrics.current.next).toEqual({ transitions: 4, top1: 0.25, top3: 0.5, baselineTop3: 0.5 });
  });

  it('keeps a bounded history of points over the visits since the previous one', () => {
    const metrics = new ProgressiveMetrics();
    for (let visit = 0; visit < 50_000; visit++) {
      metrics.scoreNext(visit < 10_000 ? 0 : 1, false);
      metrics.visitDone(visit * 1000);
    }
    const history = metrics.history;
    expect(history.length).toBeLessThanOrEqual(MAX_HISTORY);
    expect(history.length).toBeGreaterThan(MAX_HISTORY / 2);
    expect(history[0].next.top1).toBe(1);
    expect(history.at(-1)!.next.top1).toBe(0);
    expect(history.at(-1)!.visits).toBeLessThanOrEqual(50_000);
    for (let i = 1; i < history.length; i++) expect(history[i].visits).toBeGreaterThan(history[i - 1].visits);
  });

  it('survives a snapshot and goes on identically', () => {
    const a = new ProgressiveMetrics();
    for (let i = 0; i < 300; i++) {
      a.scoreEngagement((i % 7) / 7, i % 2);
      a.visitDone(i);
    }
    const b = ProgressiveMetrics.restore(structuredClone(a.snapshot()));
    for (let i = 0; i < 300; i++) {
      for (const metrics of [a, b]) {
        metrics.scoreEngagement((i % 5) / 5, i % 3 === 0 ? 1 : 0);
        metrics.visitDone(i);
      }
    }
    expect(b.current).toEqual(a.current);
    expect(b.history).toEqual(a.history);
  });
});
