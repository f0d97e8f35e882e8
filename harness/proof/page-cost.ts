// The content script's cost to the pages it runs in: main-thread CPU time per page load (median and
// 95th percentile) and the long tasks it causes, traced in real Chromium by harness/page-cost/measure.ts.
// Two runs: the test site's article and page of 100,000 nodes; then the saved real pages (every one
// in the full run, the fast run's few), each beside an empty content script in the same run, whose
// median is the floor the script is held to (at most 10× it at the median, 20× at the 95th percentile).
// Firefox has no tracing a driver can read, so the figure is Chromium's alone.
import { measurePageCost } from '../page-cost/measure';
import { BASELINE } from '../page-cost/load-pages';
import { REAL_PAGES } from '../real-pages/corpus';
import { FAST_PAGES } from './real-pages';
import type { Figures, ProofContext, ProofSection } from './section';

export const pageCost: ProofSection = {
  name: 'page-cost',
  zero: ['longTasksCaused'],
  async run(context: ProofContext): Promise<Figures> {
    if (!context.browsers.includes('chromium')) return { chromium: 'not installed' };
    const full = context.scale === 'full';
    let traced = 0;
    const onSample = (): void => void (++traced % 12 === 0 && context.log(`${traced} page loads traced`));
    const report = await measurePageCost({
      loads: full ? 8 : 2,
      settleMs: full ? 4_000 : 3_000,
      pages: full ? ['article', 'huge'] : ['article'],
      onSample,
    });
    const figures: Figures = { browser: report.chromium, loadsPerPage: report.loads, baselineClean: report.baselineClean,
      contentScriptBytes: report.builds[0].contentBytes };
    for (const page of report.figures.filter((f) => f.arm !== BASELINE)) {
      const { first, leave } = page;
      figures[page.page] = {
        scriptMedianMs: first.script.median, scriptP95Ms: first.script.p95, compileMedianMs: first.compile.median,
        browserInjectMedianMs: first.inject.median, leaveMedianMs: leave.script.median,
        longTasks: first.longTasks + leave.longTasks, longTasksCaused: first.longTasksCaused + leave.longTasksCaused,
      };
    }
    const real = await measurePageCost({
      realPages: REAL_PAGES,
      realPageNames: full ? undefined : FAST_PAGES,
      empty: true,
      loads: 1,
      settleMs: 4_000,
      onSample,
    });
    const floor = real.floor!;
    figures.realPages = {
      pages: floor.loads, baselineClean: real.baselineClean,
      emptyMedianMs: floor.emptyMedianMs, medianMs: floor.medianMs, p95Ms: floor.p95Ms,
      medianOverEmpty: floor.medianRatio, p95OverEmptyMedian: floor.p95Ratio,
      longTasksCaused: floor.longTasksCaused,
      costliest: floor.costliest.map((page) => `${page.page} ${page.medianMs} ms`).join(', '),
    };
    figures.firefox = 'not measured: Firefox gives a driver no main-thread trace';
    return figures;
  },
};
