// What changed this week: a mark a day of the visits' time, the last eight kept, the same marks
// whenever the same visits are learned; and the model now set beside the mark of a week before.
import { describe, expect, it } from 'vitest';
import { afterVisit, Learner, weekChange, type WeekMark } from '../../model/index';
import { FEATURES_READ, MARKS_KEPT, WEEK_MS } from '../../model/weekly';
import { syntheticVisits } from './helpers';

const DAY = 86_400_000;
const VISITS = syntheticVisits(1500, 11);

function learn(visits = VISITS): { learner: Learner; marks: readonly WeekMark[]; all: WeekMark[] } {
  const learner = Learner.create();
  let marks: readonly WeekMark[] = [];
  const all: WeekMark[] = [];
  for (const visit of visits) {
    learner.observe(visit);
    const next = afterVisit(marks, learner, visit.endedAt);
    if (next !== marks) all.push(next.at(-1)!);
    marks = next;
  }
  return { learner, marks, all };
}

describe('the daily marks', () => {
  const { learner, marks, all } = learn();

  it('are made a day of visit time apart, the last eight kept', () => {
    const days = (VISITS.at(-1)!.endedAt - VISITS[0].endedAt) / DAY;
    expect(days).toBeGreaterThan(12);
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(Math.ceil(days) + 1);
    for (let i = 1; i < all.length; i++) expect(all[i].at - all[i - 1].at).toBeGreaterThanOrEqual(DAY);
    expect(marks).toEqual(all.slice(-MARKS_KEPT));
    // Each holds the effects then of the features seen most, and the figures then.
    const first = all[0];
    expect(first.at).toBe(VISITS[0].endedAt);
    expect(first.visitsLearned).toBe(1);
    const last = marks.at(-1)!;
    expect(last.features.length).toBeLessThanOrEqual(FEATURES_READ);
    expect(last.features.length).toBeGreaterThan(5);
    expect(last.engaged).toHaveLength(last.features.length);
    expect(last.activeTime).toHaveLength(last.features.length);
    expect(learner.visitsLearned).toBe(VISITS.length);
  });

  it('are the same when the same visits are learned again, whatever the clock says', () => {
    expect(JSON.stringify(learn().marks)).toBe(JSON.stringify(marks));
  });
});

describe('what changed this week', () => {
  it('is nothing before a week of visits', () => {
    const firstDays = VISITS.filter((visit) => visit.endedAt < VISITS[0].endedAt + 6 * DAY);
    const { learner, marks } = learn(firstDays);
    expect(weekChange(marks, learner, firstDays.at(-1)!.endedAt)).toBeUndefined();
  });

  it('sets the newest mark of a week before the last visit beside the model now', () => {
    const { learner, marks } = learn();
    const lastVisit = VISITS.at(-1)!.endedAt;
    const change = weekChange(marks, learner, lastVisit)!;
    const then = marks.filter((mark) => mark.at <= lastVisit - WEEK_MS).at(-1)!;
    expect(change.since).toBe(then.at);
    expect(lastVisit - change.since).toBeGreaterThanOrEqual(WEEK_MS);
    expect(lastVisit - change.since).toBeLessThan(WEEK_MS + 2 * DAY);
    expect(change.visitsThen).toBe(then.visitsLearned);
    expect(change.visitsNow).toBe(VISITS.length);
    expect(change.quality).toEqual({ then: then.metrics, now: learner.metrics });
    // Each feature's effect then is the mark's, now the model's; the largest moves first.
    const now = new Map(learner.effectsAlone().engaged.map((c) => [c.feature, c.effect]));
    const before = new Map(then.features.map((feature, i) => [feature, then.engaged[i]]));
    expect(change.moved.engaged.length).toBeGreaterThan(0);
    for (const moved of change.moved.engaged) {
      expect(moved.now).toBe(now.get(moved.feature));
      expect(moved.then).toBe(before.get(moved.feature));
    }
    const shifts = change.moved.engaged.map((m) => Math.abs(m.now - m.then));
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
    // No feature known then and now moved more than the last one listed.
    const least = shifts.at(-1)!;
    for (const [feature, effect] of before) {
      if (now.has(feature) && !change.moved.engaged.some((m) => m.feature === feature)) expect(Math.abs(now.get(feature)! - effect)).toBeLessThanOrEqual(least);
    }
  });
});
