// The site map: sites the model expects in the same moments sit together, the axes are the rows'
// two main directions, and a model with too few sites or names shows no map.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { Rng } from '../../model/rng';
import { MAP_SITES } from '../../model/site-map';
import type { Visit } from '../../model/visit';
import { makeVisit } from './helpers';

/**
 * Two routines a day: mornings mail, then one of two news sites at random, then docs; evenings
 * video, then one of two shops at random, then a forum. Each news site is expected exactly where
 * the other is, and so is each shop.
 */
function twoRoutines(days: number): Visit[] {
  const rng = new Rng(7);
  const routines = [
    [8, ['mail.test', ['news1.test', 'news2.test'], 'docs.test']],
    [20, ['video.test', ['shop1.test', 'shop2.test'], 'forum.test']],
  ] as const;
  const visits: Visit[] = [];
  for (let day = 0; day < days; day++) {
    for (const [hour, steps] of routines) {
      let at = Date.UTC(2024, 0, 1 + day, hour);
      for (let round = 0; round < 3; round++) {
        for (const step of steps) {
          const host = typeof step === 'string' ? step : step[rng.int(step.length)];
          visits.push(makeVisit({ url: `https://${host}/`, host, path: '/', title: '', description: '', activeMs: 20_000, startedAt: at, endedAt: at + 30_000 }));
          at += 60_000;
        }
      }
    }
  }
  return visits;
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('site map', () => {
  it('puts sites expected in the same moments together, and the two routines on either side', () => {
    const learner = Learner.create();
    for (const visit of twoRoutines(20)) learner.observe(visit);
    const { points, shown } = learner.insights().siteMap;
    expect(points).toHaveLength(8);
    const at = (host: string) => points.find((p) => p.host === host)!;
    const nearest = (host: string) => points.filter((p) => p.host !== host).sort((a, b) => distance(a, at(host)) - distance(b, at(host)))[0].host;
    expect(nearest('news1.test')).toBe('news2.test');
    expect(nearest('news2.test')).toBe('news1.test');
    expect(nearest('shop1.test')).toBe('shop2.test');
    expect(nearest('shop2.test')).toBe('shop1.test');
    // The first axis, the rows' largest difference, is morning against evening.
    const side = (host: string) => Math.sign(at(host).x);
    const morning = ['mail.test', 'news1.test', 'news2.test', 'docs.test'].map(side);
    const evening = ['video.test', 'shop1.test', 'shop2.test', 'forum.test'].map(side);
    expect(new Set(morning).size).toBe(1);
    expect(evening.every((s) => s === -morning[0])).toBe(true);
    expect(shown).toBeGreaterThan(0.5);
    expect(shown).toBeLessThanOrEqual(1);
  });

  it('scales each axis to -1..1 and turns it so that the most visited site is on its positive side', () => {
    const learner = Learner.create();
    for (const visit of twoRoutines(10)) learner.observe(visit);
    const { points } = learner.insights().siteMap;
    expect(points[0].visits).toBeGreaterThanOrEqual(Math.max(...points.map((p) => p.visits)));
    expect(points[0].x).toBeGreaterThanOrEqual(0);
    expect(points[0].y).toBeGreaterThanOrEqual(0);
    for (const axis of ['x', 'y'] as const) {
      const values = points.map((p) => p[axis]);
      expect(Math.max(...values.map(Math.abs))).toBeCloseTo(1, 10);
    }
  });

  it('places at most the most visited sites, and none before three are known', () => {
    const learner = Learner.create();
    const at = Date.UTC(2024, 0, 1, 9);
    learner.observe(makeVisit({ host: 'a.test', startedAt: at }));
    learner.observe(makeVisit({ host: 'b.test', startedAt: at + 60_000 }));
    expect(learner.insights().siteMap).toEqual({ points: [], shown: 0 });
    for (let i = 0; i < MAP_SITES + 10; i++) {
      for (let repeat = 0; repeat <= i % 3; repeat++) learner.observe(makeVisit({ host: `site${i}.test`, startedAt: at + (i * 3 + repeat + 2) * 60_000 }));
    }
    const { points } = learner.insights().siteMap;
    expect(points).toHaveLength(MAP_SITES);
    expect(points.map((p) => p.visits)).toEqual([...points.map((p) => p.visits)].sort((a, b) => b - a));
  });
});
