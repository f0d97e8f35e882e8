// Which of the visit list's rows are drawn: those in the view and a few on either side, so that a
// year of visits costs the page no more to lay out and paint than a screen of them. Rows all have
// the same height (styles.css), so a row's place is its index times that height.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn beyond each edge of the view, so the rows scrolled or tabbed to next are already there. */
const OVERSCAN_ROWS = 8;
/** The window moves by this many rows at a time, so that scrolling renders the list every few rows, not every frame. */
const STEP_ROWS = 8;
/** A row's height before one has been laid out (and where nothing is: a document without layout). */
const ESTIMATED_ROW_PX = 48;

export interface RowWindow {
  /** The first row drawn, and the one after the last. */
  first: number;
  end: number;
  rowPx: number;
}

/**
 * The rows to draw of a list of `rows` rows of `rowPx` each whose top is `listTop` px below the
 * view's top (negative once scrolled past), in a view `viewPx` high. `focused`, a row holding the
 * focus, is kept with its neighbours, so that Tab and Shift+Tab find the next row there, unless the
 * list was scrolled far from it: then it goes, rather than every row between it and the view.
 */
export function rowWindow(listTop: number, viewPx: number, rowPx: number, rows: number, focused?: number): RowWindow {
  let first = Math.floor(-listTop / rowPx) - OVERSCAN_ROWS;
  let end = Math.ceil((viewPx - listTop) / rowPx) + OVERSCAN_ROWS;
  if (focused !== undefined && focused >= first - STEP_ROWS && focused < end + STEP_ROWS) {
    first = Math.min(first, focused - 1);
    end = Math.max(end, focused + 2);
  }
  first = Math.floor(first / STEP_ROWS) * STEP_ROWS;
  end = Math.ceil(end / STEP_ROWS) * STEP_ROWS;
  const clamp = (n: number) => Math.max(0, Math.min(rows, n));
  return { first: clamp(first), end: Math.max(clamp(first), clamp(end)), rowPx };
}

/**
 * The window of the list in `listRef` (its rows `.visit-row`, numbered by `aria-posinset`), worked
 * out again when anything scrolls, the view is resized, the focus moves, or the page renders.
 */
export function useRowWindow(listRef: { current: HTMLElement | null }, rows: number): RowWindow {
  const [shown, setShown] = useState<RowWindow>(() => rowWindow(0, innerHeight, ESTIMATED_ROW_PX, rows));
  const update = () => {
    const list = listRef.current;
    if (!list) return;
    const rowPx = list.querySelector('.visit-row')?.getBoundingClientRect().height || ESTIMATED_ROW_PX;
    const active = document.activeElement;
    const focusedRow = active && list.contains(active) ? active.closest('[aria-posinset]') : null;
    const focused = focusedRow ? Number(focusedRow.getAttribute('aria-posinset')) - 1 : undefined;
    const next = rowWindow(list.getBoundingClientRect().top, innerHeight, rowPx, rows, focused);
    setShown((before) => (before.first === next.first && before.end === next.end && before.rowPx === next.rowPx ? before : next));
  };
  const latest = useRef(update);
  latest.current = update;
  // After each render too: what is above the list (a notice, a confirmation) may have moved it.
  useLayoutEffect(() => latest.current());
  useEffect(() => {
    const onChange = () => latest.current();
    const options = { capture: true, passive: true };
    addEventListener('scroll', onChange, options);
    addEventListener('resize', onChange, options);
    document.addEventListener('focusin', onChange, options);
    return () => {
      removeEventListener('scroll', onChange, options);
      removeEventListener('resize', onChange, options);
      document.removeEventListener('focusin', onChange, options);
    };
  }, []);
  return shown;
}
