// The learner end to end: it learns each head better than a constant, deterministically,
// with the session context, corrections, explanations and insights behaving as documented.
import { describe, expect, it } from 'vitest';
import { engagementLabel } from '../../model/labels';
import { Learner } from '../../model/learner';
import { bucketOf, murmur3 } from '../../model/hash';
import { logLossOfProbability } from '../../model/losses';
import { decodeModelFile, encodeModelFile } from '../../model/serialize';
import { expectSameSnapshot, makeVisit, syntheticVisits } from './helpers';

const VISITS = syntheticVisits(3000, 5);

function trained(visits = VISITS, settings = {}): Learner {
  const learner = Learner.create(settings);
  for (const visit of visits) learner.observe(visit);
  return learner;
}

describe('Learner', () => {
  const learner = trained();

  it('beats constant predictors on every head, scored before learning each visit', () => {
    const { engagement, activeTime, next, visits } = learner.metrics;
    expect(visits).toBe(3000);
    expect(engagement.logLoss).toBeLessThan(0.85 * engagement.baselineLogLoss);
    expect(engagement.auc).toBeGreaterThan(0.75);
    expect(engagement.accuracy).toBeGreaterThan(0.7);
    expect(activeTime.mae).toBeLessThan(0.9 * activeTime.baselineMae);
    expect(next.transitions).toBeGreaterThan(2000);
    expect(next.top1).toBeGreaterThan(0.6);
    expect(next.top3).toBeGreaterThan(next.baselineTop3);
  });

  it('improves as it learns (later points of the history are better than the first)', () => {
    const history = learner.history;
    expect(history.length).toBeGreaterThan(10);
    const late = history.slice(-5);
    const averageTop1 = late.reduce((sum, point) => sum + point.next.top1, 0) / late.length;
    expect(averageTop1).toBeGreaterThan(history[0].next.top1);
    const lateLoss = late.reduce((sum, point) => sum + point.engagement.logLoss, 0) / late.length;
    const early = history.slice(0, 3);
    expect(lateLoss).toBeLessThan(early.reduce((sum, point) => sum + point.engagement.logLoss, 0) / early.length);
  });

  it('is deterministic for a seed', () => {
    const again = trained(VISITS.slice(0, 500), { seed: 3 });
    const same = trained(VISITS.slice(0, 500), { seed: 3 });
    const other = trained(VISITS.slice(0, 500), { seed: 4 });
    expectSameSnapshot(same.snapshot(), again.snapshot(), false);
    expect(other.snapshot().weights['embedding.weight']).not.toEqual(again.snapshot().weights['embedding.weight']);
  });

  it('predicts without changing anything', () => {
    const before = learner.snapshot();
    const unchanged = (): void => expectSameSnapshot(learner.snapshot(), before);
    const prediction = learner.predict(makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens' }), VISITS.at(-1)!.endedAt + 60_000);
    expect(prediction.engaged).toBeGreaterThan(0);
    expect(prediction.engaged).toBeLessThan(1);
    expect(prediction.activeSeconds).toBeGreaterThanOrEqual(0);
    expect(prediction.next.length).toBe(5);
    expect(prediction.next[0].probability).toBeGreaterThanOrEqual(prediction.next[1].probability);
    unchanged();
  });

  it('tells engaging sites from the others', () => {
    const at = Date.UTC(2024, 5, 1, 20);
    const blog = learner.predict(makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens', path: '/', kind: 'article' }), at);
    const video = learner.predict(makeVisit({ host: 'video.example.tv', title: 'Cats compilation', path: '/', kind: 'video' }), at);
    expect(blog.engaged).toBeGreaterThan(video.engaged + 0.3);
    expect(blog.activeSeconds).toBeGreaterThan(video.activeSeconds);
  });

  it('names the next site from where the session is', () => {
    const fresh = Learner.create();
    for (const visit of VISITS) fresh.observe(visit);
    const last = VISITS.at(-1)!;
    // Going on in the session: the habitual next site of the page.
    const prediction = fresh.predict(makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens', path: '/', kind: 'article' }), last.endedAt + 1000);
    expect(prediction.next[0].host).toBe('mail.example.com');
  });

  it('scores a transition only within a session', () => {
    const fresh = Learner.create();
    const start = Date.UTC(2024, 0, 1, 9);
    fresh.observe(makeVisit({ host: 'a.com', startedAt: start, endedAt: start + 1000 }));
    fresh.observe(makeVisit({ host: 'b.com', startedAt: start + 20 * 60_000, endedAt: start + 21 * 60_000 }));
    fresh.observe(makeVisit({ host: 'c.com', startedAt: start + 60 * 60_000, endedAt: start + 61 * 60_000 }));
    expect(fresh.metrics.next.transitions).toBe(1);
    expect(fresh.contextAt(start + 62 * 60_000)).toEqual({ prev1: 'c.com', prev2: '', prev3: '' });
    expect(fresh.contextAt(start + 200 * 60_000)).toEqual({ prev1: '', prev2: '', prev3: '' });
    expect(fresh.sites).toBe(3);
  });

  it('reads the four sites a page ends, its session keeping the third site back in a model file', () => {
    const fresh = Learner.create();
    const start = Date.UTC(2024, 0, 1, 9);
    ['a.com', 'b.com', 'c.com', 'd.com'].forEach((host, i) => fresh.observe(makeVisit({ host, startedAt: start + i * 60_000, endedAt: start + i * 60_000 + 30_000 })));
    const next = start + 5 * 60_000;
    expect(fresh.contextAt(next)).toEqual({ prev1: 'd.com', prev2: 'c.com', prev3: 'b.com' });
    expect(fresh.sessionSites).toEqual(['d.com', 'c.com', 'b.com']);
    expect(fresh.dictionary.all().map((entry) => entry.name)).toContain('d.com after c.com after b.com after a.com');
    const read = decodeModelFile(JSON.parse(JSON.stringify(encodeModelFile(fresh))));
    expect(read.contextAt(next)).toEqual(fresh.contextAt(next));
    const page = makeVisit({ host: 'e.com', startedAt: next });
    expect(read.predict(page, next)).toEqual(fresh.predict(page, next));
  });

  it('returns from observe the engagement prediction it scored, NaN for a visit without a label', () => {
    const fresh = Learner.create();
    let logLoss = 0;
    let labelled = 0;
    for (const visit of VISITS.slice(0, 400)) {
      const scored = fresh.observe(visit);
      const label = engagementLabel(visit)!;
      logLoss += logLossOfProbability(scored, label);
      labelled++;
    }
    expect(logLoss / labelled).toBeCloseTo(fresh.metrics.engagement.logLoss, 12);
    expect(fresh.observe({ ...VISITS[400], source: 'history' })).toBeNaN();
  });

  it('learns only the next site from visits without interaction', () => {
    const fresh = Learner.create();
    const engagedBefore = fresh.net.engaged.weight.value.slice();
    for (const visit of VISITS.slice(0, 300)) fresh.observe({ ...visit, source: 'history' });
    expect(fresh.net.engaged.weight.value).toEqual(engagedBefore);
    expect(fresh.metrics.engagement.logLoss).toBe(0);
    expect(fresh.metrics.next.transitions).toBeGreaterThan(200);
  });

  it('keeps at most vocabSize sites', () => {
    const fresh = Learner.create({ vocabSize: 4 });
    const start = Date.UTC(2024, 0, 1, 9);
    for (let i = 0; i < 20; i++) fresh.observe(makeVisit({ host: `site${i}.com`, startedAt: start + i * 60_000, endedAt: start + i * 60_000 }));
    expect(fresh.sites).toBe(4);
  });

  it('learns from a correction', () => {
    const fresh = trained(VISITS.slice(0, 1000));
    const page = makeVisit({ host: 'video.example.tv', title: 'Cats compilation', path: '/', kind: 'video' });
    const at = VISITS[999].endedAt + 60_000;
    const before = fresh.predict(page, at).engaged;
    for (let i = 0; i < 3; i++) fresh.learnFeedback({ ...page, startedAt: at }, 'useful');
    const after = fresh.predict(page, at).engaged;
    expect(after).toBeGreaterThan(before + 0.1);
    expect(fresh.metrics).toEqual(trained(VISITS.slice(0, 1000)).metrics); // corrections are not scored
  });

  it('explains a prediction by each feature\'s share of it, shares that add up to the prediction less the baseline', () => {
    const page = makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens', path: '/', kind: 'article' });
    const at = VISITS.at(-1)!.endedAt + 60_000;
    const why = learner.explain(page, at);
    expect(why.engaged.map((c) => c.feature)).toContain('site: blog.example.net');
    const predicted = learner.predict(page, at);
    const sum = (list: { effect: number }[]) => list.reduce((total, c) => total + c.effect, 0);
    expect(sum(why.engaged)).toBeCloseTo(predicted.engaged - why.baseline.engaged, 6);
    expect(sum(why.activeTime)).toBeCloseTo(predicted.activeSeconds - why.baseline.activeSeconds, 3);
    expect(sum(why.next)).toBeCloseTo(predicted.next[0].probability - why.baseline.next, 6);
    expect(learner.explain(page, at)).toEqual(why); // the same orders every time
    for (const list of [why.engaged, why.activeTime, why.next]) {
      for (let i = 1; i < list.length; i++) expect(Math.abs(list[i - 1].effect)).toBeGreaterThanOrEqual(Math.abs(list[i].effect));
    }
    // The effect of the site: the prediction with it, minus the prediction of the same page on an unknown site.
    const site = why.engaged.find((c) => c.feature === 'site: blog.example.net')!;
    expect(site.effect).toBeGreaterThan(0);
    // The next-site effects are about the site the model expects most.
    expect(why.nextSite).toBe(learner.predict(page, at).next[0].host);
  });

  it('gives a feature that adds nothing to any input no share at all, whatever the others do', () => {
    const page = makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens', path: '/', kind: 'article' });
    const at = VISITS.at(-1)!.endedAt + 60_000;
    const hour = `hour: ${String(new Date(at).getHours()).padStart(2, '0')}:00`;
    const { bucket } = learner.dictionary.all().find((entry) => entry.name === hour)!;
    // The hour's row of the embedding and of the wide path emptied: it changes no sum it joins.
    const snapshot = learner.snapshot();
    const dim = learner.config.embeddingDim;
    snapshot.weights['embedding.weight'].fill(0, bucket * dim, (bucket + 1) * dim);
    snapshot.weights['wide.weight'].fill(0, bucket * 2, bucket * 2 + 2);
    const why = Learner.restore(snapshot).explain(page, at);
    for (const list of [why.engaged, why.activeTime, why.next]) {
      expect(list.find((c) => c.feature === hour)?.effect, hour).toBe(0);
      expect(list.some((c) => c.effect !== 0)).toBe(true);
    }
  });

  it('states the baseline: what the net says with every feature of the page left out', () => {
    const at = VISITS.at(-1)!.endedAt + 60_000;
    const essay = learner.explain(makeVisit({ host: 'blog.example.net', title: 'A long essay on gardens', kind: 'article' }), at);
    const video = learner.explain(makeVisit({ host: 'video.example.tv', title: 'Cats compilation', kind: 'video' }), at + 3600_000);
    expect(video.baseline.engaged).toBe(essay.baseline.engaged); // no feature of either page is in it
    // Worked out by hand from the weights: the biases alone, through every layer.
    const { net } = learner;
    const relu = (values: ArrayLike<number>) => Array.from(values, (v) => Math.max(0, v));
    let h = relu(net.embedding.bias.value);
    for (const { dense } of net.layers) {
      h = relu(Array.from({ length: dense.outputs }, (_, o) => dense.bias.value[o] + h.reduce((sum, x, i) => sum + dense.weight.value[o * dense.inputs + i] * x, 0)));
    }
    const head = (dense: typeof net.engaged) => dense.bias.value[0] + h.reduce((sum, x, i) => sum + dense.weight.value[i] * x, 0);
    expect(essay.baseline.engaged).toBeCloseTo(1 / (1 + Math.exp(-head(net.engaged))), 5);
    expect(essay.baseline.activeSeconds).toBeCloseTo(Math.expm1(head(net.activeTime)), 3);
    expect(essay.baseline.next).toBeGreaterThan(0);
    expect(essay.baseline.next).toBeLessThan(1);
    // The insights' effects alone start from the same empty input.
    expect(learner.insights().baseline).toEqual({ engaged: essay.baseline.engaged, activeSeconds: essay.baseline.activeSeconds });
  });

  it('learns which site follows which in its table, and puts that down to the site in explanations and insights', () => {
    const fresh = Learner.create();
    const start = Date.UTC(2024, 0, 1, 9);
    const visit = (host: string, at: number) => makeVisit({ host, url: `https://${host}/`, path: '/', title: host, startedAt: at, endedAt: at + 30_000 });
    // Two habits, each session two hours after the last: the news then mail, a forum then docs.
    for (let i = 0; i < 40; i++) {
      const at = start + i * 7_200_000;
      const [first, then] = i % 2 === 0 ? ['news.example', 'mail.example'] : ['forum.example', 'docs.example'];
      fresh.observe(visit(first, at));
      fresh.observe(visit(then, at + 60_000));
    }
    const [news, mail] = ['news.example', 'mail.example'].map((host) => fresh.vocabulary.slotOf(host));
    const { transition } = fresh.net.next;
    expect(transition.value[news * transition.cols + mail]).toBeGreaterThan(0.5);
    const at = start + 100 * 7_200_000;
    const page = visit('news.example', at);
    expect(fresh.predict(page, at).next[0].host).toBe('mail.example');
    const why = fresh.explain(page, at);
    expect(why.nextSite).toBe('mail.example');
    const siteEffect = (learner: Learner) => learner.explain(page, at).next.find((c) => c.feature === 'site: news.example')!.effect;
    // Without its table, the same learner gives the site a smaller part in the next site's chance.
    const snapshot = fresh.snapshot();
    snapshot.weights['next.transition'].fill(0);
    const withoutTable = Learner.restore(snapshot);
    expect(siteEffect(fresh)).toBeGreaterThan(siteEffect(withoutTable) + 0.05);
    const effectAlone = (learner: Learner) => learner.effectsAlone().next.find((c) => c.feature === 'site: news.example → mail.example')?.effect ?? 0;
    expect(effectAlone(fresh)).toBeGreaterThan(effectAlone(withoutTable) + 0.05);
    expect(fresh.insights().topFeatures.next.map((c) => c.feature)).toContain('site: news.example → mail.example');
    // The picture of the table: the four sites, and mail.example after news.example learned most strongly.
    const { sites, values } = fresh.insights().following;
    expect([...sites].sort()).toEqual(['docs.example', 'forum.example', 'mail.example', 'news.example']);
    const weight = (from: string, to: string) => values[sites.indexOf(from) * sites.length + sites.indexOf(to)];
    // Each row less its mean over the four sites the head knows.
    const row = Array.from(transition.value.subarray(news * transition.cols, news * transition.cols + 4));
    expect(weight('news.example', 'mail.example')).toBeCloseTo(row[mail] - row.reduce((sum, w) => sum + w, 0) / 4, 6);
    expect(weight('news.example', 'mail.example')).toBeGreaterThan(weight('news.example', 'docs.example'));
  });

  it('starts a site seen once as an average site, not as the likeliest next after every page', () => {
    const fresh = Learner.create();
    const start = Date.UTC(2024, 0, 1, 9);
    const visit = (host: string, at: number) => makeVisit({ host, url: `https://${host}/`, path: '/', title: host, startedAt: at, endedAt: at + 30_000 });
    // Twelve sites in a ring: each session takes three in a row from a different start.
    const site = (k: number) => `s${k % 12}.example`;
    for (let i = 0; i < 300; i++) {
      const at = start + i * 7_200_000;
      for (let step = 0; step < 3; step++) fresh.observe(visit(site(i * 5 + step), at + step * 60_000));
    }
    const once = start + 300 * 7_200_000;
    fresh.observe(visit('brand-new.example', once)); // a session of its own
    const at = once + 7_200_000;
    for (let k = 0; k < 12; k++) {
      const next = fresh.predict(visit(site(k), at), at).next;
      expect(next[0].host, `after ${site(k)}`).toBe(site(k + 1));
      // Its zero row of next.weight still sets it apart from the sites learned (second here), but far behind.
      expect(next.find((guess) => guess.host === 'brand-new.example')?.probability ?? 0, `after ${site(k)}`).toBeLessThan(1 / 3);
    }
  });

  it('explains by content keywords too, once it has seen them', () => {
    const fresh = trained(VISITS.slice(0, 300));
    const page = makeVisit({ host: 'blog.example.net', title: 'Gardens', path: '/', kind: 'article', keywords: ['compost', 'seedlings'] });
    const at = VISITS[299].endedAt + 60_000;
    for (let i = 0; i < 3; i++) fresh.learnFeedback({ ...page, startedAt: at }, 'useful');
    const names = fresh.explain(page, at).engaged.map((c) => c.feature);
    expect(names).toEqual(expect.arrayContaining(['keyword: compost', 'keyword: seedlings']));
  });

  it('shows what it learned', () => {
    const insights = learner.insights();
    expect(insights.hourEffect).toHaveLength(24);
    // Every hour the visits were learned at has a finite effect, the others none, and so has an
    // hour whose bucket another feature holds too.
    const hours = new Set(VISITS.map((visit) => new Date(visit.startedAt).getHours()));
    insights.hourEffect.forEach((effect, hour) => expect(effect === null ? null : Number.isFinite(effect), `${hour}:00`).toBe(hours.has(hour) && !insights.hourShared[hour] ? true : null));
    expect(insights.hourShared.filter(Boolean).length).toBeLessThan(hours.size / 2);
    expect(insights.topFeatures.engaged.length).toBeGreaterThan(5);
    const sites = insights.topFeatures.engaged.filter((c) => c.feature.startsWith('site: '));
    expect(sites.length).toBeGreaterThan(0);
    for (const { feature, effect } of sites) {
      // news.example.org is read about as often as the average page: its effect is near nothing, either way
      if (/news/.test(feature)) expect(Math.abs(effect), feature).toBeLessThan(0.03);
      else expect(Math.sign(effect), feature).toBe(/video|mail/.test(feature) ? -1 : 1);
    }
    expect(insights.topFeatures.next[0].feature).toMatch(/→ /);
    expect(insights.hiddenUnits.length).toBeGreaterThan(0);
    expect(insights.weights.values).toHaveLength(insights.weights.rows.length * insights.weights.cols);
    const mean = (hours: number[]) => hours.reduce((sum, hour) => sum + insights.hourEffect[hour]!, 0) / hours.length;
    const evening = mean([19, 20, 21]);
    const morning = mean([9, 10, 11]);
    expect(evening).toBeGreaterThan(morning);
  });

  it('shows no effect of an hour whose bucket another feature, seen at other hours, holds', () => {
    const fresh = Learner.create();
    const { buckets, hashSeed } = fresh.config;
    const midnight = bucketOf(murmur3('hour=0', hashSeed), buckets);
    // A site whose token falls in the bucket of the hour 00:00 (hashes collide), visited by day only.
    let n = 0;
    while (bucketOf(murmur3(`host=s${n}.example`, hashSeed), buckets) !== midnight) n++;
    const host = `s${n}.example`;
    const start = new Date(2024, 0, 1, 9).getTime();
    for (let day = 0; day < 20; day++) {
      for (const [i, at] of [0, 3_600_000, 7_200_000].entries()) {
        fresh.observe(makeVisit({ host: i === 0 ? host : 'other.example', startedAt: start + day * 86_400_000 + at, endedAt: start + day * 86_400_000 + at + 60_000, activeMs: i === 0 ? 60_000 : 2_000 }));
      }
    }
    expect(fresh.net.wide.weight.value[midnight * 2]).not.toBe(0); // the site's weight, shared with the hour
    // It counts the hours it learned engagement at: 00:00 is not one of them.
    expect(fresh.snapshot().hoursLearned?.[0]).toBe(0);
    expect(fresh.snapshot().hoursLearned?.[9]).toBe(20);
    const known = fresh.insights();
    expect(known.hourEffect[0]).toBeNull();
    expect(known.hourEffect[9]).not.toBeNull();
    expect(known.hourShared.some(Boolean)).toBe(false);
    // Read from a file of version 4, which did not count them, the bucket is all it has: shared.
    const older = Learner.restore({ ...fresh.snapshot(), hoursLearned: null });
    const { hourEffect, hourShared } = older.insights();
    expect(hourEffect[0]).toBeNull();
    expect(hourShared[0]).toBe(true);
    expect(hourEffect[9]).not.toBeNull();
    expect(hourShared[9]).toBe(false);
  });

  it('has no effect of an hour at which no engagement was learned', () => {
    expect(Learner.create().insights().hourEffect).toEqual(Array(24).fill(null));
    expect(trained(VISITS.slice(0, 200).map((visit) => ({ ...visit, source: 'history' as const }))).insights().hourEffect).toEqual(Array(24).fill(null));
    const mornings = VISITS.filter((visit) => [9, 10].includes(new Date(visit.startedAt).getHours()));
    const effects = trained(mornings).insights().hourEffect;
    expect(effects.flatMap((effect, hour) => (effect === null ? [] : [hour]))).toEqual([9, 10]);
  });

  it('fits in 4 MB of weights by default', () => {
    const fresh = Learner.create();
    const weights = Object.values(fresh.snapshot().weights).reduce((sum, values) => sum + values.byteLength, 0);
    expect(weights).toBe(fresh.parameters * 4);
    expect(weights).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(Learner.create({ size: 'large' }).parameters).toBeGreaterThan(fresh.parameters);
  });

  it('refuses settings out of limits', () => {
    expect(() => Learner.create({ buckets: 0 })).toThrow(RangeError);
    expect(() => Learner.create({ learningRate: Number.NaN })).toThrow(RangeError);
    expect(() => Learner.create({ hidden: [1, 2, 3, 4] })).toThrow(RangeError);
  });
});

describe('Learner health', () => {
  it('stays healthy through a normal life, with every optimizer at the largest Play learning rate', () => {
    for (const optimizer of ['adagrad', 'adam', 'sgd'] as const) {
      const learner = trained(VISITS.slice(0, 1000), { optimizer, learningRate: 1, size: 'small' });
      expect(learner.healthy, optimizer).toBe(true);
      expect(learner.unsoundValue(), optimizer).toBeNull();
    }
  });

  it('knows after the first visit learned that a weight gone NaN spoiled the model', () => {
    const learner = trained(VISITS.slice(0, 50));
    learner.net.engaged.bias.value[0] = Number.NaN; // what a hostile file or a bad step would leave
    expect(learner.healthy).toBe(true); // nothing learned since: the cheap flag has not looked
    expect(learner.unsoundValue()).toMatch(/^engaged.bias holds NaN/);
    learner.observe(VISITS[50]);
    expect(learner.healthy).toBe(false);
  });

  it('knows when a step writes a value out of range, though every output is finite', () => {
    const learner = Learner.create({ optimizer: 'sgd', learningRate: 1, size: 'small' });
    const { embedding, engaged } = learner.net;
    // Two first-layer units at about 9,999; the first weighs 6,000 towards engagement, the second -9,999,
    // so the logit is about -4e7: an engaged visit moves the first weight (and the units' biases) past 10,000.
    embedding.bias.value.set([9_999, 9_999]);
    engaged.weight.value.set([6_000, -9_999]);
    learner.observe({ ...VISITS[1], activeMs: 60_000 });
    expect(learner.healthy).toBe(false);
    expect(learner.unsoundValue()).toMatch(/ holds \d\.\d\de\+4, outside from -10,000 to 10,000 \(at \d+\)$/);
  });
});
