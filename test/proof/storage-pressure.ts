// Storage pressure: pages are browsed, then Tabula's storage quota is filled to the brim, and
// browsing goes on. Whatever no longer fits, the visits stored before and the model must stay, the
// user must be told, and recording must resume once space is freed.
//
// Firefox: the real extension under a small global limit (dom.quotaManager.temporaryStorage.fixedLimit).
// Chromium: the manifest's "unlimitedStorage" exempts the extension from any quota, even one set over
// CDP (measured: `shippedBuild`); so the pressure runs on a copy of the built extension without that
// one permission, whose IndexedDB then meets a real quota (Storage.overrideQuotaForOrigin).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { DIST, ExtensionBrowser, sleep, type BrowserName } from '../browser/launch';
import { startSite } from '../browser/server';
import type { Figures, ProofContext, ProofSection } from './section';
import { emptyStorage, fillStorage } from './storage-fill';
import { browsePages, finishedVisits, readCheckpoint, waitForFinished } from './storage-visits';

const FILLER = 'tabula-proof-filler';
const LIMIT_KB = 10_240;
const CHROMIUM_HEADROOM = 6 << 20;
/** Room left in the nearly-full phase: enough for visits, too little for a model checkpoint. */
const NEARLY_FULL_ROOM = 256 << 10;

export const storagePressure: ProofSection = {
  name: 'storage-pressure',
  zero: ['visitsLost', 'modelLost'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = name === 'chromium' ? await chromium(context) : await firefox(context);
    return figures;
  },
};

async function firefox(context: ProofContext): Promise<Figures> {
  const tabula = await ExtensionBrowser.launch('firefox', {
    idleTimeoutMs: 2_000, firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': LIMIT_KB },
  });
  try {
    return { method: `the built extension, global storage limit ${LIMIT_KB} KB`, ...(await underPressure(tabula, context, async () => undefined)) };
  } finally {
    await tabula.close();
  }
}

async function chromium(context: ProofContext): Promise<Figures> {
  const shippedBuild = await quotaOnShippedBuild();
  const variant = mkdtempSync(join(resolve(DIST, '../.tmp'), 'dist-limited-'));
  cpSync(DIST, variant, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(variant, 'manifest.json'), 'utf8'));
  manifest.permissions = manifest.permissions.filter((permission: string) => permission !== 'unlimitedStorage');
  writeFileSync(join(variant, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const tabula = await ExtensionBrowser.launch('chromium', { extensionDir: variant });
  let quota: CDPSession | undefined;
  try {
    const limit = async (page: Page) => {
      quota = await page.createCDPSession(); // the override lasts while this session is attached
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await quota.send('Storage.overrideQuotaForOrigin', { origin: tabula.origin.replace(/\/$/, ''), quotaSize: usage + CHROMIUM_HEADROOM });
    };
    const figures = await underPressure(tabula, context, limit);
    return { shippedBuild, withoutUnlimitedStorage: { method: 'the built extension without "unlimitedStorage", CDP quota override', ...figures } };
  } finally {
    await quota?.detach().catch(() => undefined);
    await tabula.close();
    rmSync(variant, { recursive: true, force: true });
  }
}

/** Does a CDP quota override bind the extension as shipped? Fills past it and reports. */
async function quotaOnShippedBuild(): Promise<Figures> {
  const tabula = await ExtensionBrowser.launch('chromium');
  try {
    const page = await tabula.openExtensionPage('popup.html');
    const cdp = await page.createCDPSession();
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const quotaBytes = usage + (2 << 20);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: tabula.origin.replace(/\/$/, ''), quotaSize: quotaBytes });
    await page.evaluate('globalThis.__name = (target) => target');
    const filled = await page.evaluate(fillStorage, FILLER, 3 * quotaBytes);
    return { quotaBytes, reportedQuota: filled.quota, usageReached: filled.usage, enforced: filled.usage <= quotaBytes, stoppedBy: filled.stoppedBy };
  } finally {
    await tabula.close();
  }
}

async function underPressure(tabula: ExtensionBrowser, context: ProofContext, limit: (page: Page) => Promise<void>): Promise<Figures> {
  const started = Date.now();
  const pageCount = context.scale === 'full' ? 40 : 6;
  const site = await startSite();
  const log = (line: string) => context.log(`${tabula.name}: ${line}`);
  const failures: string[] = [];
  const attempt = async <T>(what: string, request: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await request();
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
      return undefined;
    }
  };
  let nextPage = 1;
  /** Browses fresh pages, then counts how many were stored and which of the popup's requests failed. */
  const phase = async (label: string, waitMs: number) => {
    const paths = Array.from({ length: pageCount }, () => `/article/${nextPage++}`);
    await browsePages(tab, site, paths);
    await waitForFinished(tabula, site, paths, waitMs).catch(() => undefined); // under pressure some never fit
    const { byUrl } = await finishedVisits(tabula);
    const failedBefore = failures.length;
    for (const type of ['model/overview', 'tab/predict', 'model/insights', 'data/visits'] as const) {
      await attempt(`${type} (${label})`, () => tabula.call(type, {}));
    }
    return { pages: paths.length, visitsStored: paths.filter((path) => byUrl.has(site.origin + path)).length, requestsFailed: failures.length - failedBefore };
  };
  const tab = await tabula.browser.newPage();
  try {
    const normal = await phase('before', 20_000);
    await sleep(2_500); // past the background's batched checkpoint save
    const before = await finishedVisits(tabula);
    const filler = await tabula.openExtensionPage('popup.html');
    await filler.evaluate('globalThis.__name = (target) => target');
    const checkpointBefore = await filler.evaluate(readCheckpoint);

    // Nearly full: room for a few visits, not for a checkpoint of the model. Then full to the brim.
    await limit(filler);
    const room = await filler.evaluate(async () => navigator.storage.estimate());
    const nearly = await filler.evaluate(fillStorage, FILLER, (room.quota ?? 0) - (room.usage ?? 0) - NEARLY_FULL_ROOM);
    log(`nearly full: ${nearly.bytes} bytes of blobs, usage ${nearly.usage} of ${nearly.quota}`);
    const nearlyFull = await phase('nearly full', 4_000);
    const filled = await filler.evaluate(fillStorage, FILLER, 256 << 20);
    log(`full: ${nearly.bytes + filled.bytes} bytes of blobs, usage ${filled.usage} of ${filled.quota}, stopped by ${filled.stoppedBy}`);
    const fullPhase = await phase('full', 4_000);
    const status = await tabula.call('background/status', {});
    const firstScreen = await popupFirstScreen(tabula);

    // What is stored, not what the background holds in memory: restart it, then read the checkpoint.
    await tabula.stopBackground();
    const overviewAfterRestart = await attempt('model/overview after a restart', () => tabula.call('model/overview', {}));
    const checkpointAfter = await filler.evaluate(readCheckpoint);
    const afterRestart = await finishedVisits(tabula);
    const visitsLost = [...before.ids].filter((id) => !afterRestart.ids.has(id)).length;
    const modelLost = !checkpointAfter || !checkpointBefore || checkpointAfter.createdAt !== checkpointBefore.createdAt
      || checkpointAfter.visitsLearned < checkpointBefore.visitsLearned ? 1 : 0;

    const fillerDeleted = await filler.evaluate(emptyStorage, FILLER);
    const freed = await phase('after freeing space', 8_000);
    await filler.close();
    for (const failure of failures.slice(0, 8)) log(`request failed: ${failure}`);
    return {
      quotaBytes: filled.quota,
      fillerBytes: nearly.bytes + filled.bytes,
      before: normal,
      nearlyFull,
      full: fullPhase,
      eventsPruned: status.eventsPruned,
      errorsSurfaced: status.storageFullAt > 0 ? 1 : 0,
      ...firstScreen,
      visitsLost,
      modelLost,
      checkpointVisitsBefore: checkpointBefore?.visitsLearned ?? null,
      checkpointVisitsAfterRestart: checkpointAfter?.visitsLearned ?? null,
      modelReadableAfterRestart: overviewAfterRestart !== undefined,
      fillerDeleted,
      afterFreeing: freed,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
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
