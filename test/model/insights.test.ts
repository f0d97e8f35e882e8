// What the Learned view reads of a feature's name (its kind, a word of digits) and the features
// that insights hold back: seen on one visit only, or title words and keywords made of digits.
import { describe, expect, it } from 'vitest';
import { NAMESPACES, type Namespace } from '../../model/features';
import { featureKind, featureName, isNumberWord, type FeatureKind } from '../../model/feature-names';
import { Learner } from '../../model/index';
import { makeVisit, syntheticVisits } from './helpers';

/** A value of each namespace as the features give it, and the kind its feature is of. */
const EXAMPLES: Record<Namespace, [string, FeatureKind]> = {
  host: ['github.com', 'sites'], path1: ['docs', 'sites'], path2: ['docs/api', 'sites'],
  title: ['after', 'words'], desc: ['weekend', 'words'], lang: ['en', 'words'], keyword: ['compost', 'words'],
  kind: ['article', 'page'], words: ['10', 'page'], links: ['0', 'page'], images: ['3', 'page'], videos: ['1', 'page'],
  ref: ['t.co', 'sequences'], prev1: ['', 'sequences'], prev2: ['mail.example', 'sequences'],
  pair: ['a.example<b.example', 'sequences'], triple: ['a.example<b.example<c.example', 'sequences'], quad: ['a.example<b.example<c.example<d.example', 'sequences'],
  hour: ['21', 'time'], daypart: ['evening', 'time'], day: ['6', 'time'], weekend: ['1', 'time'],
  'kind@when': ['video|weekday evening', 'time'], 'host@when': ['github.com|weekend morning', 'time'], 'words@when': ['11|weekday night', 'time'],
};

describe('a feature’s name', () => {
  it('tells its kind, for every namespace, and the next-site push by the feature before its arrow', () => {
    for (const ns of NAMESPACES) {
      const [value, kind] = EXAMPLES[ns];
      expect(featureKind(featureName({ ns, value })), `${ns}=${value}`).toBe(kind);
    }
    expect(featureKind('previous site: a.example → b.example')).toBe('sequences');
    expect(featureKind('hour: 09:00 → mail.example')).toBe('time');
    expect(featureKind('unnamed feature 812')).toBe('other');
  });

  it('tells a title or description word, or a keyword, made of digits', () => {
    expect(isNumberWord(featureName({ ns: 'title', value: '2024' }))).toBe(true);
    expect(isNumberWord(featureName({ ns: 'desc', value: '17' }))).toBe(true);
    expect(isNumberWord(featureName({ ns: 'keyword', value: '300' }))).toBe(true);
    expect(isNumberWord(featureName({ ns: 'title', value: 'h264' }))).toBe(false);
    expect(isNumberWord(featureName({ ns: 'hour', value: '21' }))).toBe(false);
    expect(isNumberWord(featureName({ ns: 'words', value: '10' }))).toBe(false);
  });
});

describe('the features that matter most', () => {
  const learner = Learner.create();
  for (const visit of syntheticVisits(2000, 3)) learner.observe(visit);
  const last = syntheticVisits(2000, 3).at(-1)!.endedAt;
  // Read at length, again and again: a title word of digits; and one visit of a site never seen again.
  for (let i = 0; i < 40; i++) {
    learner.observe(makeVisit({ title: 'Release 2031 notes', activeMs: 240_000, scrollDepth: 0.9, clicks: 4, startedAt: last + i * 600_000, endedAt: last + i * 600_000 + 250_000 }));
  }
  learner.observe(makeVisit({ host: 'once.example', url: 'https://once.example/x', path: '/x', activeMs: 300_000, scrollDepth: 1, clicks: 9, startedAt: last + 41 * 600_000, endedAt: last + 41 * 600_000 + 300_000 }));
  const { topFeatures, heldBack } = learner.insights();
  const all = [...topFeatures.engaged, ...topFeatures.activeTime, ...topFeatures.next].map((c) => c.feature);

  it('hold back title words of digits and features seen on one visit, and count them', () => {
    expect(all.some((feature) => feature.includes('"2031"'))).toBe(false);
    expect(all.some((feature) => feature.includes('once.example'))).toBe(false);
    expect(all.some((feature) => feature.includes('"release"'))).toBe(true); // the same page's other words are shown
    expect(heldBack).toBeGreaterThanOrEqual(2);
  });

  it('are at most 20 of each kind for each prediction, the largest first', () => {
    for (const list of [topFeatures.engaged, topFeatures.activeTime]) {
      const kinds = new Map<string, number>();
      for (const { feature } of list) kinds.set(featureKind(feature), (kinds.get(featureKind(feature)) ?? 0) + 1);
      expect(Math.max(...kinds.values())).toBeLessThanOrEqual(20);
      expect(kinds.size).toBeGreaterThanOrEqual(4);
      const sizes = list.map((c) => Math.abs(c.effect));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
  });
});
