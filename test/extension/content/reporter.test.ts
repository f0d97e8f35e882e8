// @vitest-environment happy-dom
// The reporter sends updates periodically when something changed, always sends final ones, never
// throws into the page, and gives up cleanly once the extension is gone.
import { describe, expect, test, vi } from 'vitest';
import type { VisitUpdate } from '../../../extension/contract-types';
import type { Visit } from '../../../model/visit';
import { isContextGone, Reporter } from '../../../extension/content/reporter';

const visit = (activeMs: number, endedAt = activeMs): Visit => ({
  url: 'https://a.example/', host: 'a.example', path: '/', title: 'A', description: '', lang: 'en', kind: 'home',
  words: 10, links: 1, images: 0, videos: 0, referrerHost: '', activeMs, scrollDepth: 0, clicks: 0, keys: 0,
  selections: 0, mediaMs: 0, startedAt: 0, endedAt, source: 'page',
});
const update = (activeMs: number, final = false, endedAt = activeMs): VisitUpdate => ({ key: 'k1', visit: visit(activeMs, endedAt), final });

describe('Reporter', () => {
  test('ticks send once per period, and only when something changed', () => {
    const sent: VisitUpdate[] = [];
    const reporter = new Reporter((u) => { sent.push(u); }, () => {}, 0, 15_000);
    expect(reporter.tick(14_000, () => update(1))).toBe(false);
    expect(reporter.tick(15_000, () => update(2))).toBe(true);
    expect(reporter.tick(31_000, () => update(2, false, 31_000))).toBe(false); // only the time moved
    expect(reporter.tick(46_000, () => update(3))).toBe(true);
    expect(sent.map((u) => u.visit.activeMs)).toEqual([2, 3]);
  });

  test('a final update is sent even when nothing else changed', () => {
    const post = vi.fn();
    const reporter = new Reporter(post, () => {}, 0);
    reporter.send(update(5), 1);
    reporter.send(update(5, true), 2);
    expect(post.mock.calls.map(([u]) => u.final)).toEqual([false, true]);
  });

  test('an update that asks is sent even when it repeats the last, and its answer comes back; a lost one as undefined', async () => {
    const post = vi.fn((u: VisitUpdate) => Promise.resolve(u.askText ? { textWanted: true } : {}));
    const reporter = new Reporter(post, () => {}, 0);
    expect(await reporter.answerTo(update(5), 1)).toEqual({});
    expect(reporter.answerTo(update(5), 2), 'a repeat is not sent').toBeNull();
    expect(await reporter.answerTo({ ...update(5), askText: true }, 3)).toEqual({ textWanted: true });
    expect(post).toHaveBeenCalledTimes(2);
    const failing = new Reporter(() => Promise.reject(new Error('Could not establish connection.')), () => {}, 0);
    expect(await failing.answerTo({ ...update(5), askText: true }, 1)).toBeUndefined();
    const throwing = new Reporter(() => { throw new Error('boom'); }, () => {}, 0);
    expect(await throwing.answerTo({ ...update(5), askText: true }, 1)).toBeUndefined();
  });

  test('a failed send is retried by the next tick; a thrown one never reaches the page', async () => {
    let fail = true;
    const post = vi.fn(() => (fail ? Promise.reject(new Error('Could not establish connection.')) : Promise.resolve()));
    const reporter = new Reporter(post, () => {}, 0, 1000);
    reporter.send(update(5), 0);
    await Promise.resolve(); await Promise.resolve();
    fail = false;
    expect(reporter.tick(1000, () => update(5))).toBe(true);
    const throwing = new Reporter(() => { throw new Error('boom'); }, () => {}, 0);
    expect(() => throwing.send(update(1), 0)).not.toThrow();
  });

  test('stops for good once the extension context is invalidated', async () => {
    const onGone = vi.fn();
    const post = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    const reporter = new Reporter(post, onGone, 0, 1000);
    reporter.send(update(1), 0);
    await vi.waitFor(() => expect(onGone).toHaveBeenCalledTimes(1));
    expect(reporter.isGone()).toBe(true);
    expect(reporter.send(update(2, true), 5000)).toBe(false);
    expect(post).toHaveBeenCalledTimes(1);
  });

  test('recognises the errors of a gone extension in Chrome and Firefox', () => {
    expect(isContextGone(new Error('Extension context invalidated.'))).toBe(true);
    expect(isContextGone(new TypeError("can't access dead object"))).toBe(true);
    expect(isContextGone(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(false);
  });
});
