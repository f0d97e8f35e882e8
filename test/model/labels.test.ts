// The engagement and active-time labels.
import { describe, expect, it } from 'vitest';
import { activeTimeTarget, engagementLabel, secondsOfTarget } from '../../model/labels';
import { makeVisit } from './helpers';

describe('engagementLabel', () => {
  it.each([
    ['30 s active', { activeMs: 30_000 }, 1],
    ['29 s active and nothing else', { activeMs: 29_000 }, 0],
    ['10 s active and half the page read', { activeMs: 10_000, scrollDepth: 0.5 }, 1],
    ['10 s active and two clicks', { activeMs: 10_000, clicks: 1, keys: 1 }, 1],
    ['10 s active and a selection only', { activeMs: 10_000, selections: 1 }, 0],
    ['9 s active with much scrolling', { activeMs: 9_000, scrollDepth: 1, clicks: 5 }, 0],
    ['30 s of media', { mediaMs: 30_000 }, 1],
    ['a glance', { activeMs: 2_000, scrollDepth: 0.1 }, 0],
  ])('%s', (_, interaction, expected) => {
    expect(engagementLabel(makeVisit(interaction))).toBe(expected);
  });

  it('lets a correction decide', () => {
    expect(engagementLabel(makeVisit({ activeMs: 100_000, feedback: 'not-interested' }))).toBe(0);
    expect(engagementLabel(makeVisit({ activeMs: 0, feedback: 'useful' }))).toBe(1);
    expect(engagementLabel(makeVisit({ source: 'history', feedback: 'useful' }))).toBe(1);
  });

  it('has no label for pages without interaction known', () => {
    expect(engagementLabel(makeVisit({ source: 'history', activeMs: 100_000 }))).toBeNull();
    expect(activeTimeTarget(makeVisit({ source: 'history', activeMs: 100_000 }))).toBeNull();
  });
});

describe('activeTimeTarget', () => {
  it('is log(1 + seconds), and turns back into seconds', () => {
    expect(activeTimeTarget(makeVisit({ activeMs: 0 }))).toBe(0);
    expect(activeTimeTarget(makeVisit({ activeMs: 9_000 }))).toBeCloseTo(Math.log(10), 12);
    expect(secondsOfTarget(activeTimeTarget(makeVisit({ activeMs: 125_000 }))!)).toBeCloseTo(125, 9);
    expect(secondsOfTarget(-3)).toBe(0);
  });
});
