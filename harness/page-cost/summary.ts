// Turns page-load samples into figures: median and 95th percentile per build and page, the
// main thread's extra busy time over the no-extension baseline, long tasks, and a table to print.
import { BASELINE, type LoadSample, type PageName } from './load-pages';
import type { SegmentCost } from './trace-cost';

export interface Spread {
  median: number;
  p95: number;
}

export interface StretchFigures {
  script: Spread;
  /** The part of `script` spent handling the answers to the extension's messages. */
  answers: Spread;
  inject: Spread;
  extension: Spread;
  compile: Spread;
  gcInScript: Spread;
  busy: Spread;
  /** Median busy time minus the baseline's median busy time for the same page and stretch. */
  busyOverBaseline: number;
  callbacks: Spread;
  longTasks: number;
  longestTaskMs: number;
  longTasksCaused: number;
  codeCache: Partial<Record<SegmentCost['codeCache'], number>>;
}

export interface PageFigures {
  arm: string;
  page: PageName;
  loads: number;
  /** First load of the page in a new tab (cold), leaving it, and the next page in the same tab (if measured). */
  first: StretchFigures;
  leave: StretchFigures;
  next?: StretchFigures;
  freshProcesses: number;
  nextInSameProcess: number;
}

type Stretch = 'first' | 'leave' | 'next';

export function summarise(samples: LoadSample[]): PageFigures[] {
  const groups = new Map<string, LoadSample[]>();
  for (const sample of samples) {
    const key = `${sample.arm}\u0000${sample.page}`;
    groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  const costs = (group: LoadSample[], stretch: Stretch): SegmentCost[] => group.flatMap((s) => s[stretch] ?? []);
  const baselineBusy = (page: PageName, stretch: Stretch): number => {
    const group = costs(groups.get(`${BASELINE}\u0000${page}`) ?? [], stretch);
    return group.length ? spread(group.map((c) => c.busyMs)).median : NaN;
  };
  return [...groups.values()].map((group) => {
    const { arm, page } = group[0];
    const figures = (stretch: Stretch): StretchFigures => stretchFigures(costs(group, stretch), baselineBusy(page, stretch));
    return {
      arm,
      page,
      loads: group.length,
      first: figures('first'),
      leave: figures('leave'),
      next: group[0].next ? figures('next') : undefined,
      freshProcesses: group.filter((s) => s.freshProcess).length,
      nextInSameProcess: group.filter((s) => s.sameProcess).length,
    };
  });
}

function stretchFigures(costs: SegmentCost[], baselineBusyMs: number): StretchFigures {
  const of = (read: (cost: SegmentCost) => number): Spread => spread(costs.map(read));
  const busy = of((c) => c.busyMs);
  const codeCache: StretchFigures['codeCache'] = {};
  for (const cost of costs) codeCache[cost.codeCache] = (codeCache[cost.codeCache] ?? 0) + 1;
  return {
    script: of((c) => c.scriptMs),
    answers: of((c) => c.answersMs),
    inject: of((c) => c.injectMs),
    extension: of((c) => c.extensionMs),
    compile: of((c) => c.compileMs),
    gcInScript: of((c) => c.gcInScriptMs),
    busy,
    busyOverBaseline: round(busy.median - baselineBusyMs),
    callbacks: of((c) => c.callbacks),
    longTasks: costs.reduce((sum, c) => sum + c.longTasks, 0),
    longestTaskMs: round(Math.max(0, ...costs.map((c) => c.longestTaskMs))),
    longTasksCaused: costs.reduce((sum, c) => sum + c.longTasksCaused, 0),
    codeCache,
  };
}

/** Median and nearest-rank 95th percentile. */
export function spread(values: number[]): Spread {
  if (values.length === 0) return { median: NaN, p95: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), p95: round(sorted[Math.ceil(0.95 * sorted.length) - 1]) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** One row per build and page; CPU milliseconds of the renderer's main thread. */
export function table(figures: PageFigures[]): string {
  const fixed = (ms: number | undefined): string => (ms !== undefined && Number.isFinite(ms) ? ms.toFixed(2) : '–');
  const both = (spread: Spread | undefined): string => `${fixed(spread?.median)} / ${fixed(spread?.p95)}`;
  const columns: [string, (f: PageFigures) => string][] = [
    ['build', (f) => f.arm],
    ['page', (f) => f.page],
    ['n', (f) => String(f.loads)],
    ['script ms (median / p95)', (f) => both(f.first.script)],
    ['compile', (f) => fixed(f.first.compile.median)],
    ['calls', (f) => fixed(f.first.callbacks.median)],
    ['inject', (f) => fixed(f.first.inject.median)],
    ['leave', (f) => fixed(f.leave.script.median)],
    ['busy vs none', (f) => fixed(f.first.busyOverBaseline)],
    ['long tasks: with / caused', (f) => `${f.first.longTasks + f.leave.longTasks} / ${f.first.longTasksCaused + f.leave.longTasksCaused}`],
  ];
  if (figures.some((f) => f.next)) columns.push(['next page (same process)', (f) => both(f.next?.script)]);
  const rows = figures.map((f) => columns.map(([, cell]) => cell(f)));
  const widths = columns.map(([title], i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns.map(([title]) => title)), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A build's cost over every page load, against the floor: an empty content script in the same run. */
export interface FloorFigures {
  build: string;
  /** Page loads of each (pages × loads). */
  loads: number;
  emptyMedianMs: number;
  emptyP95Ms: number;
  medianMs: number;
  p95Ms: number;
  /** The build's median and 95th percentile, each over the empty script's median. */
  medianRatio: number;
  p95Ratio: number;
  /** Over the loads and the leaving of every page. */
  longTasksCaused: number;
  /** The pages where the build cost most (median over its loads of the page), the costliest first. */
  costliest: { page: PageName; medianMs: number }[];
}

/** Main-thread script CPU of `build` against that of `empty`, both over all their first loads. */
export function againstFloor(samples: LoadSample[], build: string, empty: string): FloorFigures {
  const of = (arm: string): LoadSample[] => samples.filter((s) => s.arm === arm);
  const measured = spread(of(build).map((s) => s.first.scriptMs));
  const floor = spread(of(empty).map((s) => s.first.scriptMs));
  const byPage = new Map<PageName, number[]>();
  for (const s of of(build)) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s.first.scriptMs]);
  const costliest = [...byPage].map(([page, ms]) => ({ page, medianMs: spread(ms).median }))
    .sort((a, b) => b.medianMs - a.medianMs).slice(0, 5);
  return {
    build,
    loads: of(build).length,
    emptyMedianMs: floor.median,
    emptyP95Ms: floor.p95,
    medianMs: measured.median,
    p95Ms: measured.p95,
    medianRatio: round(measured.median / floor.median),
    p95Ratio: round(measured.p95 / floor.median),
    longTasksCaused: of(build).reduce((sum, s) => sum + s.first.longTasksCaused + s.leave.longTasksCaused, 0),
    costliest,
  };
}

/** The comparison with the floor, in a few lines. */
export function floorLines(floor: FloorFigures): string[] {
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  return [
    `Over ${floor.loads} page loads: empty content script median ${ms(floor.emptyMedianMs)} (p95 ${ms(floor.emptyP95Ms)}); ${floor.build} median ${ms(floor.medianMs)}, p95 ${ms(floor.p95Ms)}.`,
    `${floor.build} / empty median: median ${floor.medianRatio.toFixed(1)}×, p95 ${floor.p95Ratio.toFixed(1)}×; long tasks caused: ${floor.longTasksCaused}.`,
    `Costliest pages (median ms): ${floor.costliest.map((c) => `${c.page} ${c.medianMs.toFixed(2)}`).join(', ')}.`,
  ];
}

/** A build's cost over a reference script's, measured in the same run. */
export interface ReferenceRatio {
  build: string;
  reference: string;
  /** The build's median over the reference's median, and its 95th percentile over the reference's. */
  medianRatio: number;
  p95Ratio: number;
}

/** How many times a reference script's cost `build` is, median to median and p95 to p95. */
export function againstReference(build: FloorFigures, reference: FloorFigures): ReferenceRatio {
  return {
    build: build.build,
    reference: reference.build,
    medianRatio: round(build.medianMs / reference.medianMs),
    p95Ratio: round(build.p95Ms / reference.p95Ms),
  };
}

export function referenceLine(ratio: ReferenceRatio): string {
  return `${ratio.build} / ${ratio.reference}: median ${ratio.medianRatio.toFixed(1)}×, p95 ${ratio.p95Ratio.toFixed(1)}×.`;
}
