// Hostile model files: thousands of corrupt, cut, oversized and type-confused model files, made
// from real exported models (float32 and compact), go through the real import request of each
// browser's background. Every one must be refused with a sentence a person can read, or be a
// valid file; none may change the model, stop the background, or leave a model that then fails.
// Then hostile data files, made from the browser's data export (hostile-data-files.ts).
import type { Page } from 'puppeteer-core';
import { ExtensionBrowser, sleep, until, type BrowserName } from '../browser/launch';
import { startSite } from '../sites/test-site';
import { exportHash, importBatch, type CaseResult } from './import-batch';
import { buildModelFile } from './model-file-build';
import { hostileCases, trainedModelFile } from './model-file-cases';
import type { Figures, ProofContext, ProofSection } from './section';
import { watchBackgroundErrors } from './background-errors';
import { isClearMessage } from './clear-message';
import { DATA_FILE_ZERO, tryDataFiles } from './hostile-data-files';

const SEED = 20_250_601;
const BATCH = 25;
const HASH_EVERY = 100;
const TIMEOUT_MS = 20_000;

export const hostileFiles: ProofSection = {
  name: 'hostile-files',
  zero: ['changedModel', 'crashes', 'unclearErrors', 'acceptedButBroken', ...DATA_FILE_ZERO],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = await tryFiles(name, context);
    return figures;
  },
};

async function tryFiles(name: BrowserName, context: ProofContext): Promise<Figures> {
  const started = Date.now();
  const count = context.scale === 'full' ? 1_000 : 150;
  const tabula = await ExtensionBrowser.launch(name);
  const errors = await watchBackgroundErrors(tabula);
  try {
    const bases = await prepareBases(tabula);
    let page = await preparePage(tabula, bases);
    const baselineHash = await page.evaluate(exportHash, TIMEOUT_MS);
    const roundTripExact = baselineHash === bases.hashOfOwn;
    const cases = hostileCases(bases.files, count, SEED);
    const tally = { casesTried: 0, rejectedClearly: 0, accepted: 0, unclearErrors: 0, changedModel: 0, crashes: 0,
      acceptedButBroken: 0, previewDisagrees: 0, refusedInTransit: 0, exportChecks: 0, exportChanged: 0 };
    const times: number[] = [];
    let notBuilt = 0;
    const note = (what: string, result: CaseResult) =>
      context.log(`${name}: ${what} in case ${result.id} (${cases[result.id].kind}): ${JSON.stringify(cases[result.id].mutations).slice(0, 300)} → ${result.message?.slice(0, 200) ?? result.broken ?? ''}`);
    for (let next = 0; next < cases.length;) {
      let results: CaseResult[];
      try {
        // As JSON text, the way a file arrives: own "__proto__" keys stay keys, and no driver has to serialize them.
        results = await page.evaluate(importBatch, JSON.stringify(cases.slice(next, next + BATCH)), { timeoutMs: TIMEOUT_MS, previewEvery: 10 });
      } catch (error) {
        tally.crashes++; // the page died or the evaluation threw: note it, start a fresh page, go on
        context.log(`${name}: the page failed at case ${next}: ${(error as Error).message.slice(0, 200)}`);
        next++;
        page = await preparePage(tabula, bases);
        continue;
      }
      for (const result of results) {
        if (result.outcome === 'not-built') {
          notBuilt++; // the builder's own failure: not a file Tabula saw
          continue;
        }
        tally.casesTried++;
        times.push(result.ms);
        if (result.outcome === 'accepted') tally.accepted++;
        else if (result.outcome === 'no-answer') {
          tally.crashes++;
          note('no answer', result);
        } else if (isClearMessage(result.message)) tally.rejectedClearly++;
        else {
          tally.unclearErrors++;
          note('unclear error', result);
        }
        if (result.outcome === 'transit') tally.refusedInTransit++;
        if (result.changed) {
          tally.changedModel++;
          note('model changed', result);
        }
        if (result.broken || result.restoreFailed) {
          tally.acceptedButBroken++;
          note(`accepted, then broken (${result.restoreFailed ?? ''})`, result);
        }
        if (result.preview && result.preview !== result.outcome) {
          tally.previewDisagrees++;
          note(`preview ${result.preview}, import ${result.outcome}`, result);
        }
      }
      next += Math.max(results.length, 1);
      if (results.at(-1)?.outcome === 'no-answer') await sleep(2_000); // give a stopped background time to come back
      const checkNow = Math.floor(next / HASH_EVERY) > Math.floor((next - results.length) / HASH_EVERY) || next >= cases.length;
      if (checkNow) {
        tally.exportChecks++;
        if ((await page.evaluate(exportHash, TIMEOUT_MS)) !== baselineHash) {
          tally.exportChanged++;
          tally.changedModel++;
          context.log(`${name}: the exported model differs from the original after case ${next - 1}`);
        }
      }
      if (next % 500 < BATCH) context.log(`${name}: ${next} of ${cases.length} files tried`);
    }
    const dataFiles = await tryDataFiles(tabula, name, context);
    tally.crashes += errors.count();
    times.sort((a, b) => a - b);
    return {
      ...tally,
      backgroundExceptions: errors.measured ? errors.count() : null,
      notBuilt,
      roundTripExact,
      medianCaseMs: Math.round(times[times.length >> 1] ?? 0),
      slowestCaseMs: Math.round(times.at(-1) ?? 0),
      seconds: Math.round((Date.now() - started) / 100) / 10,
      dataFiles,
    };
  } finally {
    await errors.stop();
    await tabula.close();
  }
}

/** The base files, the browser's own model first (the one put back after a file that was accepted). */
interface Bases { own: unknown; files: unknown[]; hashOfOwn: string }

/**
 * The files every case starts from, as the browser exports them: the browser's own model after
 * a few pages (switched to the small size, so that thousands of files go through in minutes), a
 * model trained on a made-up life, with a full dictionary, several sites and a learning curve, and
 * the browser's own model as a compact file.
 */
async function prepareBases(tabula: ExtensionBrowser): Promise<Bases> {
  const site = await startSite();
  try {
    const tab = await tabula.browser.newPage();
    // Each page stays half a second: the content script starts once a page has loaded, a moment
    // after `goto` returns, and a page left before it starts is no visit (as on a busy machine).
    for (const path of ['/article/1', '/article/2', '/video', '/search', '/long']) {
      await tab.goto(site.origin + path);
      await sleep(500);
    }
    await tab.goto('about:blank'); // leaving the page finishes its visit (closing the tab does not, in Firefox)
    // Every visit finished and learned before the baseline is taken, so that nothing is learned later.
    await until(async () => {
      const { visits } = await tabula.call('data/visits', { limit: 50 });
      return visits.length >= 5 && visits.every((visit) => visit.seq !== undefined);
    }, 20_000, 'the visits to be finished');
    await tab.close();
  } finally {
    await site.close();
  }
  await tabula.call('model/play', { learningRate: 0.05, size: 'small' });
  const own = await tabula.call('model/export', {});
  await tabula.call('model/import', { file: trainedModelFile() });
  const trained = await tabula.call('model/export', {});
  await tabula.call('model/import', { file: own });
  const compact = await tabula.call('model/export', { compact: true });
  const { createHash } = await import('node:crypto');
  return { own, files: [own, trained, compact], hashOfOwn: createHash('sha256').update(JSON.stringify(own)).digest('hex') };
}

/** An extension page holding the builder, the base files and the baseline overview. */
async function preparePage(tabula: ExtensionBrowser, bases: Bases): Promise<Page> {
  const page = await tabula.openExtensionPage('popup.html');
  // Bundlers may wrap functions in a naming helper; the page needs it too.
  await page.evaluate(`globalThis.__name = (target) => target; globalThis.buildModelFile = ${buildModelFile.toString()};`);
  const overview = await tabula.call('model/overview', {});
  await page.evaluate((files: unknown[], baseline: unknown) => {
    Object.assign(globalThis, { hostileBases: files, hostileBaseline: baseline });
  }, bases.files, { createdAt: overview.createdAt, updatedAt: overview.updatedAt, visitsLearned: overview.visitsLearned });
  return page;
}
