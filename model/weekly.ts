// What changed this week. Once a day of the visits' own time (never the clock, so that learning the
// same visits again makes the same marks), the learner leaves a mark: the features it leant on most
// and how well it predicted then. The last eight marks are kept, so that one of them is about a week
// before the last visit learned; "what changed" sets that mark beside the model as it is now.
import { bySize, type Contribution } from './explain';
import type { Learner } from './learner';
import type { Metrics } from './metrics';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** A mark a day, the last eight kept: the newest one at least a week old is then between 7 and 8 days old. */
export const MARKS_KEPT = 8;
/** Features of each head kept in a mark, the largest effects; a mark is then some 15 kB. */
export const FEATURES_PER_MARK = 100;
/**
 * A mark reads the effects of the features seen on the most visits only: a forward pass each, and
 * of all 4,096 the dictionary can name, a day's mark would cost more than the day's learning.
 */
export const FEATURES_READ = 500;
/** The features that moved most, of each head. */
const MOVED_SHOWN = 8;

export interface WeekMark {
  /** The end of the visit after which it was made. */
  at: number;
  visitsLearned: number;
  /** The progressive figures then (recent predictions, scored before each visit was learned). */
  metrics: Metrics;
  /** The largest effects alone then, on engagement (a chance) and active time (seconds). */
  engaged: Contribution[];
  activeTime: Contribution[];
}

/** A feature whose effect alone moved: its effect then (null: not among the largest then) and now. */
export interface MovedFeature {
  feature: string;
  then: number | null;
  now: number;
}

export interface WeekChange {
  /** The mark compared with: when it was made and how many visits had been learned then. */
  since: number;
  visitsThen: number;
  visitsNow: number;
  quality: { then: Metrics; now: Metrics };
  moved: { engaged: MovedFeature[]; activeTime: MovedFeature[] };
}

/** The marks after a visit ending at `at` has been learned: a new one when a day has passed since the last. */
export function afterVisit(marks: readonly WeekMark[], learner: Learner, at: number): readonly WeekMark[] {
  const last = marks.at(-1);
  if (last !== undefined && at < last.at + DAY_MS) return marks;
  return [...marks, markOf(learner, at)].slice(-MARKS_KEPT);
}

export function markOf(learner: Learner, at: number): WeekMark {
  const { engaged, activeTime } = learner.effectsAlone(FEATURES_READ);
  return {
    at,
    visitsLearned: learner.visitsLearned,
    metrics: structuredClone(learner.metrics),
    engaged: bySize(engaged).slice(0, FEATURES_PER_MARK),
    activeTime: bySize(activeTime).slice(0, FEATURES_PER_MARK),
  };
}

/**
 * The model now beside the newest mark made at least a week before `lastVisit` (the end of the last
 * visit learned; none yet: undefined). The features that moved most are those among the largest
 * then or now (of every feature now), by how far their effect alone moved; one not among the
 * largest then counts from 0.
 */
export function weekChange(marks: readonly WeekMark[], learner: Learner, lastVisit: number): WeekChange | undefined {
  const then = marks.filter((mark) => mark.at <= lastVisit - WEEK_MS).at(-1);
  if (!then) return undefined;
  const effects = learner.effectsAlone();
  return {
    since: then.at,
    visitsThen: then.visitsLearned,
    visitsNow: learner.visitsLearned,
    quality: { then: then.metrics, now: learner.metrics },
    moved: { engaged: moved(then.engaged, effects.engaged), activeTime: moved(then.activeTime, effects.activeTime) },
  };
}

function moved(then: Contribution[], now: Contribution[]): MovedFeature[] {
  const before = new Map(then.map((c) => [c.feature, c.effect]));
  const current = new Map(now.map((c) => [c.feature, c.effect]));
  const candidates = new Set([...before.keys(), ...bySize([...now]).slice(0, FEATURES_PER_MARK).map((c) => c.feature)]);
  const found: MovedFeature[] = [];
  for (const feature of candidates) {
    const effectNow = current.get(feature);
    if (effectNow === undefined) continue; // no longer known (forgotten by the dictionary, or held back now)
    found.push({ feature, then: before.get(feature) ?? null, now: effectNow });
  }
  const shift = (f: MovedFeature) => Math.abs(f.now - (f.then ?? 0));
  return found.sort((a, b) => shift(b) - shift(a) || a.feature.localeCompare(b.feature)).slice(0, MOVED_SHOWN);
}
