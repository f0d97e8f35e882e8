// Watches one page for as long as it is open: wires the page's events to the visit recorder, keeps
// a tick (periodic reports, missed state changes, and address changes where the browser does not
// announce them), and reports once the page is read, then when the page is hidden or left (and,
// until that first report, as it is about to be left). Starting costs a few listeners and two
// timers, nothing more: the page features are read, and first reported, once the page has been
// open a few seconds, when the browser is idle (or with the visit's first report, if that comes
// sooner), so that the reading competes neither with the page's loading nor with the browser's
// work of leaving a large page, where it could tip that task into a long one. The page's own words
// (its content keywords) are read only after the background has answered the report of the page
// read that the page may be recorded, so they are never read on an excluded site; they follow that
// report in one of their own, and a visit left before they came has none. Every tick costs the
// page a call into the content script, so the tick runs every second only where it must look for
// address changes itself; with the Navigation API they arrive as events, and the tick only comes
// when a periodic report is due.
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
  /** Defaults to the report period where the Navigation API announces address changes, else TICK_MS. */
  tickMs?: number;
  reportEveryMs?: number;
  /** How long after a visit begins its page is read. */
  settleMs?: number;
  /** How the page's words become its keywords; without it, they are never read. */
  pageText?: PageTextPort;
}

/**
 * The background's side of a page's keywords. Whether the page's words may be read at all is the
 * answer to its report once read (`askText`), which `post` gives: `{ textWanted: true }`.
 */
export interface PageTextPort {
  /** The keywords of the page's main text, counted by the background. */
  keywords(url: string, text: string, lang: string): Promise<string[]>;
}

export interface PageWatch {
  readonly recorder: VisitRecorder;
  /** What the timer does every tickMs; exposed so that tests need no real timers. */
  tick(): void;
  stop(): void;
}

/** A tick this much later than due means the machine slept or the page was frozen: that time does not count. */
const SUSPENDED_AFTER_MS = 20_000;
export const TICK_MS = 1000;
/** Long enough for a page to have loaded and drawn its content, short enough for most visits to outlast it. */
export const SETTLE_MS = 3000;

/** The shortest visit a change of address can end. */
const MIN_VISIT_MS = 1_000;

type NavigatingWindow = Window & { navigation?: EventTarget };

export function watchPage(options: WatchOptions): PageWatch | null {
  const { window: win, post, now = Date.now, makeKey = randomKey, pageText } = options;
  const doc = win.document;
  // The document's address is the location's, and reading it spares every page the Location interface.
  const firstHref = doc.URL;
  const firstUrl = visitUrlOf(firstHref);
  if (firstUrl === null) return null; // not a web page (a PDF viewer, about:blank)
  const navigation = (win as NavigatingWindow).navigation;
  const { reportEveryMs = REPORT_EVERY_MS, settleMs = SETTLE_MS } = options;
  const { tickMs = navigation ? reportEveryMs : TICK_MS } = options;

  let timer: ReturnType<typeof setInterval> | undefined;
  let unlisten = (): void => {};
  let listeningForShow = false;
  let listeningForLeave = false;
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
    unlisten();
    if (listeningForShow) win.removeEventListener('pageshow', onPageShow);
    watchLeaving(false);
    clearInterval(timer);
    recorder.scroll.stop();
  };
  // Work run by timers: should it ever fail on some page, stop rather than fail again at every tick.
  const safely = <A extends unknown[]>(work: (...args: A) => void) => (...args: A): void => {
    try {
      work(...args);
    } catch {
      stop();
    }
  };
  const reporter = new Reporter(post, stop, start, reportEveryMs);
  /** Reports the visit; with `askText`, asks whether the page's words may be read, and gives the answer. */
  const report = (at: number, final: boolean, askText = false): Promise<unknown> | null => {
    if (recorder.closed || stopped) return null;
    const update = recorder.update(at, final);
    if (askText) update.askText = true;
    const answer = reporter.answerTo(update, at);
    if (final) recorder.closed = true;
    if (answer !== null) watchLeaving(false);
    return answer;
  };
  // Until a visit has been reported once, the background knows nothing of it, and its last report,
  // sent as the page is left, is all it has: Firefox can drop that one when the next page is
  // another site's (it goes out as the page is torn down). So until then the visit is reported
  // as the page is about to be left too, while it is still whole. Only until then: a
  // beforeunload listener makes every navigation away wait for the page to answer, and the
  // guidance for it is to listen only while it is needed.
  const onLeaving = safely((event: Event): void => {
    if (event.isTrusted) report(now(), false);
  });
  function watchLeaving(on: boolean): void {
    if (on === listeningForLeave) return;
    listeningForLeave = on;
    if (on) win.addEventListener('beforeunload', onLeaving, { passive: true });
    else win.removeEventListener('beforeunload', onLeaving);
  }
  let visitBeganAt = start;
  const beginVisit = (at: number, url: string, referrerHost: string, startedAt = at): void => {
    visitBeganAt = at;
    recorder.begin(at, url, referrerHost, startedAt);
    watchLeaving(true);
    const visit = recorder.visits;
    const current = (): boolean => !stopped && recorder.visits === visit && !recorder.closed;
    // Reported once the page is read: from then on the visit is stored, and the background can
    // finish it even if the page's last report never arrives (Firefox can drop a message sent as a
    // page is left for another site's process). So the first report goes at once, and the
    // keywords follow in a report of their own: waiting for them would leave a visit ended soon
    // after unstored.
    const reportNow = safely(() => {
      if (current()) report(now(), false);
    });
    // The page's main text, read in an idle moment of its own once the background said yes, and
    // handed over to have its keywords counted; a report then carries them. Each answer is acted
    // on in an idle callback too, never in the task that delivered it: all of the script's work in
    // a page runs in its own callbacks, when the page has time for it (and where a trace of the
    // page names the script).
    const counted = (keywords: string[]): void => whenIdle(0, safely(() => {
      if (!current()) return;
      recorder.setKeywords(keywords);
      reportNow();
    }));
    const readText = safely((address: string) => {
      // The address may have changed since the yes (the tick looks for that only every second
      // where the browser does not announce it): then this visit is over, and its text not read.
      spa.check();
      let text = '';
      try {
        text = current() ? recorder.mainText() : '';
      } catch {
        // A page whose text cannot be read keeps no keywords, and is watched as before.
      }
      // Uncounted (the extension gone, the background failing), the visit goes without them.
      if (text && pageText) pageText.keywords(address, text, recorder.settle().lang).then(counted, () => undefined);
    });
    whenIdle(settleMs, safely(() => {
      if (!current()) return;
      const { url: address, kind } = recorder.settle();
      // The report of the page read asks whether its words may be read too (unless they are what
      // was searched for). Its answer lost, the visit goes without them.
      const asking = pageText !== undefined && kind !== 'search';
      report(now(), false, asking)?.then(safely((answer: unknown) => {
        if (asking && (answer as { textWanted?: unknown } | undefined)?.textWanted === true) whenIdle(0, () => readText(address));
      }));
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
  const spa = new SpaWatch(() => doc.URL, (fromUrl, toUrl) => {
    const at = now();
    // A page that rewrites its address again within a second of the last change (a redirect, or a
    // hostile loop) is not a new visit each time, so the store cannot be flooded: the visit goes
    // on, at its new address (an excluded one is then not recorded), its page read there.
    if (at - visitBeganAt < MIN_VISIT_MS) {
      recorder.moveTo(toUrl);
      return;
    }
    report(at, true);
    beginVisit(at, toUrl, hostOf(fromUrl));
  }, firstHref, firstUrl);

  let lastTickAt = start;
  const tick = safely((): void => {
    if (stopped) return;
    const at = now();
    if (at - lastTickAt > tickMs + SUSPENDED_AFTER_MS) recorder.skip(lastTickAt + tickMs, at);
    lastTickAt = at;
    syncState(at);
    if (recorder.pruneMedia(at)) recorder.clock.update(at, { mediaPlaying: recorder.media.isPlaying() });
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
      if (!event.isTrusted) return;
      report(now(), true);
      // Into the back-forward cache: it may come back, and only then does pageshow matter.
      if (event.persisted && !listeningForShow && !stopped) {
        win.addEventListener('pageshow', onPageShow, { passive: true });
        listeningForShow = true;
      }
    },
    addressChanged: () => spa.check(),
  };
  const onPageShow = (event: PageTransitionEvent): void => {
    // Back from the back-forward cache: the visit was closed when the page was hidden, so a new one begins.
    if (!event.isTrusted || !event.persisted || !recorder.closed || stopped) return;
    const at = now();
    beginVisit(at, spa.url() ?? firstUrl, '', at);
    syncState(at);
  };

  beginVisit(start, firstUrl, hostOf(doc.referrer), options.startedAt ?? start);
  unlisten = listenToPage(win, handlers, navigation);
  timer = setInterval(tick, tickMs);
  return { recorder, tick, stop };
}
