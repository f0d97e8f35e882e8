// What Tabula's content script costs the pages it runs in, measured in real Chromium: the measurement
// behind the proof's page-cost section and `npx tsx tools/page-cost.ts` (its command line).
//
// Method. Chromium (/usr/bin/chromium, or TABULA_CHROMIUM) starts with the built extension from
// dist/, as the real-browser tests start it. Pages of the test site (an ordinary article, a page of
// 100,000 nodes with a 1 MB title, a video page) are visited one at a time, each visit traced with
// CDP Tracing (devtools.timeline, and the extensions category for the injection):
//   1. a new tab opens the page: a new renderer process, so the content script is compiled and run
//      from nothing (the figure that matters: a content script is cold in every new process);
//   2. the page stays open `settleMs` (6 s) after its load event, so that anything the script
//      leaves for later (idle callbacks, timers) falls inside the trace;
//   3. the tab goes on to the next page of the same site: the first page's pagehide is "leave";
//      with --next-page, that page (same process) is measured too, to show what a process keeps.
// On the renderer's main thread (found by the page's CommitLoad), the script's cost is the CPU time
// (trace thread time, so that other processes on a busy machine inflate it less) of every event
// that names the script's URL: its compile (v8.compile), its top-level run (EvaluateScript) and
// every later call into it (FunctionCall: listeners, timers, idle callbacks), and the handling of
// the answers to its messages (promise callbacks, in microtask checkpoints no event names: see
// trace-cost.ts), nested events merged so that nothing counts twice. Garbage collection that lands inside them is counted (and shown
// apart in the JSON). Chromium's making of the extension's isolated world
// (ScriptInjection::InjectJs) is reported apart as "inject": it happens before the script runs,
// whatever the script (compare a build whose content.js is empty, `--build empty=DIR`).
// A long task is a main-thread task of over 50 ms wall time holding any of the script's work;
// "caused" counts those that would have stayed under 50 ms without that work. Tracing itself slows what it traces
// a little; every build is traced alike, so comparisons hold.
// Baseline: in the same browser and run, the same pages load in an off-the-record context, where
// the extension ("incognito": "not_allowed") is never injected. No event there may name any
// extension (the report says so in `baselineClean`); its busy time is what the page costs alone,
// and "busy vs none" is the difference of medians, which also holds Chromium's own per-page work
// for having an extension at all (see the empty build) and the noise of the page's own work.
// Builds: `--build name=dir` (repeatable; dist/ when none is named) measures a build (a folder with
// manifest.json and content.js); all of them run in the same browser, interleaved round by round.
// The floor: with `empty`, a copy of the first build whose content.js is empty runs beside them
// (the cost of having a content script at all), and the report holds each build's median and
// 95th percentile over every page load against that floor's median.
// Real pages: with `realPages`, the pages are every page of that folder (real-pages/corpus.ts).
// References: with `references`, three more copies of the first build run beside it, whose content
// scripts are the least that Tabula's job needs (reference-scripts/): one report at settle; the
// page's features read without care, then that report; and those with Tabula's listeners added.
// Each is compared with the empty script like the builds: how much of a build's cost any script
// doing that part of the job pays in this browser; and each named build is compared with the
// least script that reads and watches what Tabula does (`overReference`).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST } from '../browser/launch';
import { readCorpus, pageAddress } from '../real-pages/corpus';
import { startPageFolder } from '../sites/page-folder';
import { BASELINE, DEFAULT_CATEGORIES, loadPages, PAGES, testSitePages, type LoadSample, type PageSource, type TestSitePage, type Variant } from './load-pages';
import { againstFloor, againstReference, summarise, type FloorFigures, type PageFigures, type ReferenceRatio } from './summary';

export const EMPTY = 'empty content script';

export interface PageCostOptions {
  /** Loads of each page per build (after one unmeasured round). */
  loads?: number;
  /** The test site's pages to load (all three by default, unless realPages is given). */
  pages?: TestSitePage[];
  /** A folder of saved real pages (the layout of real-pages/corpus.ts): load its pages instead. */
  realPages?: string;
  /** Only the real pages of these names. */
  realPageNames?: string[];
  /** Measure an empty content script beside the builds: the floor. */
  empty?: boolean;
  /** Measure the reference scripts beside the builds (implies `empty`). */
  references?: boolean;
  /** Load the pages without the extension too (its busy time is the "busy vs none" column); true by default. */
  baseline?: boolean;
  /** Builds to measure; by default dist/ alone, as `npm run build` left it. */
  builds?: Variant[];
  settleMs?: number;
  /** Also measure the next page of the same site in the same tab (the content script's second run in a process). */
  nextPage?: boolean;
  categories?: string[];
  keepTracesIn?: string;
  onSample?: (sample: LoadSample) => void;
}

export interface PageCostReport {
  chromium: string;
  loads: number;
  settleMs: number;
  builds: { name: string; dir: string; contentBytes: number; contentGzipBytes: number }[];
  /** CPU milliseconds of the renderer's main thread, per build and page; the baseline is 'no extension'. */
  figures: PageFigures[];
  /** True when no baseline load showed any event of an extension: the attribution found nothing where nothing ran. */
  baselineClean: boolean;
  /** The first build over every page load against the empty content script's median (with `empty`). */
  floor?: FloorFigures;
  /** Every build against that median, in the order they were named (the first is `floor`). */
  floors?: FloorFigures[];
  /** With `references`: each named build against the least script that does its job (LEAST_WATCHING). */
  overReference?: ReferenceRatio[];
}

export async function measurePageCost(options: PageCostOptions = {}): Promise<PageCostReport> {
  const { loads = 10, settleMs = 6000, nextPage = false, categories = DEFAULT_CATEGORIES } = options;
  const source = options.realPages ? realPageSource(options.realPages, options.realPageNames) : testSitePages(options.pages ?? Object.keys(PAGES) as TestSitePage[]);
  const named = options.builds ?? [{ name: 'dist', dir: DIST }];
  /** Copies of the first build made for this run, removed at its end whatever happens. */
  const copies: string[] = [];
  const copy = (script: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tabula-content-'));
    copies.push(dir);
    cpSync(named[0].dir, dir, { recursive: true });
    writeFileSync(join(dir, 'content.js'), script);
    return dir;
  };
  try {
    const references = options.references ? REFERENCES.map(([name, files]) => ({ name, dir: copy(referenceScript(files)) })) : [];
    const measured = [...named, ...references];
    const emptyDir = options.empty || options.references ? copy('') : null;
    const builds = emptyDir ? [...measured, { name: EMPTY, dir: emptyDir }] : measured;
    const sizes = builds.map(({ name, dir }) => {
      const script = readFileSync(join(dir, 'content.js'));
      return { name, dir, contentBytes: script.length, contentGzipBytes: gzipSync(script).length };
    });
    const { samples, chromium } = await loadPages({ source, loads, variants: builds, settleMs, nextPage, categories, baseline: options.baseline, keepTracesIn: options.keepTracesIn, onSample: options.onSample });
    const baselineClean = samples.every((s) => s.arm !== BASELINE || (s.first.extensionMs === 0 && s.leave.extensionMs === 0));
    const floors = emptyDir ? measured.map((build) => againstFloor(samples, build.name, EMPTY)) : undefined;
    const least = floors?.find((floor) => floor.build === LEAST_WATCHING);
    const overReference = least ? floors!.slice(0, named.length).map((floor) => againstReference(floor, least)) : undefined;
    return { chromium, loads, settleMs, builds: sizes, figures: summarise(samples), baselineClean, floor: floors?.[0], floors, overReference };
  } finally {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages of a folder of saved real pages, served as they are on disk. */
function realPageSource(dir: string, names?: string[]): PageSource {
  const corpus = readCorpus(dir);
  const unknown = names?.filter((name) => !corpus.pages.some((page) => page.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`No such page in ${corpus.pagesDir}: ${unknown.join(', ')}.`);
  const pages = corpus.pages.filter((page) => !names || names.includes(page.name));
  return {
    start: () => startPageFolder(corpus.pagesDir),
    pages: pages.map(({ name }) => ({ name, path: new URL(pageAddress('http://127.0.0.1', name)).pathname })),
  };
}

/** The reference that reads what Tabula reads and watches what it watches: the builds are compared with it too. */
export const LEAST_WATCHING = 'reference: least watching';

/** The reference scripts measured with `references`: name, then the files joined into its content script. */
export const REFERENCES: readonly [string, readonly string[]][] = [
  ['reference: one message', ['report.js', 'one-message.js']],
  ['reference: least reading', ['report.js', 'least-reading.js']],
  [LEAST_WATCHING, ['watching.js', 'report.js', 'least-reading.js']],
];

const REFERENCE_SCRIPTS = join(import.meta.dirname, 'reference-scripts');

export function referenceScript(files: readonly string[]): string {
  return files.map((file) => readFileSync(join(REFERENCE_SCRIPTS, file), 'utf8')).join('\n');
}
