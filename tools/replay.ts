// `npm run replay -- FILE [--truth TRUTH]` replays a visit log (docs/visit-log.md) through Tabula's
// learner, beside a logistic regression, simple baselines and, with a persona's truth file, the
// oracle; `npm run replay -- --msnbc [PATH]` replays the MSNBC page-view sessions (next-site only).
// Progress and the comparison's table go to stderr; the result is one JSON line on stdout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LearnerConfig } from '../model/learner-config';
import type { Visit } from '../model/visit';
import { msnbcCounts, msnbcVisits, readMsnbcFile } from './msnbc';
import { readTruthFile } from './persona/truth';
import { Progress } from './progress';
import type { ComparisonOptions } from './report/comparison';
import { reportTable } from './report/table';
import { replay } from './replay-run';
import { readVisitLog, VisitLogError } from './visit-log';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MSNBC_DEFAULT = path.resolve(repoRoot, '../shared/datasets/msnbc/msnbc990928.seq.gz');

const USAGE = `usage: npm run replay -- FILE.jsonl[.gz] [options]
       npm run replay -- --msnbc [PATH] [options]
options: --size small|medium|large  --optimizer sgd|adagrad|adam  --learning-rate N  --seed N
         --truth FILE (a persona's known chances)  --last N (2000)  --every N (500)  --window N (1000)
         --reference-learning-rate N (0.05)  --without-keywords (the visits' content keywords left out)`;

interface Command {
  file?: string;
  msnbc?: string;
  settings: Partial<LearnerConfig>;
  compare: ComparisonOptions & { truthFile?: string };
  withoutKeywords?: boolean;
}

function parseArguments(args: string[]): Command {
  const command: Command = { settings: {}, compare: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--msnbc') {
      command.msnbc = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? path.resolve(args[++i]) : MSNBC_DEFAULT;
    } else if (arg === '--size') command.settings.size = value() as LearnerConfig['size'];
    else if (arg === '--optimizer') command.settings.optimizer = value() as LearnerConfig['optimizer'];
    else if (arg === '--learning-rate') command.settings.learningRate = Number(value());
    else if (arg === '--seed') command.settings.seed = Number(value());
    else if (arg === '--truth') command.compare.truthFile = path.resolve(value());
    else if (arg === '--last') command.compare.last = count(arg, value());
    else if (arg === '--every') command.compare.every = count(arg, value());
    else if (arg === '--window') command.compare.window = count(arg, value());
    else if (arg === '--reference-learning-rate') command.compare.referenceLearningRate = Number(value());
    else if (arg === '--without-keywords') command.withoutKeywords = true;
    else if (arg.startsWith('--') || command.file !== undefined) throw new Error(`unexpected argument ${arg}`);
    else command.file = path.resolve(arg);
  }
  if ((command.file === undefined) === (command.msnbc === undefined)) throw new Error('give one visit log, or --msnbc');
  if (command.msnbc !== undefined && Object.keys(command.compare).length > 0) throw new Error('--msnbc has no comparison: its options are for a visit log');
  return command;
}

function count(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} should be a whole number ≥ 1`);
  return value;
}

async function main(): Promise<void> {
  let command: Command;
  try {
    command = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const progress = new Progress();
  let run;
  if (command.msnbc !== undefined) {
    const data = readMsnbcFile(command.msnbc);
    const total = msnbcCounts(data).visits;
    run = await replay(msnbcVisits(data), {
      source: `msnbc: ${path.basename(command.msnbc)}`,
      settings: command.settings,
      onProgress: (visits) => progress.update(visits / total, visits),
    });
  } else {
    let fraction = 0;
    const logged = readVisitLog(command.file!, (read) => (fraction = read));
    const visits = command.withoutKeywords ? withoutKeywords(logged) : logged;
    const { truthFile, ...compare } = command.compare;
    run = await replay(visits, {
      source: path.basename(command.file!),
      settings: command.settings,
      onProgress: (count) => progress.update(fraction, count),
      compare: { ...compare, ...(truthFile === undefined ? {} : { truth: readTruthFile(truthFile) }) },
    });
  }
  progress.done(run.result.visits);
  if (run.result.report !== undefined) process.stderr.write(reportTable(run.result.report));
  process.stdout.write(`${JSON.stringify(run.result)}\n`);
}

/** The visits as if their pages' keywords had never been read: what the learner made of a log before it read them. */
async function* withoutKeywords(visits: AsyncIterable<Visit>): AsyncGenerator<Visit> {
  for await (const { keywords: _, ...visit } of visits) yield visit;
}

main().catch((error: unknown) => {
  const known = error instanceof VisitLogError || (error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof RangeError;
  process.stderr.write(`replay: ${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(1);
});
