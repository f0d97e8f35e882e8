// The visit in progress: who it is (a random key, the address, the start), what the page is (its
// features, read once when the page has settled) and what the user has done so far, put together
// as a Visit on demand. A new visit (a single-page app changing page, a page back from the
// back-forward cache) gets a new key and zeroed counts; the page's state (visible, focused,
// media playing) carries over. Nothing is made before it is needed (the key, the features): every
// function a page load runs is compiled then, in every page.
import type { PageFeatures, Visit } from '../../model/visit';
import type { VisitUpdate } from '../contract-types';
import { ActivityClock, type ActivityState } from './activity-clock';
import { InteractionCounter } from './interaction-counter';
import { MediaTracker } from './media-tracker';
import { readPageFeatures } from './page-features';
import { mainText } from './page-keywords';
import { ScrollDepth, type MeasureScroll, type Schedule } from './scroll-depth';

export interface RecorderSetup {
  doc: Document;
  makeKey: () => string;
  measureScroll: MeasureScroll;
  schedule?: Schedule;
}

export class VisitRecorder {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  declare readonly clock: ActivityClock;
  declare readonly counter: InteractionCounter;
  declare readonly scroll: ScrollDepth;
  declare url: string;
  declare startedAt: number;
  /** Visits begun so far: the current one's number. */
  declare visits: number;
  /** A final update has been sent: nothing more for this key. */
  declare closed: boolean;
  private declare mediaTracker: MediaTracker | null;
  private declare currentKey: string;
  private declare referrerHost: string;
  private declare features: PageFeatures | null;
  private declare readonly setup: RecorderSetup;
  private declare readonly createdAt: number;

  constructor(setup: RecorderSetup, createdAt: number, state: ActivityState) {
    this.setup = setup;
    this.createdAt = createdAt;
    this.clock = new ActivityClock(createdAt, state);
    this.counter = new InteractionCounter();
    this.scroll = new ScrollDepth(setup.measureScroll, setup.schedule);
    this.mediaTracker = null;
    this.url = '';
    this.startedAt = 0;
    this.visits = 0;
    this.closed = false;
    this.currentKey = '';
    this.referrerHost = '';
    this.features = null;
  }

  /** The media tracker, made at the first media event: most pages never play anything. */
  get media(): MediaTracker {
    this.mediaTracker ??= new MediaTracker(this.createdAt);
    return this.mediaTracker;
  }

  /** The current visit's random key, made when first asked for (most often by its first report). */
  get key(): string {
    if (!this.currentKey) this.currentKey = this.setup.makeKey();
    return this.currentKey;
  }

  /** Starts a visit of `url` (origin and path) opened at `startedAt`, coming from `referrerHost`. */
  begin(at: number, url: string, referrerHost: string, startedAt = at): void {
    this.currentKey = '';
    this.url = url;
    this.startedAt = startedAt;
    this.referrerHost = referrerHost;
    this.features = null;
    this.closed = false;
    // The parts of a new recorder already start at `createdAt`, as if just restarted.
    if (this.visits++ > 0 || at !== this.createdAt) {
      this.clock.restart(at);
      this.clock.noteInput(at);
      this.mediaTracker?.restart(at);
      this.counter.restart();
      this.scroll.restart();
    }
  }

  /** The visit goes on at another address (a redirect): its page is read again there. */
  moveTo(url: string): void {
    this.url = url;
    this.features = null;
  }

  /** Reads the page features if not read yet, and the first screen's depth with them. */
  settle(): PageFeatures {
    if (!this.features) {
      this.features = readPageFeatures(this.setup.doc, this.url, this.referrerHost);
      this.scroll.measureNow();
    }
    return this.features;
  }

  /** From `from` to `to` the machine slept or the page was frozen: none of it counts. */
  skip(from: number, to: number): void {
    this.clock.skip(from, to);
    this.mediaTracker?.skip(from, to);
  }

  /** Drops media that stopped without telling; true when audible playback stopped because of it. */
  pruneMedia(at: number): boolean {
    return this.mediaTracker !== null && this.mediaTracker.prune(at);
  }

  /**
   * The page's main text, from which its keywords are counted (in the background), once a visit:
   * read only where the background said the page may be recorded. A results page's text is what
   * was searched for: none of it is read. '' when the keywords are known already.
   */
  mainText(): string {
    const features = this.settle();
    return features.keywords === undefined && features.kind !== 'search' ? mainText(this.setup.doc) : '';
  }

  /** The keywords of this visit's page, counted from its main text. */
  setKeywords(keywords: string[]): void {
    this.settle().keywords = keywords;
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
      mediaMs: Math.round(this.mediaTracker?.total(at) ?? 0),
      startedAt: this.startedAt,
      endedAt: at,
      source: 'page',
    };
  }

  update(at: number, final: boolean): VisitUpdate {
    return { key: this.key, visit: this.snapshot(at), final };
  }
}

/**
 * A visit's key: the time in base 36 and about 100 random bits. It only has to be unique (no page
 * can send a report, so no page can forge one), and Math.random spares every page the start of
 * the crypto interface (about 0.2 ms on a cold page; `crypto.randomUUID` is for https pages alone).
 */
export function randomKey(): string {
  const random = (): string => Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `${Date.now().toString(36)}${random()}${random()}`;
}
