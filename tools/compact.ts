// `npm run compact -- FILE.jsonl[.gz] | --msnbc [PATH] [--held-out 0.2] [--size S] [--seed N]`:
// what the compact (8-bit) model file changes (tools/compact-compare.ts). A learner learns all
// but the held-out end of the visits; its float32 and compact files are compared by size, by
// their predictions on the held-out pages, and by their figures as each learns those visits.
// The result is one JSON line on stdout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LearnerConfig } from '../model/learner-config';
import type { Visit } from '../model/visit';
import { compareCompact } from './compact-compare';
import { msnbcVisits, readMsnbcFile } from './msnbc';
import { readVisitLog } from './visit-log';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MSNBC_DEFAULT = path.resolve(repoRoot, '../shared/datasets/msnbc/msnbc990928.seq.gz');
const USAGE = 'usage: npm run compact -- FILE.jsonl[.gz] | --msnbc [PATH]  [--held-out 0.2] [--size small|medium|large] [--seed N]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const settings: Partial<LearnerConfig> = {};
  let source: string | undefined;
  let msnbc: string | undefined;
  let heldOutShare = 0.2;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => args[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--msnbc') msnbc = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? path.resolve(args[++i]) : MSNBC_DEFAULT;
    else if (arg === '--held-out') heldOutShare = Number(value());
    else if (arg === '--size') settings.size = value() as LearnerConfig['size'];
    else if (arg === '--seed') settings.seed = Number(value());
    else if (arg.startsWith('--') || source !== undefined) fail(`unexpected argument ${arg}`);
    else source = path.resolve(arg);
  }
  if ((source === undefined) === (msnbc === undefined)) fail('give one visit log, or --msnbc');
  if (!(heldOutShare > 0 && heldOutShare < 1)) fail('--held-out is a share between 0 and 1');
  let visits: () => Iterable<Visit>;
  if (msnbc !== undefined) {
    const data = readMsnbcFile(msnbc);
    visits = () => msnbcVisits(data);
  } else {
    const log: Visit[] = [];
    for await (const visit of readVisitLog(source!)) log.push(visit);
    visits = () => log;
  }
  const result = compareCompact(visits, { settings, heldOutShare });
  process.stdout.write(`${JSON.stringify({ source: path.basename(msnbc ?? source!), ...result })}\n`);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`compact: ${(error as Error).message}\n`);
  process.exit(1);
});
