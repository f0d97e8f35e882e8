// What the benchmark learns from: its visit stream is fixed by its seed, plausible and
// learnable, with labels the learner reads back as drawn; the peers' tokens are the very inputs
// and next-site steps of the shipped learner; and every peer, on a small net, learns.
import { describe, expect, it } from 'vitest';
import { engagementLabel } from '../../model/labels';
import { Learner } from '../../model/learner';
import { learnerConfig } from '../../model/learner-config';
import { labelsOf } from '../../tools/bench/measure';
import type { Implementation, Workload } from '../../tools/bench/online-learner';
import { brainPeer } from '../../tools/bench/peers/brain-peer';
import { convnetjsPeer } from '../../tools/bench/peers/convnetjs-peer';
import { tfjsPeer } from '../../tools/bench/peers/tfjs-peer';
import { areaUnderCurve, constantLogLoss, meanLogLoss } from '../../tools/bench/scores';
import { sparseMlpReference, tabulaLearner } from '../../tools/bench/tabula-learner';
import { encodeVisits } from '../../tools/bench/token-stream';
import { benchVisits } from '../../tools/bench/visit-stream';

describe('the visit stream', () => {
  const visits = benchVisits(6000, 1);
  const labels = visits.map(engagementLabel);

  it('is the same for a seed and another for another seed', () => {
    expect(benchVisits(300, 1)).toEqual(visits.slice(0, 300));
    expect(benchVisits(300, 2).map((visit) => visit.host)).not.toEqual(visits.slice(0, 300).map((visit) => visit.host));
  });

  it('labels each visit as drawn: engaged ones active 30 s or more, the others under 10 s', () => {
    for (const visit of visits) {
      expect(visit.activeMs < 10_000 || visit.activeMs >= 30_000).toBe(true);
      expect(engagementLabel(visit)).toBe(visit.activeMs >= 30_000 ? 1 : 0);
    }
  });

  it('gives a page with running text 6 to 12 distinct content keywords, as the extension keeps, and a search, home page or form none', () => {
    for (const visit of visits) {
      const keywords = visit.keywords ?? [];
      if (visit.kind === 'search' || visit.kind === 'home' || visit.kind === 'form') expect(keywords).toEqual([]);
      else {
        expect(keywords.length).toBeGreaterThanOrEqual(6);
        expect(keywords.length).toBeLessThanOrEqual(12);
        expect(new Set(keywords).size).toBe(keywords.length);
      }
    }
    // The keywords are of the page's topic: a site's pages share most of theirs.
    const first = visits.find((visit) => (visit.keywords ?? []).length > 0)!;
    const ofSite = visits.filter((visit) => visit.host === first.host && (visit.keywords ?? []).length > 0);
    expect(ofSite.length).toBeGreaterThan(10);
    expect(new Set(ofSite.flatMap((visit) => visit.keywords)).size).toBeLessThanOrEqual(20);
  });

  it('looks like a person browsing: visits in time order, dozens a day, sessions, most sites seen', () => {
    const days = (visits[visits.length - 1].startedAt - visits[0].startedAt) / 86_400_000;
    expect(visits.length / days).toBeGreaterThan(30);
    expect(visits.length / days).toBeLessThan(120);
    visits.slice(1).forEach((visit, i) => expect(visit.startedAt).toBeGreaterThan(visits[i].endedAt));
    const sessions = visits.filter((visit, i) => i === 0 || visit.startedAt - visits[i - 1].endedAt > 30 * 60_000).length;
    expect(visits.length / sessions).toBeGreaterThan(3);
    expect(visits.length / sessions).toBeLessThan(15);
    expect(new Set(visits.map((visit) => visit.host)).size).toBeGreaterThan(70);
  });

  it('is learnable and noisy: its own probabilities beat the constant, far from certainty', () => {
    const oracle = visits.map((visit) => visit.engagedProbability);
    const rate = labels.reduce<number>((sum, label) => sum + label!, 0) / labels.length;
    expect(rate).toBeGreaterThan(0.35);
    expect(rate).toBeLessThan(0.7);
    expect(meanLogLoss(oracle, labels)).toBeLessThan(constantLogLoss(labels) - 0.1);
    expect(areaUnderCurve(oracle, labels)).toBeGreaterThan(0.75);
    expect(areaUnderCurve(oracle, labels)).toBeLessThan(0.9);
  });

  it('has habits a linear model cannot express alone: video engages in the evening, not in the morning', () => {
    const engagedRate = (keep: (hour: number) => boolean): number => {
      const chosen = visits.filter((visit) => visit.kind === 'video' && keep(new Date(visit.startedAt).getHours()));
      return chosen.filter((visit) => engagementLabel(visit) === 1).length / chosen.length;
    };
    expect(engagedRate((hour) => hour >= 19)).toBeGreaterThan(engagedRate((hour) => hour < 12) + 0.2);
  });
});

describe('the peers\' tokens', () => {
  it('are the inputs and next-site steps of the shipped learner, visit by visit', () => {
    const config = learnerConfig({ size: 'small', buckets: 2048, vocabSize: 16, seed: 3 });
    const visits = benchVisits(400, 3);
    const tokens = encodeVisits(visits, [], config);
    const learner = Learner.create(config);
    visits.forEach((visit, i) => {
      const transitionsBefore = learner.metrics.next.transitions;
      learner.observe(visit);
      const { context } = learner.snapshot();
      const encoded = tokens.train[i];
      expect(Array.from(encoded.rows)).toEqual(context.buckets);
      expect(Array.from(encoded.signs)).toEqual(context.signs);
      expect(encoded.previous !== null).toBe(learner.metrics.next.transitions > transitionsBefore);
      if (encoded.previous !== null) expect(encoded.previous).toBe(tokens.train[i - 1]);
      expect(encoded.nextSlot).toBe(learner.vocabulary.slotOf(visit.host));
      expect(encoded.engaged).toBe(engagementLabel(visit));
    });
    expect(learner.sites).toBe(16); // the vocabulary filled, and slots were given to new sites
  });
});

describe('every implementation, on a small net', () => {
  const config = learnerConfig({ size: 'small', buckets: 512, embeddingDim: 8, vocabSize: 16, seed: 1 });
  const visits = benchVisits(900, 4);
  const [train, heldOut] = [visits.slice(0, 800), visits.slice(800)];
  const workload: Workload = { config, train, heldOut, tokens: encodeVisits(train, heldOut, config) };
  const labels = labelsOf(workload);
  // TF.js takes milliseconds a visit whatever the size: it learns fewer visits, to keep the test short.
  const implementations: Implementation[] = [
    convnetjsPeer(0.05),
    brainPeer({ learningRate: 0.3, momentum: 0.5 }),
    tfjsPeer('wasm', 0.05, 300),
    tfjsPeer('cpu', 0.05, 300),
    sparseMlpReference(0.02),
  ];

  it.each(implementations.map((implementation) => [implementation.name, implementation] as const))(
    '%s learns the shipped net\'s task: its held-out predictions beat the constant\'s',
    async (_name, implementation) => {
      const learner = await implementation.create(1, workload);
      for (let i = 0; i < (implementation.trainSteps ?? train.length); i++) learner.learn(i);
      const predicted = Float64Array.from(heldOut, (_, i) => learner.predict(i));
      learner.dispose?.();
      expect(meanLogLoss(predicted, labels.heldOut)).toBeLessThan(constantLogLoss(labels.heldOut));
      expect(areaUnderCurve(predicted, labels.heldOut)).toBeGreaterThan(0.6);
    },
  );

  it('Tabula\'s row is Learner.observe: its progressive predictions are those the learner scores itself', async () => {
    const learner = await tabulaLearner('small').create(1, workload);
    const progressive = Float64Array.from(train, (_, i) => learner.learn(i));
    const reference = Learner.create({ size: 'small', seed: 1 });
    for (const visit of train) reference.observe(visit);
    expect(meanLogLoss(progressive, labels.train)).toBeCloseTo(reference.metrics.engagement.logLoss, 12);
    expect(learner.predict(0)).toBe(reference.predict(heldOut[0], heldOut[0].startedAt).engaged);
  });
});
