// Ranking candidate pages with a model: best first by the learner's own predictions, each with
// the features that moved them most, pages read as lines of the visit-log format.
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { pageText, parsePageLine, rankPages } from '../../tools/rank-pages';
import { VisitLogError } from '../../tools/visit-log';
import { syntheticVisits } from '../model/helpers';

const AT = Date.UTC(2026, 11, 3, 9);
const learner = Learner.create({ size: 'small' });
for (const visit of syntheticVisits(600, 4)) learner.observe(visit);
const lines = [
  { url: 'https://blog.example.net/gardens', host: 'blog.example.net', path: '/gardens', title: 'A long essay on gardens', kind: 'article', lang: 'en' },
  { url: 'https://video.example.tv/cats', host: 'video.example.tv', path: '/cats', title: 'Cats compilation', kind: 'video' },
  { url: 'https://mail.example.com/', host: 'mail.example.com', title: 'Inbox', startedAt: AT + 3_600_000 },
].map((page) => JSON.stringify(page));

describe('ranking pages', () => {
  const pages = lines.map((line, i) => parsePageLine(line, i + 1, AT));
  const ranked = rankPages(learner, pages, 2);

  it('reads the page fields of a visit-log line, a missing start taken as the time asked', () => {
    expect(pages[0]).toMatchObject({ host: 'blog.example.net', title: 'A long essay on gardens', kind: 'article', startedAt: AT });
    expect(pages[2].startedAt).toBe(AT + 3_600_000);
    expect(() => parsePageLine('{"title": "no host"}', 7, AT)).toThrow(VisitLogError);
    expect(() => parsePageLine('{"host": "a.example", "kind": "novel"}', 8, AT)).toThrow(/line 8: "kind" should be one of/);
    expect(() => parsePageLine('not json', 9, AT)).toThrow(/line 9: is not JSON/);
  });

  it('orders pages by the learner\'s predictions, best first, with its numbers and reasons', () => {
    expect(ranked.map((page) => page.rank)).toEqual([1, 2, 3]);
    for (const page of ranked) {
      const source = pages.find((p) => p.url === page.url)!;
      const prediction = learner.predict(source, source.startedAt);
      expect(page.engaged).toBe(prediction.engaged);
      expect(page.activeSeconds).toBe(prediction.activeSeconds);
      expect(page.reasons.engaged).toEqual(learner.explain(source, source.startedAt).engaged.slice(0, 2));
      expect(page.reasons.activeTime).toHaveLength(2);
    }
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].engaged).toBeGreaterThanOrEqual(ranked[i].engaged);
    expect(ranked[0].url).toBe('https://blog.example.net/gardens'); // the made-up life reads its essays
  });

  it('writes each page as text, its reasons below it', () => {
    const text = pageText(ranked[0]);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/^1\. \d+% engaged, about \d+ (s|min) active — https:\/\/blog\.example\.net\/gardens “A long essay on gardens”\n {3}engagement: .+ \([+-]\d\.\d\d\)/);
  });
});
