// The replay's comparison on a log small enough to score by hand: the constant guess, the site's
// running figures, the next-site guesses and the oracle, each predicting as the page opens; the
// learner's predictions are Learner.predict before it observes; the learning curve's verdicts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import type { Visit } from '../../model/visit';
import { Comparison, type ComparisonReport } from '../../tools/report/comparison';
import { learningCurve } from '../../tools/report/curve';
import { Scoreboard } from '../../tools/report/scoreboard';
import { makeVisit } from '../model/helpers';

const HOUR = 3_600_000;
/** Three sessions two hours apart: a b a, a b c, a b; engaged on a, except the first a of the second session, and on b there. */
const PLAN: [string, boolean][][] = [
  [['a.example', true], ['b.example', false], ['a.example', true]],
  [['a.example', false], ['b.example', true], ['c.example', false]],
  [['a.example', true], ['b.example', false]],
];
const VISITS: Visit[] = PLAN.flatMap((session, s) => {
  let at = Date.UTC(2025, 0, 6, 9) + s * 2 * HOUR;
  return session.map(([host, engaged]) => {
    const activeMs = engaged ? 60_000 : 2_000;
    const visit = makeVisit({ host, url: `https://${host}/`, path: '/', activeMs, startedAt: at, endedAt: at + activeMs });
    at += activeMs + 10_000;
    return visit;
  });
});
const LABELS = [1, 0, 1, 0, 1, 0, 1, 0];
const TRUTH = Float64Array.of(0.9, 0.2, 0.8, 0.3, 0.7, 0.1, 0.6, 0.4);

function compared(last = 2000): { comparison: Comparison; report: ComparisonReport } {
  const comparison = new Comparison(Learner.create().config, { truth: TRUTH, last, every: 4, window: 4 });
  const learner = Learner.create();
  for (const visit of VISITS) {
    comparison.beforeObserve(visit, learner);
    learner.observe(visit);
  }
  return { comparison, report: comparison.report() };
}

describe('replay comparison', () => {
  it('scores the constant guess and the site\'s running rate as each page opens', () => {
    const { comparison } = compared();
    const board = comparison.scores;
    expect(board.engagement.truths).toEqual(LABELS);
    // (engaged + 1) / (visits + 2) before each visit.
    expect(board.engagement.predictions.get('constant')).toEqual([1 / 2, 2 / 3, 1 / 2, 3 / 5, 1 / 2, 4 / 7, 1 / 2, 5 / 9]);
    // The site's engaged + 2 × the constant, over its visits + 2; a site not seen yet gets the constant.
    const site = board.engagement.predictions.get('site')!;
    expect(site.slice(0, 4)).toEqual([1 / 2, 2 / 3, (1 + 2 * (1 / 2)) / 3, (2 + 2 * (3 / 5)) / 4]);
    expect(site[5]).toBeCloseTo(4 / 7); // c.example, never seen
    expect(board.activeTime.truths).toEqual(LABELS.map((label) => (label ? 60 : 2)));
    expect(board.activeTime.predictions.get('constant')![0]).toBe(0);
    expect(board.activeTime.predictions.get('constant')![1]).toBeCloseTo(60);
  });

  it('scores next sites guessed at the previous page: the most visited, and what followed that site', () => {
    const { report } = compared();
    // Moves: a→b, b→a | a→b, b→c | a→b. The followers of a are known from the second session on.
    expect(report.whole.next.transitions).toBe(5);
    expect(report.whole.next.site).toEqual({ top1: 3 / 5, top3: 3 / 5 });
    expect(report.whole.next.constant).toEqual({ top1: 1 / 5, top3: 3 / 5 });
  });

  it('gives the oracle\'s figures from the truth, and the figures of the last visits only', () => {
    const { report } = compared(3);
    const positives = [0.9, 0.8, 0.7, 0.6];
    const negatives = [0.2, 0.3, 0.1, 0.4];
    const logLoss = (-positives.reduce((s, p) => s + Math.log(p), 0) - negatives.reduce((s, p) => s + Math.log(1 - p), 0)) / 8;
    expect(report.whole.engagement.oracle!.auc).toBe(1);
    expect(report.whole.engagement.oracle!.logLoss).toBeCloseTo(logLoss, 10);
    expect(report.whole.engagement.oracle!.calibration).toBeCloseTo(4 / 4);
    expect(report.whole.engagement.baseRate).toBe(0.5);
    expect(report.last).toMatchObject({ from: 5, to: 8, visits: 3, engagement: { examples: 3 }, next: { transitions: 2 } });
  });

  it('takes the learner\'s predictions as the page opens, before it learns the visit', () => {
    const { comparison } = compared();
    const learner = Learner.create();
    const expected = VISITS.map((visit) => {
      const prediction = learner.predict(visit, visit.startedAt);
      learner.observe(visit);
      return prediction.engaged;
    });
    expect(comparison.scores.engagement.predictions.get('learner')).toEqual(expected);
  });

  it('refuses a truth that does not match the log', () => {
    const comparison = new Comparison(Learner.create().config, { truth: TRUTH.subarray(0, 7) });
    const learner = Learner.create();
    for (const visit of VISITS) comparison.beforeObserve(visit, learner);
    expect(() => comparison.report()).toThrow('the truth file has 7 values for 8 visits');
  });
});

describe('learning curve', () => {
  it('tells from which point on the learner is better for good, or never', () => {
    const board = new Scoreboard();
    const learnerErrors = [9, 9, 9, 9, 1, 1, 1, 1, 1, 1, 1, 1];
    learnerErrors.forEach((error, visit) => board.activeTime.add(visit, 10, { learner: 10 + error, constant: 15, site: visit < 8 ? 11 : 10.5 }));
    const curve = learningCurve(board, 12, 4, 4);
    expect(curve.visits).toEqual([4, 8, 12]);
    expect(curve.series.activeTimeMae.learner).toEqual([9, 1, 1]);
    expect(curve.learnerBeatsFrom.activeTimeMae).toEqual({ constant: 8, site: null });
    expect(curve.series.engagementAuc).toEqual({});
  });
});

describe('replay command with a truth file', () => {
  it('prints the comparison on stderr and adds it to the JSON line', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tabula-report-'));
    const log = path.join(folder, 'tiny.jsonl');
    writeFileSync(log, `${VISITS.map((visit) => JSON.stringify(visit)).join('\n')}\n`);
    writeFileSync(path.join(folder, 'tiny.truth.jsonl'), `${[...TRUTH].join('\n')}\n`);
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout, stderr, status } = spawnSync(process.execPath, ['--import', 'tsx', 'tools/replay.ts', log, '--truth', path.join(folder, 'tiny.truth.jsonl'), '--last', '4'], {
      cwd: repo, encoding: 'utf8',
    });
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(Object.keys(result.metrics)).toEqual(['visits', 'engagement', 'activeTime', 'next']);
    expect(result.report.last).toMatchObject({ from: 4, to: 8, visits: 4 });
    expect(result.report.whole.engagement.oracle.auc).toBe(1);
    expect(stderr).toMatch(/oracle \(the known chance\)\s+1\.0000/);
    expect(stderr).toMatch(/Last 4 visits \(5 to 8\)/);
  });
});
