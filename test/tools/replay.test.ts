// Replay of visit logs: the reader, the run through Learner.observe, and the command.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { replay } from '../../tools/replay-run';
import { parseVisitLine, readVisitLog } from '../../tools/visit-log';
import { syntheticVisits } from '../model/helpers';

const VISITS = syntheticVisits(600, 21);
const folder = mkdtempSync(path.join(tmpdir(), 'tabula-replay-'));
const log = path.join(folder, 'visits.jsonl');
writeFileSync(log, `${VISITS.map((visit) => JSON.stringify(visit)).join('\n')}\n`);
const gzipped = path.join(folder, 'visits.jsonl.gz');
writeFileSync(gzipped, gzipSync(`${VISITS.map((visit) => JSON.stringify(visit)).join('\n')}\n\n`));

describe('visit log', () => {
  it('reads visits back as they were written, plain or gzipped', async () => {
    for (const file of [log, gzipped]) {
      const visits = [];
      for await (const visit of readVisitLog(file)) visits.push(visit);
      expect(visits).toEqual(VISITS);
    }
  });

  it('fills in defaults, and treats a line without interaction as a page from history', () => {
    const visit = parseVisitLine('{"host":"example.org","startedAt":1000,"title":"Hello"}', 1);
    expect(visit).toMatchObject({ host: 'example.org', title: 'Hello', startedAt: 1000, endedAt: 1000, kind: 'other', source: 'history', activeMs: 0 });
    expect(parseVisitLine('{"host":"a.b","startedAt":1,"activeMs":5000}', 2).source).toBeUndefined();
    expect(parseVisitLine('{"host":"a.b","startedAt":1,"keywords":["tide","moon"]}', 3).keywords).toEqual(['tide', 'moon']);
  });

  it.each([
    ['not JSON', '{"host":', /line 7: is not JSON/],
    ['no host', '{"startedAt":1}', /line 7: "host" should be a non-empty string/],
    ['no time', '{"host":"a.b"}', /line 7: "startedAt" is required/],
    ['a negative count', '{"host":"a.b","startedAt":1,"clicks":-1}', /line 7: "clicks" should be a number ≥ 0/],
    ['an unknown kind', '{"host":"a.b","startedAt":1,"kind":"game"}', /line 7: "kind" should be one of/],
    ['too many keywords', `{"host":"a.b","startedAt":1,"keywords":${JSON.stringify(Array(13).fill('word'))}}`, /line 7: "keywords" should be a list of at most 12 strings/],
    ['a keyword that is not text', '{"host":"a.b","startedAt":1,"keywords":["a",2]}', /line 7: "keywords" should be a list/],
  ])('names the line and the field of %s', (_, line, message) => {
    expect(() => parseVisitLine(line, 7)).toThrow(message);
  });
});

describe('replay', () => {
  it('gives the metrics of exactly Learner.observe over the log', async () => {
    const { result } = await replay(readVisitLog(log), { source: 'visits.jsonl' });
    const direct = Learner.create();
    for (const visit of VISITS) direct.observe(visit);
    expect(result.visits).toBe(600);
    expect(result.outOfOrder).toBe(0);
    expect(result.metrics).toEqual(direct.metrics);
    expect(result.metrics.engagement.logLoss).toBeGreaterThan(0);
    expect(result.metrics.next.transitions).toBeGreaterThan(400);
  });

  it('runs as a command: progress on stderr, one JSON line of results on stdout', () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'tools/replay.ts', gzipped, '--seed', '2'], {
      cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]);
    expect(result).toMatchObject({ source: 'visits.jsonl.gz', visits: 600, config: { seed: 2 } });
    expect(Object.keys(result.metrics)).toEqual(['visits', 'engagement', 'activeTime', 'next']);
  });

  it('leaves the content keywords out with --without-keywords: the metrics of the same log without them', () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const withKeywords = path.join(folder, 'keywords.jsonl');
    writeFileSync(withKeywords, `${VISITS.map((visit, i) => JSON.stringify({ ...visit, keywords: [`topic${i % 7}`, visit.host.split('.')[0]] })).join('\n')}\n`);
    const run = (...args: string[]) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'tools/replay.ts', ...args], {
      cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    })).metrics;
    const plain = run(log);
    expect(run(withKeywords, '--without-keywords')).toEqual(plain);
    expect(run(withKeywords)).not.toEqual(plain);
  });

  it('explains a bad command line', () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    let message = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'tools/replay.ts'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      message = (error as { stderr: string }).stderr;
    }
    expect(message).toMatch(/give one visit log, or --msnbc/);
    expect(message).toMatch(/usage: npm run replay/);
  });
});
