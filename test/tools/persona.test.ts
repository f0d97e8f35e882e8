// The persona generator: one seed, one person and one log; sizes and rhythms in the documented
// ranges (docs/persona.md); the known chances are those the outcomes were drawn from, rank them as
// the documented range says, and hold the effects a weighted sum of tokens cannot; and the label
// the learner computes from each written visit is the outcome drawn.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engagementLabel } from '../../model/labels';
import { PAGE_KINDS } from '../../model/visit';
import { LONG_READ_WORDS } from '../../extension/persona/engagement';
import { generatePersona, type PersonaRecord } from '../../extension/persona/generate';
import { SITE_CATEGORIES, SITES } from '../../extension/persona/sites';
import { oracleFigures, readTruthFile, truthPathOf } from '../../tools/persona/truth';
import { parseVisitLine } from '../../tools/visit-log';

const DAY = 24 * 3_600_000;
const quarters = [1, 2, 3].map((seed) => generatePersona({ days: 90, seed }));

/** Engaged share of the records that pass a test. */
function engagedRate(records: PersonaRecord[], test: (record: PersonaRecord, hour: number, weekday: number) => boolean): number {
  const chosen = records.filter((record) => {
    const date = new Date(record.visit.startedAt);
    return test(record, date.getUTCHours(), date.getUTCDay());
  });
  return chosen.filter((record) => record.engaged).length / chosen.length;
}

describe('persona', () => {
  it('is the same person and the same log for the same seed, and another for another seed', () => {
    const again = generatePersona({ days: 90, seed: 2 });
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(quarters[1].records));
    expect(again.person).toEqual(quarters[1].person);
    expect(quarters[0].records.length).not.toBe(quarters[1].records.length);
    expect(quarters[0].person.interests).not.toEqual(quarters[1].person.interests);
  });

  it('browses 6,000 to 10,000 pages in 90 days and 30,000 to 40,000 in a year', () => {
    for (const { records } of quarters) {
      expect(records.length).toBeGreaterThanOrEqual(6000);
      expect(records.length).toBeLessThanOrEqual(10_000);
    }
    const year = generatePersona({ days: 365, seed: 1 }).records.length;
    expect(year).toBeGreaterThanOrEqual(30_000);
    expect(year).toBeLessThanOrEqual(40_000);
  });

  it('uses dozens of sites of every category, with pages of every kind and keywords from the page', () => {
    for (const { records } of quarters) {
      const hosts = new Set(records.map((record) => record.visit.host));
      expect(hosts.size).toBeGreaterThanOrEqual(24);
      const categories = new Set(SITES.filter((site) => hosts.has(site.host)).map((site) => site.category));
      expect([...categories].sort()).toEqual([...SITE_CATEGORIES].sort());
      expect(new Set(records.map((record) => record.visit.kind))).toEqual(new Set(PAGE_KINDS));
      expect(Math.max(...records.map(({ visit }) => visit.keywords.length))).toBeLessThanOrEqual(12);
      expect(records.filter(({ visit }) => visit.kind === 'search' && visit.title + visit.description !== '')).toHaveLength(0);
    }
  });

  it('keeps time order, sessions apart by over 30 minutes, the documented rhythm and dwell times', () => {
    for (const { records } of quarters) {
      let sessions = 1;
      let under10s = 0;
      let disorders = 0;
      for (let i = 0; i < records.length; i++) {
        const { visit } = records[i];
        if (visit.endedAt < visit.startedAt + visit.activeMs) disorders++;
        if (visit.activeMs < 10_000) under10s++;
        if (i === 0) continue;
        const previous = records[i - 1].visit;
        if (visit.startedAt <= previous.endedAt) disorders++;
        if (visit.startedAt - previous.endedAt > 30 * 60_000) sessions++;
      }
      expect(disorders).toBe(0);
      const days = (records.at(-1)!.visit.startedAt - records[0].visit.startedAt) / DAY;
      const perDay = records.length / days;
      expect(perDay).toBeGreaterThan(20); // Weinreich et al.: 20 to 200 pages a day
      expect(perDay).toBeLessThan(200);
      expect(records.length / sessions).toBeGreaterThan(5);
      expect(records.length / sessions).toBeLessThan(12);
      expect(under10s / records.length).toBeGreaterThan(0.3); // most pages are left within seconds
      expect(under10s / records.length).toBeLessThan(0.65);
      // No visits in the small hours.
      expect(records.filter((record) => new Date(record.visit.startedAt).getUTCHours() === 4)).toHaveLength(0);
    }
  });

  it('draws each outcome from its known chance, and the learner labels each written visit with that outcome', () => {
    for (const { records } of quarters) {
      const oracle = oracleFigures(records);
      expect(Math.abs(oracle.meanProbability - oracle.engagedRate)).toBeLessThan(0.02);
      const mislabelled = records.filter((record, i) => engagementLabel(parseVisitLine(JSON.stringify(record.visit), i + 1)) !== (record.engaged ? 1 : 0));
      expect(mislabelled).toHaveLength(0);
    }
  });

  it('ranks the outcomes with an AUC between 0.75 and 0.90, over the whole log and its last 2,000 visits', () => {
    for (const { records } of quarters) {
      for (const part of [records, records.slice(-2000)]) {
        const { auc } = oracleFigures(part);
        expect(auc).toBeGreaterThanOrEqual(0.75);
        expect(auc).toBeLessThanOrEqual(0.9);
      }
    }
  });

  it('engages with video in the evening, docs on workdays and long reads on rest days', () => {
    const records = quarters.flatMap((quarter) => quarter.records);
    const workday = (weekday: number): boolean => weekday >= 1 && weekday <= 5;
    const video = ({ visit }: PersonaRecord): boolean => visit.kind === 'video';
    expect(engagedRate(records, (r, hour) => video(r) && hour >= 19 && hour < 23))
      .toBeGreaterThan(engagedRate(records, (r, hour, day) => video(r) && workday(day) && hour >= 10 && hour < 12) + 0.2);
    const docs = new Set(SITES.filter((site) => site.category === 'docs').map((site) => site.host));
    expect(engagedRate(records, (r, hour, day) => docs.has(r.visit.host) && workday(day) && hour >= 10 && hour < 12))
      .toBeGreaterThan(engagedRate(records, (r, _, day) => docs.has(r.visit.host) && !workday(day)) + 0.2);
    const longRead = ({ visit }: PersonaRecord): boolean => visit.kind === 'article' && visit.words >= LONG_READ_WORDS;
    expect(engagedRate(records, (r, _, day) => longRead(r) && !workday(day)))
      .toBeGreaterThan(engagedRate(records, (r, hour, day) => longRead(r) && workday(day) && hour >= 10 && hour < 12) + 0.2);
  });

  it('writes the log and its truth as a command', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tabula-persona-'));
    const out = path.join(folder, 'someone.jsonl');
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'tools/persona.ts', '--days', '7', '--seed', '5', '--out', out], {
      cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    const summary = JSON.parse(stdout);
    const expected = generatePersona({ days: 7, seed: 5 }).records;
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toEqual(expected.map((record) => JSON.stringify(record.visit)));
    expect(summary).toMatchObject({ visits: expected.length, seed: 5, days: 7, truth: truthPathOf(out) });
    const truth = readTruthFile(truthPathOf(out));
    expect(truth).toHaveLength(expected.length);
    expected.forEach((record, i) => expect(truth[i]).toBeCloseTo(record.probability, 5));
  });
});
