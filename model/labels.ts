// What the model learns to predict, from what the user did on a page (the interaction).
//
// Engagement: a user's correction decides ('useful' → engaged, 'not-interested' → not). Else a
// visit is engaged when the user was active on it for at least 30 s; or for at least 10 s and
// either scrolled half of it or interacted (2 or more clicks, key presses and selections
// together); or played media on it for at least 30 s.
// Active time: log(1 + active seconds), so that 10 s against 20 s counts like 10 min against 20.
// Visits with no interaction known (history import, datasets) have no engagement or time label.
import { hasInteraction, type Visit } from './visit';

export const ENGAGED_ACTIVE_MS = 30_000;
export const ENGAGED_SHORT_ACTIVE_MS = 10_000;
export const ENGAGED_SCROLL = 0.5;
export const ENGAGED_INTERACTIONS = 2;
export const ENGAGED_MEDIA_MS = 30_000;

/** 1 engaged, 0 not, null unknown. */
export function engagementLabel(visit: Visit): 0 | 1 | null {
  if (visit.feedback === 'useful') return 1;
  if (visit.feedback === 'not-interested') return 0;
  if (!hasInteraction(visit)) return null;
  if (visit.activeMs >= ENGAGED_ACTIVE_MS || visit.mediaMs >= ENGAGED_MEDIA_MS) return 1;
  const interactions = visit.clicks + visit.keys + visit.selections;
  const engagedShortly = visit.scrollDepth >= ENGAGED_SCROLL || interactions >= ENGAGED_INTERACTIONS;
  return visit.activeMs >= ENGAGED_SHORT_ACTIVE_MS && engagedShortly ? 1 : 0;
}

/** The active-time target, log(1 + seconds), or null when unknown. */
export function activeTimeTarget(visit: Visit): number | null {
  if (!hasInteraction(visit)) return null;
  return Math.log1p(Math.max(0, visit.activeMs) / 1000);
}

/**
 * The largest active time predicted: a week. Any weights in range give a finite output, but
 * exp of it need not be finite; no trained model comes near this.
 */
const MAX_TARGET = Math.log1p(7 * 24 * 3600);

/** Seconds from an active-time output (never negative, at most a week). */
export function secondsOfTarget(target: number): number {
  return Math.max(0, Math.expm1(Math.min(target, MAX_TARGET)));
}
