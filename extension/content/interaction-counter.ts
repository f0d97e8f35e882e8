// Clicks, key presses and text selections, counted. Only the fact that something happened is
// read: never which key, never what was typed or selected, never an input's value. Events a page
// script made up (`isTrusted` false) are ignored.

export interface TrustedLike {
  isTrusted: boolean;
}

export interface KeyEventLike extends TrustedLike {
  /** Auto-repeat of a held key: one press, not many. */
  repeat?: boolean;
  /** Held with Ctrl, Meta or Alt (or that key itself): a shortcut (Ctrl+W, Cmd+L, Alt+Left), not a key pressed on the page. */
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** On a Mac, Option types (Option+L is @ on a German layout): it is no shortcut there. */
  altKey?: boolean;
  /** AltGr, which Windows reports as Ctrl and Alt held: it types (@, €, ą), it is no shortcut. */
  getModifierState?(key: 'AltGraph'): boolean;
}

/** The shape of a selection, compared by position only (its text is never read). */
export interface SelectionLike {
  isCollapsed: boolean;
  rangeCount: number;
  anchorNode: unknown;
  anchorOffset: number;
  focusNode: unknown;
  focusOffset: number;
}

/** A mouse-made selection counts at most once in this long (a drag ends in one mouseup, a double click in two). */
export const SELECTION_GAP_MS = 1000;

export interface Counts {
  clicks: number;
  keys: number;
  selections: number;
}

/** Whether the browser runs on a Mac, where Alt is the Option key that types. */
function isMac(): boolean {
  return /^Mac/.test(globalThis.navigator?.platform ?? '');
}

export class InteractionCounter {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare counts: Counts;
  private declare lastSelectionAt: number;
  private declare lastSelection: Omit<SelectionLike, 'isCollapsed' | 'rangeCount'> | null;

  constructor() {
    this.counts = { clicks: 0, keys: 0, selections: 0 };
    this.lastSelectionAt = -Infinity;
    this.lastSelection = null;
  }

  onClick(event: TrustedLike): boolean {
    if (!event.isTrusted) return false;
    this.counts.clicks++;
    return true;
  }

  /** `optionTypes`: whether Alt is a Mac's Option key, asked only when an Alt key press needs it. */
  onKeyDown(event: KeyEventLike, optionTypes: () => boolean = isMac): boolean {
    if (!event.isTrusted) return false;
    // Which key it was is never read: only whether it repeats or is part of a shortcut.
    const shortcut = (event.ctrlKey || event.metaKey || (event.altKey && !optionTypes())) && event.getModifierState?.('AltGraph') !== true;
    if (event.repeat !== true && !shortcut) this.counts.keys++;
    return true;
  }

  onCopy(event: TrustedLike): boolean {
    if (!event.isTrusted) return false;
    this.counts.selections++;
    return true;
  }

  /** A mouseup that leaves a new, non-empty selection counts as a selection. */
  onMouseUp(event: TrustedLike, selection: SelectionLike | null, at: number): boolean {
    if (!event.isTrusted) return false;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return true;
    if (at - this.lastSelectionAt < SELECTION_GAP_MS || this.isSameAsLast(selection)) return true;
    this.counts.selections++;
    this.lastSelectionAt = at;
    const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
    this.lastSelection = { anchorNode, anchorOffset, focusNode, focusOffset };
    return true;
  }

  current(): Counts {
    return { ...this.counts };
  }

  restart(): void {
    this.counts = { clicks: 0, keys: 0, selections: 0 };
    this.lastSelection = null;
    this.lastSelectionAt = -Infinity;
  }

  // A mouseup elsewhere (a scrollbar, a button) leaves an earlier selection in place: not a new one.
  private isSameAsLast(selection: SelectionLike): boolean {
    const last = this.lastSelection;
    return last !== null && last.anchorNode === selection.anchorNode && last.anchorOffset === selection.anchorOffset
      && last.focusNode === selection.focusNode && last.focusOffset === selection.focusOffset;
  }
}
