// The visit in progress: who it is (a random key, the address, the start), what the page is (its
// features, read once when the page has settled) and what the user has done so far, put together
// as a Visit on demand. A new visit (a single-page app changing page, a page back from the
// back-forward cache) gets a new key and zeroed counts; the page's state (visible, focused,
// media playing) carries over.
import type { PageFeatures, Visit } from '../../model/visit';
import type { VisitUpdate } from '../contract-types';
import { ActivityClock, type ActivityState } from './activity-clock';
import { InteractionCounter } from './interaction-counter';
import { MediaTracker } from './media-tracker';
import { readPageFeatures } from './page-features';
import { ScrollDepth, type MeasureScroll, type Schedule } from './scroll-depth';

export interface RecorderSetup {
  doc: Document;
  makeKey: () => string;
  measureScroll: MeasureScroll;
  schedule?: Schedule;
}

export class VisitRecorder {
  readonly clock: ActivityClock;
  readonly media: MediaTracker;
  readonly counter = new InteractionCounter();
  readonly scroll: ScrollDepth;
  key = '';
  url = '';
  startedAt = 0;
  /** A final update has been sent: nothing more for this key. */
  closed = false;
  private referrerHost = '';
  private features: PageFeatures | null = null;

  constructor(private readonly setup: RecorderSetup, at: number, state: ActivityState) {
    this.clock = new ActivityClock(at, state);
    this.media = new MediaTracker(at);
    this.scroll = new ScrollDepth(setup.measureScroll, setup.schedule);
  }

  /** Starts a visit of `url` (origin and path) opened at `startedAt`, coming from `referrerHost`. */
  begin(at: number, url: string, referrerHost: string, startedAt = at): void {
    this.key = this.setup.makeKey();
    this.url = url;
    this.startedAt = startedAt;
    this.referrerHost = referrerHost;
    this.features = null;
    this.closed = false;
    this.clock.restart(at);
    this.clock.noteInput(at);
    this.media.restart(at);
    this.counter.restart();
    this.scroll.restart();
  }

  /** Reads the page features if not read yet, and the first screen's depth with them. */
  settle(): PageFeatures {
    if (!this.features) {
      this.features = readPageFeatures(this.setup.doc, this.url, this.referrerHost);
      this.scroll.measureNow();
    }
    return this.features;
  }

  hasSettled(): boolean {
    return this.features !== null;
  }

  snapshot(at: number): Visit {
    const { clicks, keys, selections } = this.counter.current();
    return {
      ...this.settle(),
      activeMs: Math.round(this.clock.total(at)),
      scrollDepth: this.scroll.current(),
      clicks,
      keys,
      selections,
      mediaMs: Math.round(this.media.total(at)),
      startedAt: this.startedAt,
      endedAt: at,
      source: 'page',
    };
  }

  update(at: number, final: boolean): VisitUpdate {
    return { key: this.key, visit: this.snapshot(at), final };
  }
}

/** 128 random bits in hex. `crypto.randomUUID` would do, but only on https pages. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
