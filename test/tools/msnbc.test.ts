// The MSNBC reader, on a tiny sample written like the real file (header, CRLF, trailing spaces).
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { hasInteraction } from '../../model/visit';
import { msnbcCounts, msnbcVisits, parseMsnbc } from '../../tools/msnbc';

const SAMPLE = [
  '% Different categories found in input file:',
  '',
  'frontpage news tech local opinion on-air misc weather msn-news health living business msn-sports sports summary bbs travel',
  '',
  '',
  '% Sequences:',
  '',
  '1 1 ',
  '2 ',
  '3 2 2 4 2 ',
  '17 6 ',
  '',
].join('\r\n');

describe('msnbc reader', () => {
  const data = parseMsnbc(SAMPLE);

  it('reads the category names and the sessions', () => {
    expect(data.categories).toHaveLength(17);
    expect(data.categories[16]).toBe('travel');
    expect(Array.from(data.views)).toEqual([1, 1, 2, 3, 2, 2, 4, 2, 17, 6]);
    expect(Array.from(data.sessionStarts)).toEqual([0, 2, 3, 8, 10]);
    expect(msnbcCounts(data)).toEqual({ sessions: 4, visits: 10, transitions: 6 });
  });

  it('makes one visit per page view, named by its category, with no interaction known', () => {
    const visits = [...msnbcVisits(data)];
    expect(visits.map((visit) => visit.host)).toEqual(['frontpage', 'frontpage', 'news', 'tech', 'news', 'news', 'local', 'news', 'travel', 'on-air']);
    expect(visits.every((visit) => !hasInteraction(visit))).toBe(true);
    for (let i = 1; i < visits.length; i++) expect(visits[i].startedAt).toBeGreaterThan(visits[i - 1].startedAt);
  });

  it('spaces sessions so that the learner scores transitions within sessions only', () => {
    const learner = Learner.create();
    for (const visit of msnbcVisits(data)) learner.observe(visit);
    expect(learner.metrics.next.transitions).toBe(6);
    expect(learner.metrics.visits).toBe(10);
    expect(learner.sites).toBe(6);
  });

  it('refuses what is not an msnbc file', () => {
    expect(() => parseMsnbc('1 2 3\n')).toThrow(/7-line header/);
    expect(() => parseMsnbc(SAMPLE.replace('17 6', '18 6'))).toThrow(/"18" is not a category number from 1 to 17/);
  });
});
