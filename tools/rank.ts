// `npm run rank -- --model FILE PAGES.jsonl [--json] [--at ISO-TIME] [--reasons N]`: ranks
// candidate pages (lines of the visit-log format; their page fields) by a model file's predicted
// engagement and active time, best first, with the top reasons of each (tools/rank-pages.ts).
// Text by default; --json writes one JSON object a line.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { MAX_MODEL_FILE_CHARS } from '../model/file-limits';
import { decodeModelFile, ModelFileError } from '../model/serialize';
import type { PageFeatures } from '../model/visit';
import { pageText, parsePageLine, rankPages } from './rank-pages';
import { VisitLogError } from './visit-log';

const USAGE = 'usage: npm run rank -- --model FILE PAGES.jsonl [--json] [--at 2026-12-03T09:00] [--reasons 3]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let model: string | undefined;
  let pagesFile: string | undefined;
  let json = false;
  let at = Date.now();
  let reasons = 3;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => args[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--model') model = value();
    else if (arg === '--json') json = true;
    else if (arg === '--at') at = Date.parse(value());
    else if (arg === '--reasons') reasons = Number(value());
    else if (arg.startsWith('--') || pagesFile !== undefined) fail(`unexpected argument ${arg}`);
    else pagesFile = arg;
  }
  if (model === undefined || pagesFile === undefined) fail('give a model file (--model) and a file of pages');
  if (!Number.isFinite(at)) fail('--at should be a date and time, like 2026-12-03T09:00');
  if (!Number.isInteger(reasons) || reasons < 0 || reasons > 50) fail('--reasons should be a whole number from 0 to 50');
  if (statSync(model).size > MAX_MODEL_FILE_CHARS) fail(`${model} is larger than any Tabula model file (${MAX_MODEL_FILE_CHARS / 2 ** 20} MB)`);
  const learner = decodeModelFile(readFileSync(model, 'utf8'));
  const pages: (PageFeatures & { startedAt: number })[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(pagesFile), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() !== '') pages.push(parsePageLine(line, lineNumber, at));
  }
  for (const page of rankPages(learner, pages, reasons)) process.stdout.write(`${json ? JSON.stringify(page) : pageText(page)}\n`);
}

function fail(message: string): never {
  process.stderr.write(`rank: ${message}\n${USAGE}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  const known = error instanceof ModelFileError || error instanceof VisitLogError || (error as NodeJS.ErrnoException).code === 'ENOENT';
  process.stderr.write(`rank: ${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(1);
});
