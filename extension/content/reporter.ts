// Sends visit updates to the background: every REPORT_EVERY_MS while something changed, and
// whenever the page is hidden or left. Updates are cumulative (the background keeps the latest of
// each key), so a lost one costs nothing once the next arrives. A send never throws into the
// page; when the extension is gone (reloaded, updated or removed), onGone stops the watch.
import type { VisitUpdate } from '../contract-types';

export type PostVisit = (update: VisitUpdate) => unknown;

export const REPORT_EVERY_MS = 15_000;
/** A timer set for the period may fire a moment before the wall clock says the period has passed. */
const TIMER_SLACK_MS = 100;

export class Reporter {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare lastFingerprint: string;
  private declare lastCheckAt: number;
  private declare gone: boolean;
  private declare readonly post: PostVisit;
  private declare readonly onGone: () => void;
  private declare readonly everyMs: number;

  constructor(post: PostVisit, onGone: () => void, now: number, everyMs = REPORT_EVERY_MS) {
    this.lastFingerprint = '';
    this.lastCheckAt = now;
    this.gone = false;
    this.post = post;
    this.onGone = onGone;
    this.everyMs = everyMs;
  }

  /** Sends `update` unless it repeats the last one sent (a final update, or one that asks, is always sent). */
  send(update: VisitUpdate, at: number): boolean {
    return this.answerTo(update, at) !== null;
  }

  /**
   * Sends `update` as `send` does, and gives the background's answer: null when nothing was sent
   * (a repeat, or the extension gone), undefined when the answer is lost.
   */
  answerTo(update: VisitUpdate, at: number): Promise<unknown> | null {
    if (this.gone) return null;
    this.lastCheckAt = at;
    // A final update goes whatever it repeats, so it needs no fingerprint (it is sent as the page is left).
    const always = update.final || update.askText;
    const fingerprint = update.final ? '' : fingerprintOf(update);
    if (!always && fingerprint === this.lastFingerprint) return null;
    this.lastFingerprint = fingerprint;
    try {
      // Thenable rather than instanceof: the promise may come from another realm (Firefox).
      const sent = this.post(update) as PromiseLike<unknown> | undefined;
      if (typeof sent?.then === 'function') return Promise.resolve(sent).catch((error: unknown) => this.failed(error));
    } catch (error) {
      this.failed(error);
    }
    return Promise.resolve(undefined);
  }

  /** Called often; builds and sends an update only once the period has passed since the last check. */
  tick(at: number, build: () => VisitUpdate): boolean {
    if (this.gone || at - this.lastCheckAt < this.everyMs - TIMER_SLACK_MS) return false;
    return this.send(build(), at);
  }

  isGone(): boolean {
    return this.gone;
  }

  private failed(error: unknown): void {
    if (isContextGone(error)) {
      this.gone = true;
      this.onGone();
    } else {
      this.lastFingerprint = ''; // the background missed it: the next tick sends again
    }
  }
}

/** Everything but the time of the update, so that an unchanged visit is not sent again. */
function fingerprintOf({ key, visit, final }: VisitUpdate): string {
  return JSON.stringify([key, final, { ...visit, endedAt: 0 }]);
}

/** The errors browsers give once the extension that injected this script has gone away. */
export function isContextGone(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context invalidated|dead object/i.test(message);
}
