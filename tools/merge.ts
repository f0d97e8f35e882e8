// `npm run merge-compare -- FILE.jsonl[.gz] [--held-out-days 30] [--split day|site] [--size S]`: a model merged
// from two browsers' models against one that learned both visit logs (tools/merge-compare.ts).
// The result is one JSON line on stdout.
import path from 'node:path';
import type { LearnerConfig } from '../model/learner-config';
import type { Visit } from '../model/visit';
import { compareMerge, type MergeSplit } from './merge-compare';
import { readVisitLog } from './visit-log';

const USAGE = 'usage: npm run merge-compare -- FILE.jsonl[.gz] [--held-out-days 30] [--split day|site] [--size small|medium|large]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const settings: Partial<LearnerConfig> = {};
  let file: string | undefined;
  let heldOutDays = 30;
  let split: MergeSplit = 'day';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => args[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--held-out-days') heldOutDays = Number(value());
    else if (arg === '--split') {
      const chosen = value();
      if (chosen !== 'day' && chosen !== 'site') fail('--split is day or site');
      split = chosen;
    }
    else if (arg === '--size') settings.size = value() as LearnerConfig['size'];
    else if (arg.startsWith('--') || file !== undefined) fail(`unexpected argument ${arg}`);
    else file = path.resolve(arg);
  }
  if (file === undefined) fail('give a visit log');
  if (!(heldOutDays > 0)) fail('--held-out-days is a number of days above 0');
  const visits: Visit[] = [];
  for await (const visit of readVisitLog(file)) visits.push(visit);
  process.stdout.write(`${JSON.stringify({ source: path.basename(file), heldOutDays, split, ...compareMerge(visits, { settings, heldOutDays, split }) })}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`merge-compare: ${(error as Error).message}\n`);
  process.exit(1);
});
