// Merging two learners without their visits: the rule of docs/model-format.md worked out on
// small learners, vocabularies united site by site, and refusals of learners that differ.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { mergeLearners, ModelMergeError } from '../../model/merge';
import { decodeModelFile, encodeModelFile } from '../../model/serialize';
import { syntheticVisits } from './helpers';

const SMALL = { buckets: 128, embeddingDim: 4, vocabSize: 6, dictionarySize: 40 };
const VISITS = syntheticVisits(600, 21);

function learned(visits: typeof VISITS, settings = {}): Learner {
  const learner = Learner.create({ ...SMALL, ...settings });
  for (const visit of visits) learner.observe(visit);
  return learner;
}

describe('merging two models', () => {
  const self = learned(VISITS.slice(0, 400));
  const other = learned(VISITS.slice(400));
  const merged = mergeLearners(self, other);
  const [a, b, m] = [self.snapshot(), other.snapshot(), merged.snapshot()];

  /** The rule: each weight by how much each learned it (AdaGrad's sum of squares), by visits where neither did. */
  const mergedWeight = (x: number, y: number, p: number, q: number) => (p + q === 0 ? (x * 400 + y * 200) / 600 : (x * p + y * q) / (p + q));

  it('averages each weight by how much each learner learned it, and optimizer state by visits', () => {
    expect(merged.visitsLearned).toBe(600);
    let untouched = 0;
    for (const name of ['embedding.weight', 'embedding.bias', 'engaged.weight', 'activeTime.bias']) {
      const [x, y, z] = [a.weights[name], b.weights[name], m.weights[name]];
      const [p, q] = [a.optimizer.state[`${name}.sumSquares`], b.optimizer.state[`${name}.sumSquares`]];
      for (let i = 0; i < x.length; i++) {
        expect(z[i]).toBeCloseTo(mergedWeight(x[i], y[i], p[i], q[i]), 5);
        if (p[i] + q[i] === 0) untouched++;
      }
      for (let i = 0; i < x.length; i++) expect(m.optimizer.state[`${name}.sumSquares`][i]).toBeCloseTo((p[i] * 400 + q[i] * 200) / 600, 4);
    }
    expect(untouched).toBeGreaterThan(0); // buckets neither learner saw: averaged by visits
    // A bucket only one learner saw keeps that learner's weights.
    const onlyOther = Array.from(a.optimizer.state['embedding.weight.sumSquares']).findIndex((p, i) => p === 0 && b.optimizer.state['embedding.weight.sumSquares'][i] > 0);
    expect(onlyOther).toBeGreaterThanOrEqual(0);
    expect(m.weights['embedding.weight'][onlyOther]).toBe(b.weights['embedding.weight'][onlyOther]);
  });

  it('unites the vocabularies, a site\'s next-site row averaged from the rows it had in each', () => {
    const hosts = m.vocabulary.hosts as string[];
    expect(new Set(hosts).size).toBe(hosts.length);
    const width = SMALL.embeddingDim;
    for (const [s, host] of hosts.entries()) {
      const i = (a.vocabulary.hosts as string[]).indexOf(host);
      const j = (b.vocabulary.hosts as string[]).indexOf(host);
      const count = (i >= 0 ? a.vocabulary.counts[i] / a.vocabulary.increment : 0) + (j >= 0 ? b.vocabulary.counts[j] / b.vocabulary.increment : 0);
      expect(m.vocabulary.counts[s] / m.vocabulary.increment).toBeCloseTo(count, 6);
      for (let k = 0; k < width; k++) {
        const [x, y] = [a.weights['next.weight'][i * width + k], b.weights['next.weight'][j * width + k]];
        const [p, q] = [a.optimizer.state['next.weight.sumSquares'][i * width + k], b.optimizer.state['next.weight.sumSquares'][j * width + k]];
        const expected = i >= 0 && j >= 0 ? mergedWeight(x, y, p, q)
          : i >= 0 ? a.weights['next.weight'][i * width + k] : b.weights['next.weight'][j * width + k];
        expect(m.weights['next.weight'][s * width + k]).toBeCloseTo(expected, 5);
      }
    }
    expect(hosts.slice(0, a.vocabulary.hosts.length)).toEqual(a.vocabulary.hosts); // this model's sites keep their slots
  });

  it('merges the table of what follows what pair of sites by pair of sites over the united vocabulary', () => {
    let both = 0;
    let one = 0;
    // Here, and in two small vocabularies that know different sites.
    const small = [learned(VISITS.slice(0, 300), { vocabSize: 3 }), learned(VISITS.slice(300), { vocabSize: 3 })];
    for (const [x, y, z] of [[a, b, m], [...small.map((learner) => learner.snapshot()), mergeLearners(small[0], small[1]).snapshot()]]) {
      const n = z.config.vocabSize;
      const table = (snapshot: typeof a, values: 'weights' | 'sums', from: string, to: string) => {
        const [i, j] = [(snapshot.vocabulary.hosts as string[]).indexOf(from), (snapshot.vocabulary.hosts as string[]).indexOf(to)];
        return i < 0 || j < 0 ? null : (values === 'weights' ? snapshot.weights['next.transition'] : snapshot.optimizer.state['next.transition.sumSquares'])[i * n + j];
      };
      const hosts = z.vocabulary.hosts as string[];
      for (const [r, from] of hosts.entries()) {
        for (const [c, to] of hosts.entries()) {
          const [mine, theirs] = [table(x, 'weights', from, to), table(y, 'weights', from, to)];
          const [p, q] = [table(x, 'sums', from, to), table(y, 'sums', from, to)];
          const total = x.visitsLearned + y.visitsLearned;
          const byVisits = (u: number, v: number) => (u * x.visitsLearned + v * y.visitsLearned) / total;
          const expected = mine !== null && theirs !== null ? (p! + q! === 0 ? byVisits(mine, theirs) : (mine * p! + theirs * q!) / (p! + q!)) : mine ?? theirs ?? 0;
          expect(z.weights['next.transition'][r * n + c], `${from} → ${to}`).toBeCloseTo(expected, 5);
          // Counted by which learners know both sites (and learned something of the pair).
          if (mine !== null && theirs !== null && (mine !== 0 || theirs !== 0)) both++;
          else if ((mine === null) !== (theirs === null) && (mine ?? theirs) !== 0) one++;
        }
      }
    }
    expect(both).toBeGreaterThan(0); // moves both learners saw
    expect(one).toBeGreaterThan(0); // and moves between sites only one of them knows
  });

  it('unites the dictionaries, adding the uses of a feature both saw', () => {
    const names = new Set(m.dictionary.entries.map((entry) => entry.name));
    const site = 'site: news.example.org';
    const uses = (snapshot: typeof a) => snapshot.dictionary.entries.find((entry) => entry.name === site)?.uses ?? 0;
    expect(names.has(site)).toBe(true);
    expect(uses(m)).toBe(uses(a) + uses(b));
    expect(m.dictionary.entries.length).toBeLessThanOrEqual(SMALL.dictionarySize);
  });

  it('keeps this model\'s settings, figures and context, and learns on soundly', () => {
    expect(merged.config).toEqual(self.config);
    expect(m.metrics.history).toEqual(a.metrics.history);
    expect(merged.createdAt).toBe(self.createdAt);
    for (const visit of VISITS.slice(0, 50)) merged.observe({ ...visit, startedAt: visit.startedAt + 86_400_000 * 30, endedAt: visit.endedAt + 86_400_000 * 30 });
    expect(merged.healthy).toBe(true);
  });

  it('holds the counts it adds up to what a file may hold, so that the merged model\'s own file reads back', () => {
    const huge = Learner.restore({ ...b, visitsLearned: 2 ** 53, optimizer: { ...b.optimizer, steps: 2 ** 53 },
      dictionary: { ...b.dictionary, entries: b.dictionary.entries.map((entry) => ({ ...entry, uses: 2 ** 53, lastSeen: 2 ** 53 })) } });
    const sum = mergeLearners(self, huge);
    const snapshot = sum.snapshot();
    expect(sum.visitsLearned).toBe(2 ** 53);
    expect(snapshot.optimizer.steps).toBe(2 ** 53);
    expect(Math.max(...snapshot.dictionary.entries.map((entry) => Math.max(entry.uses, entry.lastSeen)))).toBe(2 ** 53);
    expect(decodeModelFile(JSON.parse(JSON.stringify(encodeModelFile(sum)))).visitsLearned).toBe(2 ** 53);
  });

  it('adds the engagement each learned at each hour, known only if both know it', () => {
    expect(m.hoursLearned).toEqual(a.hoursLearned!.map((n, hour) => n + b.hoursLearned![hour]));
    expect(m.hoursLearned!.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    expect(mergeLearners(self, Learner.restore({ ...b, hoursLearned: null })).snapshot().hoursLearned).toBeNull();
  });

  it('is this model when the other learned nothing', () => {
    const alone = mergeLearners(self, Learner.create(SMALL)).snapshot();
    expect(alone.weights['embedding.weight']).toEqual(a.weights['embedding.weight']);
    expect(alone.vocabulary.hosts).toEqual(a.vocabulary.hosts);
  });

  it('keeps the most visited sites when both together know more than it can predict', () => {
    const first = learned(VISITS.slice(0, 300), { vocabSize: 3 });
    const second = learned(VISITS.slice(300), { vocabSize: 3 });
    const both = mergeLearners(first, second).snapshot().vocabulary;
    const countOf = (snapshot: ReturnType<Learner['snapshot']>['vocabulary'], host: string | number) => {
      const i = snapshot.hosts.indexOf(host);
      return i < 0 ? 0 : snapshot.counts[i] / snapshot.increment;
    };
    const all = new Set([...first.snapshot().vocabulary.hosts, ...second.snapshot().vocabulary.hosts]);
    const totals = [...all].map((host) => countOf(first.snapshot().vocabulary, host) + countOf(second.snapshot().vocabulary, host)).sort((x, y) => y - x);
    expect(all.size).toBeGreaterThan(3);
    expect(both.hosts).toHaveLength(3);
    expect(both.counts.map((count) => count / both.increment).sort((x, y) => y - x)).toEqual(totals.slice(0, 3).map((total) => expect.closeTo(total, 6)));
  });

  it.each([
    ['another hashing seed', { hashSeed: 5 }, /its hashing seed \(5\) differs from this model's/],
    ['another embedding width', { embeddingDim: 8 }, /its embedding width \(8\) differs/],
    ['dense layers', { hidden: [8] }, /its dense layers \(\[8\]\) differs/],
    ['another optimizer', { optimizer: 'adam' }, /its optimizer \("adam"\) differs/],
  ])('refuses a model of %s, changing nothing', (_, settings, message) => {
    const before = JSON.stringify(self.snapshot().weights['engaged.weight']);
    expect(() => mergeLearners(self, learned(VISITS.slice(0, 50), settings))).toThrow(ModelMergeError);
    expect(() => mergeLearners(self, learned(VISITS.slice(0, 50), settings))).toThrow(message);
    expect(JSON.stringify(self.snapshot().weights['engaged.weight'])).toBe(before);
  });
});
