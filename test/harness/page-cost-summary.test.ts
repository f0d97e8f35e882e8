// The page-cost figures against the floor: a build's median and 95th percentile over every page
// load, each over the empty content script's median, from samples made up here.
import { describe, expect, it } from 'vitest';
import type { LoadSample } from '../../harness/page-cost/load-pages';
import { againstFloor, againstReference, floorLines, referenceLine } from '../../harness/page-cost/summary';
import type { SegmentCost } from '../../harness/page-cost/trace-cost';

function cost(scriptMs: number, longTasksCaused = 0): SegmentCost {
  return {
    scriptMs, answersMs: 0, scriptWallMs: scriptMs, injectMs: 0, extensionMs: scriptMs, compileMs: 0, gcInScriptMs: 0, busyMs: scriptMs,
    longTasks: longTasksCaused, longestTaskMs: 0, longTasksCaused, codeCache: 'none', callbacks: 0,
  };
}

function sample(arm: string, page: string, scriptMs: number, leaveCaused = 0): LoadSample {
  return { arm, page, round: 0, first: cost(scriptMs), leave: cost(0.1, leaveCaused), freshProcess: true, sameProcess: true };
}

describe('the cost against the floor', () => {
  // 20 loads of the build: 1..20 ms; the empty script: 0.2, 0.3, 0.4 ms.
  const build = Array.from({ length: 20 }, (_, i) => sample('dist', `page-${i % 10}`, i + 1, i === 3 ? 1 : 0));
  const empty = [0.2, 0.4, 0.3].map((ms, i) => sample('empty', `page-${i}`, ms));
  const floor = againstFloor([...build, ...empty, sample('no extension', 'page-0', 0)], 'dist', 'empty');

  it('takes both medians and the build’s 95th percentile over every load, and their ratios to the empty median', () => {
    expect(floor).toMatchObject({ build: 'dist', loads: 20, emptyMedianMs: 0.3, medianMs: 10.5, p95Ms: 19 });
    expect(floor.medianRatio).toBe(35);
    expect(floor.p95Ratio).toBeCloseTo(19 / 0.3, 3);
    expect(floor.longTasksCaused).toBe(1);
  });

  it('names the costliest pages by their median', () => {
    // page-9 had loads of 10 and 20 ms, page-8 of 9 and 19.
    expect(floor.costliest.slice(0, 2)).toEqual([{ page: 'page-9', medianMs: 15 }, { page: 'page-8', medianMs: 14 }]);
    expect(floor.costliest).toHaveLength(5);
  });

  it('prints both medians, the p95 and the ratios', () => {
    const text = floorLines(floor).join('\n');
    expect(text).toContain('empty content script median 0.30 ms');
    expect(text).toContain('dist median 10.50 ms, p95 19.00 ms');
    expect(text).toContain('median 35.0×, p95 63.3×; long tasks caused: 1');
  });
});

describe('the cost against a reference script', () => {
  it('is the build’s median over the reference’s, and its p95 over the reference’s p95', () => {
    const build = Array.from({ length: 20 }, (_, i) => sample('dist', `page-${i % 10}`, i + 1));
    const reference = Array.from({ length: 20 }, (_, i) => sample('reference', `page-${i % 10}`, (i + 1) / 4));
    const empty = [0.2, 0.4, 0.3].map((ms, i) => sample('empty', `page-${i}`, ms));
    const samples = [...build, ...reference, ...empty];
    const ratio = againstReference(againstFloor(samples, 'dist', 'empty'), againstFloor(samples, 'reference', 'empty'));
    expect(ratio).toEqual({ build: 'dist', reference: 'reference', medianRatio: 4, p95Ratio: 4 });
    expect(referenceLine(ratio)).toBe('dist / reference: median 4.0×, p95 4.0×.');
  });
});
