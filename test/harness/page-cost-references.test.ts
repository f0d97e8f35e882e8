// @vitest-environment happy-dom
// The reference scripts that page-cost measures beside Tabula's: each does what it claims, no more:
// one valid report once the page has settled, the features read where it says so, its listeners.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFERENCES, referenceScript } from '../../harness/page-cost/measure';
import { validateVisitUpdate } from '../../extension/validate';

const SETTLE_MS = 3000;

interface Sent {
  tabula: number;
  type: string;
  payload: unknown;
}

function run(files: readonly string[]): { sent: Sent[]; listeners: string[] } {
  const sent: Sent[] = [];
  const listeners: string[] = [];
  const runtime = { sendMessage: (message: Sent) => (sent.push(message), Promise.resolve({ ok: true, value: {} })) };
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
  it.each(REFERENCES.map(([name, files]) => [name, files] as const))('%s sends one valid report of its own page once the page settled', (name, files) => {
    const { sent } = run(files);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ tabula: 1, type: 'visit/update' });
    const { visit } = validateVisitUpdate(sent[0].payload);
    expect(visit.url).toBe(location.origin + location.pathname);
    // Only the readers read the page.
    expect(visit.title).toBe(name === 'reference: one message' ? '' : 'Rivers rise');
    expect(visit.description).toBe(name === 'reference: one message' ? '' : 'Floods.');
    expect(visit.links).toBe(name === 'reference: one message' ? 0 : 1);
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(1);
  });

  it('only the watching reference listens to the page, to the events Tabula listens to', () => {
    expect(run(['report.js', 'one-message.js']).listeners).toEqual([]);
    expect(run(['report.js', 'least-reading.js']).listeners).toEqual([]);
    const { listeners } = run(['watching.js']);
    for (const event of ['window:pointermove', 'window:keydown', 'window:pagehide', 'document:scroll', 'document:play', 'document:visibilitychange']) expect(listeners).toContain(event);
    // As many as Tabula adds where there is no Navigation API (happy-dom has none): popstate instead.
    expect(listeners).toContain('window:popstate');
    expect(listeners).toHaveLength(20);
  });
});
