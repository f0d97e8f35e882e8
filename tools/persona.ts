// `npm run persona -- --days N --seed S --out FILE` writes the visit log of one simulated person
// (docs/persona.md) and, beside it, the known chance that each visit is engaged (FILE with
// `.truth.jsonl` in place of `.jsonl`: one number a line, in the order of the visits). A summary
// is one JSON line on stdout.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generatePersona } from '../extension/persona/generate';
import { oracleFigures, truthPathOf } from './persona/truth';

const USAGE = 'usage: npm run persona -- --out FILE.jsonl[.gz] [--days N (90)] [--seed S (1)] [--start YYYY-MM-DD]';

interface Command {
  out: string;
  days: number;
  seed: number;
  start?: number;
}

function parseArguments(args: string[]): Command {
  const command: Partial<Command> = { days: 90, seed: 1 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--out') command.out = path.resolve(value);
    else if (arg === '--days') command.days = wholeNumber(arg, value, 1);
    else if (arg === '--seed') command.seed = wholeNumber(arg, value, 0);
    else if (arg === '--start') {
      const start = Date.parse(`${value}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(start)) throw new Error('--start should be a date, YYYY-MM-DD');
      command.start = start;
    } else throw new Error(`unexpected argument ${arg}`);
  }
  if (command.out === undefined) throw new Error('give --out FILE');
  return command as Command;
}

function wholeNumber(name: string, text: string, low: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < low || value > 0xffffffff) throw new Error(`${name} should be a whole number ≥ ${low}`);
  return value;
}

/** Writes lines to a file, gzipped when its name ends in `.gz` (a year of visits is some 20 MB of text). */
function write(file: string, lines: string[]): void {
  const text = `${lines.join('\n')}\n`;
  writeFileSync(file, file.endsWith('.gz') ? gzipSync(text) : text);
}

function main(): void {
  let command: Command;
  try {
    command = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { person, records } = generatePersona(command);
  const truth = truthPathOf(command.out);
  write(command.out, records.map((record) => JSON.stringify(record.visit)));
  write(truth, records.map((record) => record.probability.toPrecision(6)));
  const oracle = oracleFigures(records);
  process.stdout.write(`${JSON.stringify({
    out: command.out, truth, seed: command.seed, days: command.days, visits: records.length,
    occupation: person.occupation, sites: new Set(records.map((record) => record.visit.host)).size,
    engagedRate: oracle.engagedRate, meanProbability: oracle.meanProbability,
    oracle: { auc: oracle.auc, logLoss: oracle.logLoss },
  })}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`persona: ${(error as Error).message}\n`);
  process.exit(1);
}
