// The content script's cost to the pages it runs in: main-thread CPU time per page load (median and
// 95th percentile) and the long tasks it causes, traced in real Chromium by harness/page-cost/measure.ts.
// Firefox has no tracing a driver can read, so the figure is Chromium's alone.
import { measurePageCost } from '../page-cost/measure';
import { BASELINE } from '../page-cost/load-pages';
import type { Figures, ProofContext, ProofSection } from './section';

export const pageCost: ProofSection = {
  name: 'page-cost',
  zero: ['longTasksCaused'],
  async run(context: ProofContext): Promise<Figures> {
    if (!context.browsers.includes('chromium')) return { chromium: 'not installed' };
    const full = context.scale === 'full';
    let traced = 0;
    const report = await measurePageCost({
      loads: full ? 8 : 2,
      settleMs: full ? 4_000 : 3_000,
      pages: full ? ['article', 'huge'] : ['article'],
      onSample: () => void (++traced % 12 === 0 && context.log(`${traced} page loads traced`)),
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
    figures.firefox = 'not measured: Firefox gives a driver no main-thread trace';
    return figures;
  },
};
