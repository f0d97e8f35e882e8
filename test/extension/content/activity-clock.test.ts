// @vitest-environment happy-dom
// Active time on a fake clock: counts only while visible, focused and active (or media plays).
import { describe, expect, test } from 'vitest';
import { ActivityClock, IDLE_AFTER_MS } from '../../../extension/content/activity-clock';

const s = (seconds: number) => seconds * 1000;
const shown = { visible: true, focused: true, mediaPlaying: false };

describe('ActivityClock', () => {
  test('a visible, focused page with a user acting counts all the time', () => {
    const clock = new ActivityClock(0, shown);
    for (let t = 5; t <= 60; t += 5) clock.noteInput(s(t));
    expect(clock.total(s(60))).toBe(s(60));
  });

  test('the user turns idle 30 s after the last input, and counts again on the next', () => {
    const clock = new ActivityClock(0, shown);
    clock.noteInput(s(10));
    expect(clock.total(s(100))).toBe(s(10) + IDLE_AFTER_MS);
    clock.noteInput(s(200)); // back after a long pause: the pause does not count
    expect(clock.total(s(210))).toBe(s(40) + s(10));
  });

  test('many inputs within the idle window are not a gap', () => {
    const clock = new ActivityClock(0, shown);
    for (let ms = 0; ms <= s(90); ms += 16) clock.noteInput(ms); // mouse moves at 60 Hz
    expect(clock.total(s(90))).toBe(s(90));
  });

  test('a hidden page does not count, even with media playing', () => {
    const clock = new ActivityClock(0, shown);
    clock.update(s(5), { visible: false, mediaPlaying: true });
    clock.noteInput(s(10));
    expect(clock.total(s(60))).toBe(s(5));
    clock.update(s(60), { visible: true });
    clock.noteInput(s(60));
    expect(clock.total(s(70))).toBe(s(15));
  });

  test('an unfocused window does not count', () => {
    const clock = new ActivityClock(0, shown);
    clock.update(s(20), { focused: false });
    clock.noteInput(s(25));
    expect(clock.total(s(40))).toBe(s(20));
  });

  test('playing media keeps the user active without input, and the idle window starts when it stops', () => {
    const clock = new ActivityClock(0, shown);
    clock.update(s(1), { mediaPlaying: true });
    expect(clock.total(s(600))).toBe(s(600));
    clock.update(s(600), { mediaPlaying: false });
    expect(clock.total(s(700))).toBe(s(600) + IDLE_AFTER_MS);
  });

  test('time skipped (the machine asleep) does not count, even with media playing', () => {
    const clock = new ActivityClock(0, { ...shown, mediaPlaying: true });
    clock.skip(s(10), s(3600));
    expect(clock.total(s(3605))).toBe(s(15));
  });

  test('time skipped counts up to the last input within it: the page was live, its timers late', () => {
    const clock = new ActivityClock(0, shown);
    for (let t = 5; t <= 40; t += 5) clock.noteInput(s(t));
    clock.skip(s(2), s(60)); // a tick due at 2 s came at 60 s
    expect(clock.total(s(60))).toBe(s(40));
    clock.noteInput(s(61));
    expect(clock.total(s(70))).toBe(s(50));
  });

  test('restart zeroes the total but keeps the page state', () => {
    const clock = new ActivityClock(0, shown);
    clock.update(s(10), { focused: false });
    clock.restart(s(20));
    expect(clock.total(s(30))).toBe(0);
    expect(clock.current()).toEqual({ visible: true, focused: false, mediaPlaying: false });
  });

  test('reading the total does not change it', () => {
    const clock = new ActivityClock(0, shown);
    clock.noteInput(s(5));
    const first = clock.total(s(20));
    expect(clock.total(s(20))).toBe(first);
    expect(clock.total(s(10))).toBe(first); // a clock read out of order counts nothing twice
  });
});
