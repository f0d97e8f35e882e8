// The dependency-free reader of examples/ against Tabula's own learner: the same predictions,
// to 1e-6, from a float32 file, a compact one, one without names and one of version 3, for pages
// it never saw too, at every weekday and several hours (the crosses with the time of the week),
// with content keywords.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript example, without types
import { predict, readModel } from '../../examples/read-model.mjs';
import { Learner } from '../../model/learner';
import { decodeModelFile, encodeModelFile } from '../../model/serialize';
import { asVersionThree } from '../../harness/older-model-versions';
import { makeVisit, syntheticVisits } from '../model/helpers';

/** Content keywords by site, so that the model learns keyword features too. */
const KEYWORDS: Record<string, string[]> = {
  'blog.example.net': ['gardens', 'roses', 'soil', 'gardens'],
  'docs.example.dev': ['api', 'function', 'returns'],
  'news.example.org': ['election', 'weather'],
};
const visits = syntheticVisits(700, 17).map((visit) => ({ ...visit, keywords: KEYWORDS[visit.host] }));
const learner = Learner.create({ size: 'small', hidden: [16] }); // a dense layer too, as the large size has
for (const visit of visits.slice(0, 600)) learner.observe(visit);
/** From a day after the last visit (no session goes on, as the reader assumes), every 27 hours for a week: each weekday, several parts of the day. */
const TIMES = Array.from({ length: 7 }, (_, i) => visits[599].endedAt + 86_400_000 + i * 27 * 3_600_000);
const pages = [
  ...visits.slice(600, 640),
  makeVisit({ host: 'new.example', path: '/a/b/12345', title: 'Résumé: l’été à Zürich 𝄞', description: '', lang: '', referrerHost: 'news.example.org' }),
  makeVisit({ host: 'blog.example.net', keywords: ['soil', 'roses', 'roses', 'compost', '土壤'] }),
  makeVisit({ source: 'history', words: 3_000_000 }),
];

function expectSamePredictions(file: unknown, reference: Learner): void {
  const model = readModel(JSON.stringify(file));
  for (const [page, at] of pages.flatMap((page) => TIMES.map((at) => [page, at] as const))) {
    const expected = reference.predict(page, at);
    const actual = predict(model, page, at);
    expect(Math.abs(actual.engaged - expected.engaged)).toBeLessThan(1e-6);
    expect(Math.abs(actual.activeSeconds - expected.activeSeconds)).toBeLessThan(1e-6 * Math.max(1, expected.activeSeconds));
    const chance = new Map<string, number>(actual.next.map((site: { host: string; probability: number }) => [site.host, site.probability]));
    for (const site of expected.next) expect(Math.abs(chance.get(site.host)! - site.probability)).toBeLessThan(1e-6);
    expect(actual.next[0].host).toBe(expected.next[0].host);
  }
}

describe('examples/read-model.mjs', () => {
  it('predicts as the learner does from a float32 file', () => {
    expectSamePredictions(encodeModelFile(learner), learner);
  });

  it('predicts as Tabula does from a compact file (Tabula reading the same file)', () => {
    const compact = encodeModelFile(learner, { compact: true });
    expectSamePredictions(compact, decodeModelFile(compact));
  });

  it('finds the row of what follows a site by the site\'s hash in a file without names', () => {
    const nameless = encodeModelFile(learner, { names: false });
    const model = readModel(JSON.stringify(nameless));
    const reference = decodeModelFile(nameless);
    for (const [page, at] of pages.flatMap((page) => TIMES.map((at) => [page, at] as const))) {
      const expected = reference.predict(page, at).next.map((site) => site.probability);
      const actual = predict(model, page, at).next.slice(0, expected.length).map((site: { probability: number }) => site.probability);
      actual.forEach((probability: number, i: number) => expect(Math.abs(probability - expected[i])).toBeLessThan(1e-6));
    }
    // Without the table's row the reader would not agree: the table holds what this learner learned.
    expect(learner.net.next.transition.value.some((weight) => Math.abs(weight) > 0.1)).toBe(true);
  });

  it('reads a version-3 file, which has no table of what follows what, as Tabula does', () => {
    const versionThree = asVersionThree(encodeModelFile(learner) as Record<string, any>, 'version');
    expectSamePredictions(versionThree, decodeModelFile(versionThree));
  });

  it('refuses what is not a model file of version 3, 4 or 5', () => {
    expect(() => readModel('{"format":"tabula-model","version":2}')).toThrow('not a Tabula model file of version 3, 4 or 5');
  });
});
