// Reads one Chromium trace (CDP Tracing, devtools.timeline categories) and says what an extension's
// content script cost the renderer's main thread over a stretch of time. Times are the thread's
// CPU time (trace `tts`/`tdur`), which other processes on a busy machine do not inflate; long
// tasks are judged on wall time, as browsers judge them. Nested events are merged, never added.
// The answer to an extension message resolves a promise, and the code waiting on it runs in a
// microtask checkpoint that no event names (RunMicrotasks, of the v8.execute category): a
// checkpoint of its own (outside any script event) that comes soon after one of the extension's
// messages is counted as the script's. That may count a page's own promise work that lands there
// too, never less than the script did.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number; // wall clock, µs
  dur?: number;
  tts?: number; // thread CPU clock, µs
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, any>;
}

export interface Thread {
  pid: number;
  tid: number;
}

/** What the extension cost one document's main thread in a stretch of the trace. CPU ms unless named wall. */
export interface SegmentCost {
  /** The script's own work: compiling, running, every callback it registered (listeners, timers, idle) and the answers to its messages. */
  scriptMs: number;
  /** Microtask checkpoints of their own soon after the extension sent a message: where its answers are handled (a part of scriptMs). */
  answersMs: number;
  scriptWallMs: number;
  /** Chromium making the extension's isolated world for the document, before the script runs. */
  injectMs: number;
  /** Both, merged. */
  extensionMs: number;
  /** Compiling the script's top level (a part of scriptMs). */
  compileMs: number;
  /** Garbage collection that happened to run inside the script's events (a part of scriptMs). */
  gcInScriptMs: number;
  /** Every task the thread ran: the page's, the browser's and the extension's. */
  busyMs: number;
  /** Tasks of over 50 ms (wall) that hold any of the script's work, and the longest of them. */
  longTasks: number;
  longestTaskMs: number;
  /** Of those, the tasks that would not have been long without the script's work in them. */
  longTasksCaused: number;
  /** Whether compiling the script used a code cache, was refused one, had none, or did not happen. */
  codeCache: 'none' | 'consumed' | 'rejected' | 'not compiled';
  /** Calls into the script after its top level ran: listeners, timers, idle callbacks. */
  callbacks: number;
}

export const LONG_TASK_MS = 50;
/** How long after the extension sends a message its answer is looked for (the background answers within milliseconds). */
const ANSWER_WINDOW_MS = 300;
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set(['EvaluateScript', 'v8.compile', 'v8.run', 'FunctionCall', 'v8.callFunction']);
const GC_NAMES = new Set(['MajorGC', 'MinorGC']);

/** The main thread of the renderer that committed `url` (the first such commit after `after`). */
export function mainThreadOf(events: TraceEvent[], url: string, after = -Infinity): (Thread & { committedAt: number }) | null {
  const commit = events
    .filter((e) => e.name === 'CommitLoad' && e.args?.data?.url === url && e.ts >= after)
    .sort((a, b) => a.ts - b.ts)[0];
  return commit ? { pid: commit.pid, tid: commit.tid, committedAt: commit.ts } : null;
}

/** The time of a `console.timeStamp(label)` mark, to cut a trace into stretches. */
export function markAt(events: TraceEvent[], label: string): number | null {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === label);
  return mark ? mark.ts : null;
}

export function traceEnd(events: TraceEvent[]): number {
  let end = -Infinity;
  for (const e of events) if (e.ph !== 'M' && e.ts > 0) end = Math.max(end, e.ts + (e.dur ?? 0));
  return end;
}

/** Cost on `thread`, for events starting in [from, to), of the scripts whose address starts with `scriptUrl`, of extension `extensionId`. */
export function segmentCost(events: TraceEvent[], thread: Thread, from: number, to: number, scriptUrl: string, extensionId: string): SegmentCost {
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X'
    && e.dur !== undefined && e.ts >= from && e.ts < to);
  const named = onThread.filter((e) => SCRIPT_NAMES.has(e.name) && urlOf(e)?.startsWith(scriptUrl) === true);
  const sends = onThread.filter((e) => e.name.startsWith('MainThreadIPCMessageSender::')
    && e.args?.chrome_extension_id?.extension_id === extensionId).map((e) => e.ts);
  const anyScript = merged(onThread.filter((e) => SCRIPT_NAMES.has(e.name)).map(wall));
  const answers = onThread.filter((e) => e.name === 'RunMicrotasks'
    && sends.some((sent) => e.ts > sent && e.ts - sent < ANSWER_WINDOW_MS * 1000)
    && !anyScript.some(([start, end]) => e.ts >= start && e.ts < end));
  const script = [...named, ...answers];
  const inject = onThread.filter((e) => e.name === 'ScriptInjection::InjectJs'
    && e.args?.chrome_extension_id?.extension_id === extensionId);
  const ours = [...script, ...inject];
  const scriptSpans = merged(script.map(wall));
  const gc = onThread.filter((e) => GC_NAMES.has(e.name) && scriptSpans.some(([s, end]) => e.ts >= s && e.ts < end));
  const tasks = onThread.filter((e) => TASK_NAMES.has(e.name));
  // The injection is left out here: Chromium makes the isolated world for any content script.
  const long = merged(tasks.map(wall)).filter(([start, end]) => end - start > LONG_TASK_MS * 1000
    && scriptSpans.some(([s, e]) => s < end && e > start));
  const scriptWithin = ([start, end]: Span): number => total(scriptSpans.map(([s, e]): Span => [Math.max(s, start), Math.min(e, end)]).filter(([s, e]) => e > s));
  const compiles = script.filter((e) => e.name === 'v8.compile');
  return {
    scriptMs: total(merged(script.map(cpu))),
    answersMs: total(merged(answers.map(cpu))),
    scriptWallMs: total(scriptSpans),
    injectMs: total(merged(inject.map(cpu))),
    extensionMs: total(merged(ours.map(cpu))),
    compileMs: total(merged(compiles.map(cpu))),
    gcInScriptMs: total(merged(gc.map(cpu))),
    busyMs: total(merged(tasks.map(cpu))),
    longTasks: long.length,
    longestTaskMs: Math.max(0, ...long.map(([start, end]) => (end - start) / 1000)),
    longTasksCaused: long.filter((task) => (task[1] - task[0]) / 1000 - scriptWithin(task) <= LONG_TASK_MS).length,
    codeCache: codeCacheOf(compiles),
    callbacks: script.filter((e) => e.name === 'FunctionCall').length,
  };
}

function urlOf(e: TraceEvent): string | undefined {
  return e.args?.data?.url ?? e.args?.fileName;
}

/** Blink records a consumed or refused code cache on the compile event; neither means none was offered. */
function codeCacheOf(compiles: TraceEvent[]): SegmentCost['codeCache'] {
  if (compiles.length === 0) return 'not compiled';
  const data = compiles[0].args?.data ?? {};
  if (data.cacheRejected === true) return 'rejected';
  return data.consumedCacheSize > 0 ? 'consumed' : 'none';
}

type Span = [number, number];

function wall(e: TraceEvent): Span {
  return [e.ts, e.ts + (e.dur ?? 0)];
}

/** Thread time where the trace has it (it has, for main-thread events), else wall time. */
function cpu(e: TraceEvent): Span {
  return e.tts !== undefined && e.tdur !== undefined ? [e.tts, e.tts + e.tdur] : wall(e);
}

/** Overlapping or nested spans become one: time is counted once however deep the events nest. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function total(spans: Span[]): number {
  return spans.reduce((sum, [start, end]) => sum + end - start, 0) / 1000;
}
