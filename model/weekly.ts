// What changed this week. Once a day of the visits' own time (never the clock, so that learning the
// same visits again makes the same marks), the learner leaves a mark: the features it leant on most
// and how well it predicted then. The last eight marks are kept, so that one of them is about a week
// before the last visit learned; "what changed" sets that mark beside the model as it is now.
import type { Contribution } from './explain';
import type { Learner } from './learner';
import type { Metrics } from './metrics';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** A mark a day, the last eight kept: the newest one at least a week old is then between 7 and 8 days old. */
export const MARKS_KEPT = 8;
/**
 * A mark holds the effects of the features seen on the most visits only: a forward pass each (of
 * all 4,096 the dictionary can name, a day's mark would cost more than the day's learning), and
 * some 14 kB a mark.
 */
export const FEATURES_READ = 300;
/** The features that moved most, of each head. */
const MOVED_SHOWN = 8;

export interface WeekMark {
  /** The end of the visit after which it was made. */
  at: number;
  visitsLearned: number;
  /** The progressive figures then (recent predictions, scored before each visit was learned). */
  metrics: Metrics;
  /** The features seen most then, and each one's effect alone on engagement (a chance) and active time (seconds), in that order. */
  features: string[];
  engaged: number[];
  activeTime: number[];
}

/** A feature whose effect alone moved: its effect then and now. */
export interface MovedFeature {
  feature: string;
  then: number;
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
  const { engaged, activeTime } = learner.effectsAlone(FEATURES_READ); // one entry per feature, in the same order
  return {
    at,
    visitsLearned: learner.visitsLearned,
    metrics: structuredClone(learner.metrics),
    features: engaged.map((c) => c.feature),
    engaged: engaged.map((c) => rounded(c.effect)),
    activeTime: activeTime.map((c) => rounded(c.effect)),
  };
}

/** Five significant digits are more than a person reads, and keep a mark small. */
function rounded(effect: number): number {
  return Number(effect.toPrecision(5));
}

/**
 * The model now beside the newest mark made at least a week before `lastVisit` (the end of the last
 * visit learned; none yet: undefined). The features that moved most are, of those the mark holds
 * (the features seen most then) and the model still knows, those whose effect alone moved furthest.
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
    moved: { engaged: moved(then.features, then.engaged, effects.engaged), activeTime: moved(then.features, then.activeTime, effects.activeTime) },
  };
}

function moved(features: string[], then: number[], now: Contribution[]): MovedFeature[] {
  const current = new Map(now.map((c) => [c.feature, c.effect]));
  const found: MovedFeature[] = [];
  features.forEach((feature, i) => {
    const effectNow = current.get(feature);
    if (effectNow !== undefined) found.push({ feature, then: then[i], now: effectNow }); // else forgotten by the dictionary since
  });
  const shift = (f: MovedFeature) => Math.abs(f.now - f.then);
  return found.sort((a, b) => shift(b) - shift(a) || a.feature.localeCompare(b.feature)).slice(0, MOVED_SHOWN);
}
