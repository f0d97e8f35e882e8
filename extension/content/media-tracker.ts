// Media play time: how long audio or video on the page was audibly playing. Muted media does not
// count (silent autoplaying banners are decoration), and several elements playing at once count
// once. Media events do not bubble, so they are caught on the document in the capture phase.

/** What is read of a media element: its state, never its source or content. */
export interface MediaLike {
  paused: boolean;
  muted: boolean;
  volume: number;
}

export interface MediaEventLike {
  isTrusted: boolean;
  type: string;
  target: unknown;
}

export const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied', 'volumechange'] as const;
/** Bound on elements remembered as playing, whatever a page does. */
const PLAYING_MAX = 32;

export class MediaTracker {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare readonly playing: Set<MediaLike>;
  private declare playedMs: number;
  private declare settledAt: number;

  constructor(now: number) {
    this.playing = new Set();
    this.playedMs = 0;
    this.settledAt = now;
  }

  /** Handles a media event; true when audible playback started or stopped because of it. */
  onMediaEvent(event: MediaEventLike, at: number): boolean {
    if (!event.isTrusted || !isMedia(event.target)) return false;
    const element = event.target;
    const stopping = event.type === 'pause' || event.type === 'ended' || event.type === 'emptied';
    return this.set(element, !stopping && isAudible(element), at);
  }

  /** Drops elements that stopped without telling (a missed event); true when playback stopped. */
  prune(at: number): boolean {
    const before = this.isPlaying();
    for (const element of this.playing) if (!isAudible(element)) this.set(element, false, at);
    return before !== this.isPlaying();
  }

  isPlaying(): boolean {
    return this.playing.size > 0;
  }

  /** Audible play time so far, in ms. */
  total(at: number): number {
    this.settle(at);
    return this.playedMs;
  }

  restart(at: number): void {
    this.settle(at);
    this.playedMs = 0;
  }

  /** From `from` to `to` the machine slept or the page was frozen: none of it counts. */
  skip(from: number, to: number): void {
    this.settle(from);
    if (to > this.settledAt) this.settledAt = to;
  }

  private set(element: MediaLike, playing: boolean, at: number): boolean {
    const wasPlaying = this.isPlaying();
    this.settle(at);
    if (playing && this.playing.size < PLAYING_MAX) this.playing.add(element);
    if (!playing) this.playing.delete(element);
    return wasPlaying !== this.isPlaying();
  }

  private settle(at: number): void {
    if (at <= this.settledAt) return;
    if (this.isPlaying()) this.playedMs += at - this.settledAt;
    this.settledAt = at;
  }
}

function isAudible(element: MediaLike): boolean {
  return !element.paused && !element.muted && element.volume > 0;
}

function isMedia(target: unknown): target is MediaLike {
  return typeof target === 'object' && target !== null
    && typeof (target as MediaLike).paused === 'boolean' && typeof (target as MediaLike).muted === 'boolean';
}
