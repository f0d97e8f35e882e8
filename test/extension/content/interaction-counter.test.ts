// @vitest-environment happy-dom
// Clicks, keys and selections are counted from trusted events only, and what was typed or
// selected is never read: the handlers are given events whose key fields record any access.
import { describe, expect, test } from 'vitest';
import { InteractionCounter, SELECTION_GAP_MS, type SelectionLike } from '../../../extension/content/interaction-counter';

/** A keydown whose key, code and character fields note that something read them. */
function watchedKey(key: string, reads: string[], isTrusted = true) {
  const event = { isTrusted, repeat: false };
  for (const field of ['key', 'code', 'keyCode', 'which', 'charCode', 'char', 'target']) {
    Object.defineProperty(event, field, { get: () => { reads.push(field); return key; } });
  }
  return event;
}

const anchor = {};
const focus = {};
const selected = (focusOffset = 12): SelectionLike => ({
  isCollapsed: false, rangeCount: 1, anchorNode: anchor, anchorOffset: 0, focusNode: focus, focusOffset,
});

describe('InteractionCounter', () => {
  test('counts trusted clicks and ignores made-up ones', () => {
    const counter = new InteractionCounter();
    expect(counter.onClick({ isTrusted: true })).toBe(true);
    expect(counter.onClick({ isTrusted: false })).toBe(false);
    expect(counter.onClick(new Event('click'))).toBe(false); // a page script's dispatchEvent
    expect(counter.current().clicks).toBe(1);
  });

  test('counts key presses without reading which keys', () => {
    const counter = new InteractionCounter();
    const reads: string[] = [];
    for (const key of 'zqxjvk') counter.onKeyDown(watchedKey(key, reads));
    counter.onKeyDown(watchedKey('y', reads, false));
    counter.onKeyDown({ isTrusted: true, repeat: true }); // a held key repeating
    expect(counter.current().keys).toBe(6);
    expect(reads).toEqual([]);
  });

  test('counts no shortcut as a key press (Ctrl+W, Cmd+L, Alt+Left, and those keys alone), though the user is there; AltGr, a Mac\'s Option and Shift type', () => {
    const counter = new InteractionCounter();
    const reads: string[] = [];
    const pressed = (held: object) => Object.assign(watchedKey('w', reads), held);
    const pc = () => false;
    const mac = () => true;
    for (const held of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }, { ctrlKey: true, altKey: true, getModifierState: () => false }]) {
      expect(counter.onKeyDown(pressed(held), pc)).toBe(true);
    }
    counter.onKeyDown(pressed({ metaKey: true }), mac); // Cmd+L
    expect(counter.current().keys).toBe(0);
    counter.onKeyDown(pressed({ ctrlKey: true, altKey: true, getModifierState: (key: string) => key === 'AltGraph' }), pc); // @ with AltGr on Windows
    counter.onKeyDown(pressed({ altKey: true }), mac); // @ with Option on a Mac
    counter.onKeyDown(pressed({ shiftKey: true }), pc); // a capital
    expect(counter.current().keys).toBe(3);
    expect(reads).toEqual([]);
  });

  test('copies count as selections', () => {
    const counter = new InteractionCounter();
    counter.onCopy({ isTrusted: true });
    counter.onCopy({ isTrusted: false });
    expect(counter.current().selections).toBe(1);
  });

  test('a mouseup counts once per new, non-empty selection, throttled', () => {
    const counter = new InteractionCounter();
    counter.onMouseUp({ isTrusted: true }, { ...selected(), isCollapsed: true }, 0); // a plain click
    counter.onMouseUp({ isTrusted: true }, null, 10);
    expect(counter.current().selections).toBe(0);
    counter.onMouseUp({ isTrusted: true }, selected(), 100);
    counter.onMouseUp({ isTrusted: true }, selected(20), 100 + SELECTION_GAP_MS / 2); // a double click's second mouseup
    expect(counter.current().selections).toBe(1);
    counter.onMouseUp({ isTrusted: true }, selected(), 100 + 5 * SELECTION_GAP_MS); // same selection, mouseup elsewhere
    expect(counter.current().selections).toBe(1);
    counter.onMouseUp({ isTrusted: true }, selected(30), 100 + 6 * SELECTION_GAP_MS);
    counter.onMouseUp({ isTrusted: false }, selected(40), 100 + 9 * SELECTION_GAP_MS);
    expect(counter.current().selections).toBe(2);
  });

  test('restart zeroes the counts', () => {
    const counter = new InteractionCounter();
    counter.onClick({ isTrusted: true });
    counter.onKeyDown({ isTrusted: true });
    counter.restart();
    expect(counter.current()).toEqual({ clicks: 0, keys: 0, selections: 0 });
  });
});
