// The comparison of float32 and compact model files: sizes, held-out figures of both, and the
// same figures as a learner that was never written to a file.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { compareCompact } from '../../tools/compact-compare';
import { syntheticVisits } from '../model/helpers';

describe('compact comparison', () => {
  const visits = syntheticVisits(1000, 5);
  const result = compareCompact(() => visits, { settings: { size: 'small' }, heldOutShare: 0.25, predicted: 100 });

  it('learns the first part and holds out the rest', () => {
    expect(result.visitsLearned).toBe(750);
    expect(result.heldOut).toBe(250);
    expect(result.predictions.pages).toBe(100);
    expect(result.heldOutFigures.float32.visits).toBe(250);
  });

  it('gives the float32 file the figures of a learner never written to a file', () => {
    const learner = Learner.create({ size: 'small' });
    for (const visit of visits.slice(0, 750)) learner.observe(visit);
    const before = learner.metrics.next;
    const top3Before = before.top3 * before.transitions;
    for (const visit of visits.slice(750)) learner.observe(visit);
    const after = learner.metrics.next;
    const { next } = result.heldOutFigures.float32;
    expect(next.transitions).toBe(after.transitions - before.transitions);
    expect(next.top3 * next.transitions).toBeCloseTo(after.top3 * after.transitions - top3Before, 6);
  });

  it('measures a compact file of about a quarter of the size that predicts nearly the same', () => {
    expect(result.bytes.ratio).toBeLessThan(0.3);
    expect(result.bytes.compact).toBeLessThan(result.bytes.float32);
    expect(result.predictions.engaged.maxChange).toBeGreaterThan(0); // 8 bits are not float32
    expect(result.predictions.engaged.maxChange).toBeLessThan(0.02);
    expect(Math.abs(result.heldOutFigures.aucChange)).toBeLessThan(0.01);
    expect(result.heldOutFigures.aucChange).toBe(result.heldOutFigures.compact.engagement.auc - result.heldOutFigures.float32.engagement.auc);
  });
});
