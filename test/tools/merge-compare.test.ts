// The merge comparison: visits split by day between two browsers, the held-out days scored by
// every model, and the model that learned both logs as a learner that never was split.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { compareMerge } from '../../tools/merge-compare';
import { syntheticVisits } from '../model/helpers';

describe('merge comparison', () => {
  const visits = syntheticVisits(900, 9);
  const days = (visits.at(-1)!.startedAt - visits[0].startedAt) / 86_400_000;
  const heldOutDays = Math.max(1, Math.floor(days / 4));
  const result = compareMerge(visits, { settings: { size: 'small' }, heldOutDays });

  it('splits the visits before the held-out days between two browsers by day', () => {
    const { laptop, phone, heldOut } = result.visits;
    expect(laptop).toBeGreaterThan(0);
    expect(phone).toBeGreaterThan(0);
    expect(laptop + phone + heldOut).toBe(900);
    expect(result.merged.visitsLearned).toBe(laptop + phone);
    expect(result.bothLogs.visitsLearned).toBe(laptop + phone);
    expect(result.laptopOnly.visitsLearned).toBe(laptop);
  });

  it('splits them by site when asked: each site\'s visits in one browser only', () => {
    const bySite = compareMerge(visits, { settings: { size: 'small' }, heldOutDays, split: 'site' });
    expect(bySite.visits.laptop + bySite.visits.phone).toBe(result.visits.laptop + result.visits.phone);
    expect(bySite.visits.laptop).not.toBe(result.visits.laptop);
    expect(bySite.bothLogs).toEqual(result.bothLogs); // the same visits, learned together
  });

  it('scores the model of both logs as a learner that learned every visit in order', () => {
    const learner = Learner.create({ size: 'small' });
    const before = visits.length - result.visits.heldOut;
    for (const visit of visits.slice(0, before)) learner.observe(visit);
    const start = learner.metrics.next;
    for (const visit of visits.slice(before)) learner.observe(visit);
    const end = learner.metrics.next;
    const transitions = end.transitions - start.transitions;
    expect(result.bothLogs.top3).toBeCloseTo((end.top3 * end.transitions - start.top3 * start.transitions) / transitions, 6);
    for (const figures of [result.laptopOnly, result.merged, result.mergedOtherSeed]) {
      expect(figures.auc).toBeGreaterThan(0.5);
      expect(figures.top3).toBeGreaterThan(0);
    }
  });
});
