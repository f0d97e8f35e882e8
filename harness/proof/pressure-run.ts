// One storage-pressure run in a launched browser: pages browsed normally; then the quota nearly
// filled (room for visits, none for a checkpoint of the model) and filled to the brim, with
// browsing going on; the background restarted; the filler deleted and browsing resumed. A browser
// that hangs or dies under the pressure is started again on the same profile, and the losses are
// counted from what it stored all the same.
import type { Page } from 'puppeteer-core';
import { sleep, type ExtensionBrowser } from '../browser/launch';
import { startSite } from '../sites/test-site';
import type { Figures, ProofContext } from './section';
import { emptyStorage, fillStorage, FILLER } from './storage-fill';
import { browsePages, finishedVisits, readCheckpoint, waitForFinished } from './storage-visits';

/** Tabula's origin's usage and quota, as the browser enforces them. */
export type Room = () => Promise<{ usage: number; quota: number }>;

/** No fill goes past this, whatever a browser says its quota is. */
const MAX_FILL = 64 << 20;

/** Room left in the nearly-full phase: enough for visits, too little for a model checkpoint. */
const NEARLY_FULL_ROOM = 256 << 10;

export async function underPressure(tabula: ExtensionBrowser, context: ProofContext, limit: (page: Page) => Promise<Room>): Promise<Figures> {
  const started = Date.now();
  const full = context.scale === 'full';
  const pageCount = full ? 40 : 6;
  const site = await startSite();
  const log = (line: string) => context.log(`${tabula.name}: ${line}`);
  const failures: string[] = [];
  const figures: Figures = {};
  const attempt = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
      return undefined;
    }
  };
  let nextPage = 1;
  let tab = await tabula.browser.newPage();
  /** Browses fresh pages, then counts how many were stored and which of the popup's requests failed. */
  const phase = async (label: string, waitMs: number): Promise<Figures> => {
    const paths = Array.from({ length: pageCount }, () => `/article/${nextPage++}`);
    tab = await browsePages(tab, site, paths, (reason) => log(`a tab was replaced: ${reason.slice(0, 120)}`));
    await waitForFinished(tabula, site, paths, waitMs).catch(() => undefined); // under pressure some never fit
    const { byUrl } = await finishedVisits(tabula);
    const failedBefore = failures.length;
    for (const type of ['model/overview', 'tab/predict', 'model/insights', 'data/visits'] as const) {
      await attempt(`${type} (${label})`, () => tabula.call(type, {}));
    }
    return { pages: paths.length, visitsStored: paths.filter((path) => byUrl.has(site.origin + path)).length, requestsFailed: failures.length - failedBefore };
  };
  const extensionPage = async () => {
    const page = await tabula.openExtensionPage('popup.html');
    await page.evaluate('globalThis.__name = (target) => target'); // for functions that bundlers wrapped in a naming helper
    return page;
  };
  try {
    // The quota is set before Tabula first writes: a browser may keep the quota it saw then.
    let filler = await extensionPage();
    const room = await limit(filler);
    figures.before = await phase('before', 20_000);
    const before = await finishedVisits(tabula);
    // The batched save has written every visit into the checkpoint (the pressure is what is measured, not the batching).
    await tabula.call('model/overview', {});
    let checkpointBefore = await filler.evaluate(readCheckpoint);
    for (const deadline = Date.now() + 15_000; (checkpointBefore?.visitsLearned ?? 0) < before.ids.size && Date.now() < deadline;) {
      await sleep(500);
      checkpointBefore = await filler.evaluate(readCheckpoint);
    }
    /** Fills the quota until about `bytes` of room are left (0: none). */
    const leave = async (bytes: number) => {
      const { usage, quota } = await room();
      return (await filler.evaluate(fillStorage, FILLER, bytes === 0 ? MAX_FILL : Math.max(0, quota - usage - bytes))).bytes;
    };

    const pressured = async () => {
      const nearly = await leave(NEARLY_FULL_ROOM);
      const roomy = await room();
      log(`nearly full: ${nearly} bytes of blobs, usage ${roomy.usage} of ${roomy.quota}`);
      figures.nearlyFull = await phase('nearly full', 4_000);
      const filled = await leave(0);
      const probe = await filler.evaluate(fillStorage, FILLER, 64 << 10); // the quota holds: not even 1 KB more fits
      const brim = await room();
      Object.assign(figures, { quotaBytes: brim.quota, usageWhenFull: brim.usage, fillerBytes: nearly + filled, probeBytesWritten: probe.bytes });
      log(`full: ${nearly + filled} bytes of blobs, usage ${brim.usage} of ${brim.quota}, a probe of 64 KB wrote ${probe.bytes}`);
      figures.full = await phase('full', 4_000);
      const status = await tabula.call('background/status', {});
      Object.assign(figures, { eventsPruned: status.eventsPruned, errorsSurfaced: status.storageFullAt > 0 ? 1 : 0 });
      Object.assign(figures, await popupFirstScreen(tabula));
      // What is stored, not what the background holds in memory: restart it before reading back.
      await tabula.stopBackground();
      figures.modelReadableAfterRestart = (await attempt('model/overview after a restart', () => tabula.call('model/overview', {}))) !== undefined;
    };
    figures.browserFailure = null;
    const running = pressured();
    running.catch(() => undefined); // after a deadline it may still fail; that is already counted
    try {
      await Promise.race([running, sleep(full ? 600_000 : 120_000).then(() => { throw new Error('the browser did not finish the pressure phases in time'); })]);
    } catch (error) {
      figures.browserFailure = (error as Error).message.slice(0, 200);
      log(`the browser failed under pressure (${figures.browserFailure}); starting it again on the same profile`);
      await tabula.relaunchAfterFailure();
      tab = await tabula.browser.newPage();
      filler = await extensionPage();
    }

    const checkpointAfter = await filler.evaluate(readCheckpoint);
    const afterRestart = await finishedVisits(tabula);
    figures.visitsBefore = before.ids.size;
    figures.visitsLost = [...before.ids].filter((id) => !afterRestart.ids.has(id)).length;
    figures.modelLost = !checkpointAfter || !checkpointBefore || checkpointAfter.createdAt !== checkpointBefore.createdAt
      || checkpointAfter.visitsLearned < checkpointBefore.visitsLearned ? 1 : 0;
    figures.checkpointVisitsBefore = checkpointBefore?.visitsLearned ?? null;
    figures.checkpointVisitsAfter = checkpointAfter?.visitsLearned ?? null;

    figures.fillerDeleted = await filler.evaluate(emptyStorage, FILLER);
    figures.afterFreeing = await phase('after freeing space', 8_000);
    await filler.close();
    for (const failure of failures.slice(0, 8)) log(`request failed: ${failure}`);
    figures.seconds = Math.round((Date.now() - started) / 100) / 10;
    return figures;
  } finally {
    await tab.close().catch(() => undefined);
    await site.close();
  }
}

/** What the popup's first screen says: the storage warning, or the error shown in its place. */
async function popupFirstScreen(tabula: ExtensionBrowser): Promise<{ warningShown: boolean; popupError: string | null }> {
  const popup = await tabula.openExtensionPage('popup.html');
  try {
    await popup.waitForSelector('[data-ready]', { timeout: 15_000 });
    await sleep(500);
    const text = await popup.evaluate(() => document.body.innerText);
    return { warningShown: text.includes('Storage was full'), popupError: /Could not[^\n]*/.exec(text)?.[0].slice(0, 200) ?? null };
  } finally {
    await popup.close();
  }
}
