// @vitest-environment happy-dom
// Starting: a prerendered page is watched only once it is shown; a second start replaces the first.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { PageWatch } from '../../../extension/content/page-watch';
import { startWatching } from '../../../extension/content/start';

const CURRENT_WATCH = Symbol.for('tabula.page-watch');
const windows: Window[] = [];
afterEach(() => {
  for (const win of windows.splice(0)) {
    (win as unknown as Record<symbol, PageWatch | null>)[CURRENT_WATCH]?.stop();
    win.close();
  }
});

function page() {
  const win = new Window({ url: 'https://shop.example/basket' });
  windows.push(win);
  win.document.write('<body><button>Buy</button></body>');
  return { win, current: () => (win as unknown as Record<symbol, PageWatch | null | undefined>)[CURRENT_WATCH] };
}

const trustedClick = (win: Window) => {
  const event = new win.MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  win.document.body.dispatchEvent(event);
};

describe('startWatching', () => {
  test('a prerendered page is watched from the moment it is shown', () => {
    const { win, current } = page();
    Object.defineProperty(win.document, 'prerendering', { configurable: true, value: true });
    startWatching({ window: win as unknown as globalThis.Window, post: vi.fn(), now: () => 5000, startedAt: 1 });
    expect(current()).toBeUndefined();
    win.document.dispatchEvent(new win.Event('prerenderingchange'));
    expect(current()?.recorder.startedAt).toBe(5000); // when shown, not when prerendered
  });

  test('a second start stops the first, so nothing is counted twice', () => {
    const { win, current } = page();
    const options = { window: win as unknown as globalThis.Window, post: vi.fn() };
    startWatching(options);
    const first = current()!;
    startWatching(options);
    const second = current()!;
    expect(second).not.toBe(first);
    trustedClick(win);
    expect(first.recorder.counter.current().clicks).toBe(0);
    expect(second.recorder.counter.current().clicks).toBe(1);
  });
});
