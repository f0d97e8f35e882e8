// What the person does on a page, drawn after the visit's outcome (engaged or not) so that the
// label the learner computes from it (model/labels.ts) is that outcome. Active time follows a
// Weibull distribution of shape below 1 (most pages left within seconds, a long tail of pages
// read for minutes), cut at the thresholds of the label: under 30 s for a visit not engaged, over
// 10 s for an engaged one. Scroll, clicks, keys and selections then fit the label's other rules.
import { ENGAGED_ACTIVE_MS, ENGAGED_INTERACTIONS, ENGAGED_SCROLL, ENGAGED_SHORT_ACTIVE_MS } from '../../model/labels';
import type { Interaction, PageKind } from '../../model/visit';
import type { Draw } from './draw';
import type { SiteCategory } from './sites';

/** Shape of the active-time Weibull (below 1: the longer a page has been read, the less likely it is left now). */
export const ACTIVE_SHAPE = 0.7;
/** Scale of the active-time Weibull, in seconds, by page kind; an article's grows with the square root of its length. */
export const ACTIVE_SCALE: Record<PageKind, number> = { article: 28, video: 120, search: 6, form: 36, listing: 14, home: 9, other: 16 };
const ARTICLE_WORDS = 900;
const LONGEST_MS = 40 * 60_000;

const CLICKS: Record<PageKind, number> = { article: 0.3, video: 0.4, search: 0.6, form: 2, listing: 1.2, home: 1, other: 0.8 };

export interface InteractionDraw extends Interaction {
  /** Time the page stayed open after the person stopped being active on it (another tab, away). */
  idleMs: number;
}

export function drawInteraction(draw: Draw, page: { kind: PageKind; words: number; category: SiteCategory }, engaged: boolean): InteractionDraw {
  const scale = ACTIVE_SCALE[page.kind] * (page.kind === 'article' ? Math.sqrt(Math.max(page.words, 100) / ARTICLE_WORDS) : 1);
  const isVideo = page.kind === 'video';
  // An engaged video was watched for at least the label's 30 s of media.
  const lowMs = engaged ? (isVideo ? ENGAGED_ACTIVE_MS : ENGAGED_SHORT_ACTIVE_MS) : 500;
  const highMs = engaged ? LONGEST_MS : ENGAGED_ACTIVE_MS;
  // Rounded down: a visit not engaged must stay under 30 s.
  const activeMs = Math.floor(1000 * draw.weibullBetween(ACTIVE_SHAPE, scale, lowMs / 1000, highMs / 1000));
  const mediaMs = isVideo ? Math.round(activeMs * draw.uniform(engaged ? 0.6 : 0, 1)) : 0;
  let scrollDepth = engaged ? Math.min(1, draw.uniform(0.2, 1.3)) : draw.next() * draw.uniform(0.2, 0.8);
  let clicks = draw.poisson(CLICKS[page.kind] * (engaged ? 1.6 : 0.6));
  let keys = draw.poisson(keysMean(page.kind, page.category, engaged));
  let selections = engaged && (page.category === 'docs' || page.category === 'reference') ? draw.poisson(0.4) : 0;
  if (!engaged && activeMs >= ENGAGED_SHORT_ACTIVE_MS) {
    // Ten seconds or more without being engaged: less than half the page seen, at most one action.
    scrollDepth = Math.min(scrollDepth, ENGAGED_SCROLL - 0.01);
    if (clicks + keys + selections >= ENGAGED_INTERACTIONS) {
      clicks = Math.min(clicks, 1);
      keys = clicks === 0 ? Math.min(keys, 1) : 0;
      selections = 0;
    }
  }
  if (engaged && activeMs < ENGAGED_ACTIVE_MS && mediaMs < ENGAGED_ACTIVE_MS) {
    // A short engaged visit: half the page seen, or two actions or more.
    const actions = clicks + keys + selections;
    if (scrollDepth < ENGAGED_SCROLL && actions < ENGAGED_INTERACTIONS) {
      if (draw.chance(0.5)) scrollDepth = draw.uniform(ENGAGED_SCROLL, 1);
      else clicks += ENGAGED_INTERACTIONS - actions;
    }
  }
  const idleMs = Math.round(draw.logNormal(4000, 1.1) + (engaged ? activeMs * draw.uniform(0, 0.5) : 0));
  return { activeMs, scrollDepth: Math.round(scrollDepth * 100) / 100, clicks, keys, selections, mediaMs, idleMs };
}

function keysMean(kind: PageKind, category: SiteCategory, engaged: boolean): number {
  if (kind === 'form') return category === 'mail' ? (engaged ? 150 : 4) : engaged ? 40 : 3;
  if (kind === 'search') return engaged ? 6 : 1;
  if (category === 'work' && kind === 'other') return engaged ? 25 : 0.3;
  return engaged ? 0.3 : 0.05;
}
