// Reads scroll metrics from a real window: the page's own scrolling, or a large scrolling box
// (web apps often scroll a panel rather than the page). Small boxes (a code sample, a menu) are
// not the page and are ignored. Reading these forces layout if it is stale: call lazily.
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
    return { top: win.scrollY, viewport: win.innerHeight, height: root.scrollHeight };
  };
}

function isBox(target: unknown): target is BoxLike {
  return typeof target === 'object' && target !== null && typeof (target as BoxLike).scrollHeight === 'number'
    && typeof (target as BoxLike).clientHeight === 'number';
}
