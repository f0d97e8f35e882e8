// Reads scroll metrics from a real window: the page's own scrolling, or a large scrolling box
// (web apps often scroll a panel rather than the page). Small boxes (a code sample, a menu) are
// not the page and are ignored. A page that fits its window may be such an app: its depth is then
// that of the large scrolling box in the middle of the window, if there is one, and it is whole
// only if there is none. Reading these forces layout if it is stale: call lazily.
import type { MeasureScroll, ScrollMetrics } from './scroll-depth';

interface BoxLike {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export function measureScrollIn(win: Window): MeasureScroll {
  return (target: unknown): ScrollMetrics | null => {
    const doc = win.document;
    if (isBox(target) && target !== doc.documentElement && target !== doc.body) {
      if (target.clientHeight < win.innerHeight / 2 || target.scrollHeight <= target.clientHeight) return null;
      return { top: target.scrollTop, viewport: target.clientHeight, height: target.scrollHeight };
    }
    const root = doc.scrollingElement ?? doc.documentElement;
    if (!root) return null;
    const page = { top: win.scrollY, viewport: win.innerHeight, height: root.scrollHeight };
    if (page.height > page.viewport || target !== null) return page;
    const panel = panelIn(win);
    return panel ? { top: panel.scrollTop, viewport: panel.clientHeight, height: panel.scrollHeight } : page;
  };
}

/** Boxes looked at, from the one under the middle of the window outwards: a hostile page may nest thousands. */
const PANEL_DEPTH_MAX = 32;

/** The large box that scrolls under the middle of the window (an app's main panel), if any. */
function panelIn(win: Window): Element | null {
  const doc = win.document;
  const minHeight = win.innerHeight / 2;
  let box = doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
  for (let looked = 0; box && box !== doc.body && box !== doc.documentElement && looked < PANEL_DEPTH_MAX; box = box.parentElement, looked++) {
    if (box.clientHeight < minHeight || box.scrollHeight <= box.clientHeight) continue;
    const { overflowY } = win.getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return box;
  }
  return null;
}

function isBox(target: unknown): target is BoxLike {
  return typeof target === 'object' && target !== null && typeof (target as BoxLike).scrollHeight === 'number'
    && typeof (target as BoxLike).clientHeight === 'number';
}
