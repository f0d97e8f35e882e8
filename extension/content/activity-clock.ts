// Active time: how long the user was really with the page. Time counts while the page is
// visible, its window focused and the user active; the user turns idle IDLE_AFTER_MS after the
// last input, unless audible media is playing. Time is summed lazily at state changes, so
// between them nothing runs, and an input costs one comparison (it arrives on every mouse move).

export const IDLE_AFTER_MS = 30_000;

export interface ActivityState {
  visible: boolean;
  focused: boolean;
  mediaPlaying: boolean;
}

export class ActivityClock {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare activeMs: number;
  private declare settledAt: number;
  private declare lastInputAt: number;
  private declare readonly state: ActivityState;
  private declare readonly idleAfterMs: number;

  /** Starts at `now` as if the user had just acted: a page is opened by someone. */
  constructor(now: number, state: ActivityState, idleAfterMs = IDLE_AFTER_MS) {
    this.activeMs = 0;
    this.settledAt = now;
    this.lastInputAt = now;
    this.state = { ...state };
    this.idleAfterMs = idleAfterMs;
  }

  /** A trusted input (key, click, wheel, touch, mouse move) at time `at`. */
  noteInput(at: number): void {
    // Within the idle window the user was active all along, so only a longer gap needs settling.
    if (at - this.lastInputAt > this.idleAfterMs) this.settle(at);
    if (at > this.lastInputAt) this.lastInputAt = at;
  }

  /** The page became (in)visible, (un)focused, or media started or stopped, at time `at`. */
  update(at: number, change: Partial<ActivityState>): void {
    this.settle(at);
    const mediaStopped = this.state.mediaPlaying && change.mediaPlaying === false;
    Object.assign(this.state, change);
    // Whoever watched until the end was there: the idle window starts when the media stops.
    if (mediaStopped) this.noteInput(at);
  }

  current(): ActivityState {
    return { ...this.state };
  }

  /**
   * From `from` to `to` the machine slept or the page was frozen: none of it counts. An input
   * within that time shows the page was live until then (its timers were only late), so the
   * time up to the last input counts as it would have.
   */
  skip(from: number, to: number): void {
    this.settle(Math.max(from, Math.min(to, this.lastInputAt)));
    if (to > this.settledAt) this.settledAt = to;
  }

  /** Active time so far, in ms. */
  total(at: number): number {
    this.settle(at);
    return this.activeMs;
  }

  /** Starts counting again from zero for a new visit; the page's state carries over. */
  restart(at: number): void {
    this.settle(at);
    this.activeMs = 0;
  }

  private settle(at: number): void {
    if (at <= this.settledAt) return;
    const { visible, focused, mediaPlaying } = this.state;
    if (visible && focused) {
      const activeUntil = mediaPlaying ? at : Math.min(at, this.lastInputAt + this.idleAfterMs);
      if (activeUntil > this.settledAt) this.activeMs += activeUntil - this.settledAt;
    }
    this.settledAt = at;
  }
}
