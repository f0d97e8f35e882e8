// Watches one page for as long as it is open: wires the page's events to the visit recorder,
// keeps a one-second tick (address changes, missed state changes, periodic reports), and reports
// when the page is hidden or left. Starting costs a few listeners and a timer; the page features
// are read later, when the browser is idle.
import type { ActivityState } from './activity-clock';
import { listenToPage, type PageHandlers } from './page-listeners';
import { hostOf, visitUrlOf } from './page-features';
import { Reporter, REPORT_EVERY_MS, type PostVisit } from './reporter';
import { measureScrollIn } from './scroll-geometry';
import { SpaWatch } from './spa-watch';
import { randomKey, VisitRecorder } from './visit-recorder';
import { whenIdle } from './when-idle';

export interface WatchOptions {
  window: Window;
  post: PostVisit;
  now?: () => number;
  makeKey?: () => string;
  /** When the page was opened (navigation start); defaults to now. */
  startedAt?: number;
  tickMs?: number;
  reportEveryMs?: number;
  /** How long after a single-page app changes page its new content is read. */
  settleMs?: number;
}

export interface PageWatch {
  readonly recorder: VisitRecorder;
  /** What the timer does every tickMs; exposed so that tests need no real timers. */
  tick(): void;
  stop(): void;
}

/** A tick this late means the machine slept or the page was frozen: that time does not count. */
const SUSPENDED_AFTER_MS = 20_000;

export function watchPage(options: WatchOptions): PageWatch | null {
  const { window: win, post, now = Date.now, makeKey = randomKey } = options;
  const { tickMs = 1000, reportEveryMs = REPORT_EVERY_MS, settleMs = 1000 } = options;
  const doc = win.document;
  const firstUrl = visitUrlOf(win.location.href);
  if (firstUrl === null) return null; // not a web page (a PDF viewer, about:blank)

  const abort = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  const readState = (): Omit<ActivityState, 'mediaPlaying'> => ({
    visible: doc.visibilityState === 'visible',
    focused: doc.hasFocus(),
  });
  const start = now();
  const recorder = new VisitRecorder({ doc, makeKey, measureScroll: measureScrollIn(win) }, start, { ...readState(), mediaPlaying: false });
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    abort.abort();
    clearInterval(timer);
    recorder.scroll.stop();
  };
  // Work run by timers: should it ever fail on some page, stop rather than fail again every second.
  const safely = (work: () => void) => (): void => {
    try {
      work();
    } catch {
      stop();
    }
  };
  const reporter = new Reporter(post, stop, start, reportEveryMs);
  const report = (at: number, final: boolean): void => {
    if (recorder.closed || stopped) return;
    reporter.send(recorder.update(at, final), at);
    if (final) recorder.closed = true;
  };
  const beginVisit = (at: number, url: string, referrerHost: string, startedAt = at, settleAfterMs = settleMs): void => {
    recorder.begin(at, url, referrerHost, startedAt);
    const key = recorder.key;
    whenIdle(settleAfterMs, safely(() => {
      if (!stopped && recorder.key === key) recorder.settle();
    }));
  };

  const syncState = (at: number): void => {
    const { visible, focused } = readState();
    const was = recorder.clock.current();
    if (visible === was.visible && focused === was.focused) return;
    recorder.clock.update(at, { visible, focused });
    // Coming back to the tab or the window is something the user did.
    if ((visible && !was.visible) || (focused && !was.focused)) recorder.clock.noteInput(at);
  };
  const spa = new SpaWatch(() => win.location.href, (fromUrl, toUrl) => {
    const at = now();
    report(at, true);
    beginVisit(at, toUrl, hostOf(fromUrl));
  });

  let lastTickAt = start;
  const tick = safely((): void => {
    if (stopped) return;
    const at = now();
    if (at - lastTickAt > SUSPENDED_AFTER_MS) {
      recorder.clock.skip(lastTickAt + tickMs, at);
      recorder.media.skip(lastTickAt + tickMs, at);
    }
    lastTickAt = at;
    syncState(at);
    if (recorder.media.prune(at)) recorder.clock.update(at, { mediaPlaying: recorder.media.isPlaying() });
    spa.check();
    if (!recorder.closed) reporter.tick(at, () => recorder.update(at, false));
  });

  const handlers: PageHandlers = {
    input: (event) => {
      if (event.isTrusted) recorder.clock.noteInput(now());
    },
    click: (event) => {
      if (recorder.counter.onClick(event)) recorder.clock.noteInput(now());
    },
    keydown: (event) => {
      if (recorder.counter.onKeyDown(event)) recorder.clock.noteInput(now());
    },
    mouseup: (event) => {
      if (event.isTrusted) recorder.counter.onMouseUp(event, doc.getSelection(), now());
    },
    copy: (event) => {
      if (recorder.counter.onCopy(event)) recorder.clock.noteInput(now());
    },
    scroll: (event) => recorder.scroll.onScroll(event),
    media: (event) => {
      const at = now();
      if (recorder.media.onMediaEvent(event, at)) recorder.clock.update(at, { mediaPlaying: recorder.media.isPlaying() });
    },
    stateChanged: () => {
      const at = now();
      syncState(at);
      if (doc.visibilityState === 'hidden') report(at, false);
    },
    pagehide: (event) => {
      if (event.isTrusted) report(now(), true);
    },
    pageshow: (event) => {
      // Back from the back-forward cache: the visit was closed when the page was hidden, so a new one begins.
      if (!event.isTrusted || !event.persisted || !recorder.closed) return;
      const at = now();
      beginVisit(at, spa.url() ?? firstUrl, '', at, 0);
      syncState(at);
    },
    popstate: () => spa.check(),
  };

  beginVisit(start, firstUrl, hostOf(doc.referrer), options.startedAt ?? start, 0);
  listenToPage(win, handlers, abort.signal);
  timer = setInterval(tick, tickMs);
  return { recorder, tick, stop };
}
