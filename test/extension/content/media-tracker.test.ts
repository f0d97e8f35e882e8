// @vitest-environment happy-dom
// Media play time: audible playback only, counted once however many elements play.
import { describe, expect, test } from 'vitest';
import { MediaTracker, type MediaLike } from '../../../extension/content/media-tracker';

const player = (muted = false): MediaLike => ({ paused: true, muted, volume: 1 });
const play = (tracker: MediaTracker, media: MediaLike, at: number, isTrusted = true) => {
  media.paused = false;
  return tracker.onMediaEvent({ isTrusted, type: 'play', target: media }, at);
};
const pause = (tracker: MediaTracker, media: MediaLike, at: number, type = 'pause') => {
  media.paused = true;
  return tracker.onMediaEvent({ isTrusted: true, type, target: media }, at);
};

describe('MediaTracker', () => {
  test('counts audible play time between play and pause or end', () => {
    const tracker = new MediaTracker(0);
    const video = player();
    expect(play(tracker, video, 1000)).toBe(true);
    expect(tracker.isPlaying()).toBe(true);
    expect(pause(tracker, video, 5000)).toBe(true);
    play(tracker, video, 8000);
    pause(tracker, video, 9000, 'ended');
    expect(tracker.total(20_000)).toBe(5000);
  });

  test('muted media and made-up events do not count', () => {
    const tracker = new MediaTracker(0);
    expect(play(tracker, player(true), 0)).toBe(false);
    expect(play(tracker, player(), 0, false)).toBe(false);
    expect(tracker.onMediaEvent({ isTrusted: true, type: 'play', target: document.body }, 0)).toBe(false);
    expect(tracker.total(10_000)).toBe(0);
  });

  test('two players at once count once; unmuting starts the count', () => {
    const tracker = new MediaTracker(0);
    const music = player();
    const banner = player(true);
    play(tracker, music, 0);
    play(tracker, banner, 0);
    banner.muted = false;
    expect(tracker.onMediaEvent({ isTrusted: true, type: 'volumechange', target: banner }, 2000)).toBe(false);
    pause(tracker, music, 4000);
    expect(tracker.isPlaying()).toBe(true);
    pause(tracker, banner, 6000);
    expect(tracker.total(6000)).toBe(6000);
  });

  test('prune drops a player that stopped without an event', () => {
    const tracker = new MediaTracker(0);
    const video = player();
    play(tracker, video, 0);
    video.paused = true; // removed from the page, say, with the pause event missed
    expect(tracker.prune(3000)).toBe(true);
    expect(tracker.total(9000)).toBe(3000);
  });

  test('skipped time and restart', () => {
    const tracker = new MediaTracker(0);
    play(tracker, player(), 0);
    tracker.skip(1000, 60_000);
    expect(tracker.total(61_000)).toBe(2000);
    tracker.restart(61_000);
    expect(tracker.total(62_000)).toBe(1000);
  });
});
