// Hostile data files, in the hostile-files section: hundreds of files made from a browser's own
// data export (data-file-cases.ts) go through the real import requests of its background. Each
// must be refused with a sentence that names its bad lines, leaving every stored visit and
// setting as it was, or be imported without losing or altering a visit stored before.
import { dataFileText } from '../../extension/data-file';
import type { BrowserName, ExtensionBrowser } from '../browser/launch';
import { isClearMessage } from './clear-message';
import { dataFileCases } from './data-file-cases';
import { dataImportBatch, type DataCaseResult } from './data-import-batch';
import type { Figures, ProofContext } from './section';

const SEED = 20_261_203;
const BATCH = 20;
const TIMEOUT_MS = 30_000;
/** Lines a part, as the popup sends them (popup/data-file-io.ts sends 2,000; fewer here, so that files of a few lines come in several parts too). */
const LINES_PER_PART = 3;
/** The longest refusal: 20 bad lines named, each with what is wrong. */
const LONGEST_REFUSAL = 8_000;

/** The figures whose names must be 0 (besides `crashes` and `unclearErrors`, shared with model files). */
export const DATA_FILE_ZERO = ['changedStoredData', 'lostStoredVisits', 'refusedWithoutLines'];

export async function tryDataFiles(tabula: ExtensionBrowser, name: BrowserName, context: ProofContext): Promise<Figures> {
  const started = Date.now();
  const base = dataFileText(await tabula.call('data/export', {})).trimEnd().split('\n');
  const cases = dataFileCases(base, context.scale === 'full' ? 500 : 80, SEED);
  const tally = { casesTried: 0, refusedClearly: 0, refusedWithoutLines: 0, imported: 0, unclearErrors: 0, changedStoredData: 0, lostStoredVisits: 0, crashes: 0 };
  const note = (what: string, result: DataCaseResult) =>
    context.log(`${name}: data file ${what} in case ${result.id} (${cases[result.id].kind}): ${result.message?.slice(0, 300) ?? ''}`);
  let page = await openPage(tabula);
  try {
    for (let next = 0; next < cases.length;) {
      let results: DataCaseResult[];
      try {
        results = await page.evaluate(dataImportBatch, JSON.stringify(cases.slice(next, next + BATCH)), { timeoutMs: TIMEOUT_MS, linesPerPart: LINES_PER_PART });
      } catch (error) {
        tally.crashes++;
        context.log(`${name}: the page failed at data file ${next}: ${(error as Error).message.slice(0, 200)}`);
        next++;
        await page.close().catch(() => undefined);
        page = await openPage(tabula);
        continue;
      }
      for (const result of results) tallyCase(result, tally, note);
      next += Math.max(results.length, 1);
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return { ...tally, baseLines: base.length, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

async function openPage(tabula: ExtensionBrowser) {
  const page = await tabula.openExtensionPage('popup.html');
  // Bundlers may wrap functions in a naming helper (tsx does); the page needs it too.
  await page.evaluate('globalThis.__name = (target) => target;');
  return page;
}

function tallyCase(result: DataCaseResult, tally: Record<string, number>, note: (what: string, result: DataCaseResult) => void): void {
  tally.casesTried++;
  if (result.outcome === 'imported') tally.imported++;
  else if (result.outcome === 'no-answer' || result.outcome === 'transit') {
    tally.crashes++;
    note(result.outcome, result);
  } else if (!isClearMessage(result.message, LONGEST_REFUSAL)) {
    tally.unclearErrors++;
    note('unclear error', result);
  } else {
    tally.refusedClearly++;
    if (!namesItsLines(result.message!)) {
      tally.refusedWithoutLines++;
      note('refusal naming no line', result);
    }
  }
  if (result.changed) {
    tally.changedStoredData++;
    note('stored data changed', result);
  }
  if (result.lost > 0) {
    tally.lostStoredVisits += result.lost;
    note(`${result.lost} stored visits lost`, result);
  }
}

/** A refusal names the lines at fault, unless it is of the whole file (its size) rather than of lines. */
function namesItsLines(message: string): boolean {
  return /\bline [\d,]+: /.test(message) || /more than [\d,]+ MB of text/.test(message);
}
