// @vitest-environment happy-dom
// The reference scripts that page-cost measures beside Tabula's: each does what it claims, no more:
// one valid message once the page has settled, the features read where it says so, its listeners.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFERENCES, referenceScript } from '../../harness/page-cost/measure';
import { validatePageAddress } from '../../extension/validate';

const SETTLE_MS = 3000;

interface Sent {
  tabula: number;
  type: string;
  payload: unknown;
}

function run(files: readonly string[]): { sent: Sent[]; listeners: string[] } {
  const sent: Sent[] = [];
  const listeners: string[] = [];
  const runtime = { sendMessage: (message: Sent) => (sent.push(message), Promise.resolve({ ok: true, value: { wanted: true } })) };
  const record = (target: EventTarget, name: string) => {
    const add = target.addEventListener.bind(target);
    return vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      listeners.push(`${name}:${type}`);
      add(type, listener, options);
    });
  };
  const spies = [record(window, 'window'), record(document, 'document')];
  new Function('chrome', 'requestIdleCallback', referenceScript(files))({ runtime }, (run: () => void) => setTimeout(run, 0));
  spies.forEach((spy) => spy.mockRestore());
  return { sent, listeners };
}

beforeEach(() => {
  vi.useFakeTimers();
  document.head.innerHTML = '<title>Rivers rise</title><meta name="description" content="Floods.">';
  document.body.innerHTML = '<article><p>Text <a href="/a">a link</a></p></article>';
});
afterEach(() => vi.useRealTimers());

describe('the reference content scripts', () => {
  it.each(REFERENCES.map(([name, files]) => [name, files] as const))('%s sends one valid question about its own page once the page settled', (_name, files) => {
    const { sent } = run(files);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ tabula: 1, type: 'page/text-wanted' });
    expect(validatePageAddress(sent[0].payload).url).toBe(location.origin + location.pathname);
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(1);
  });

  it('only the watching reference listens to the page, to the events Tabula listens to', () => {
    expect(run(['one-message.js']).listeners).toEqual([]);
    expect(run(['least-reading.js']).listeners).toEqual([]);
    const { listeners } = run(['watching.js']);
    for (const event of ['window:pointermove', 'window:keydown', 'window:pagehide', 'document:scroll', 'document:play', 'document:visibilitychange']) expect(listeners).toContain(event);
    expect(listeners).toHaveLength(19);
  });
});
