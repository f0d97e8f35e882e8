// Storage pressure: pages are browsed, then Tabula's storage quota is filled to the brim, and
// browsing goes on. Whatever no longer fits, the visits stored before and the model must stay, the
// user must be told, and recording must resume once space is freed.
//
// Firefox: the real extension under a small global limit (dom.quotaManager.temporaryStorage.fixedLimit),
// filled by blobs in a database of their own.
// Chromium: the manifest's "unlimitedStorage" exempts the extension from any quota, even one set over
// CDP (measured: `shippedBuild`); so the pressure runs on a copy of the built extension without that
// one permission, whose IndexedDB then meets a real quota (Storage.overrideQuotaForOrigin, set at launch).
// In both, the same filler takes the room.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { DIST, ExtensionBrowser } from '../browser/launch';
import type { Figures, ProofContext, ProofSection } from './section';
import { fillStorage, FILLER } from './storage-fill';
import { underPressure, type Room } from './pressure-run';

const LIMIT_KB = 10_240;
/**
 * Chromium's quota for the extension, over what it uses at launch. Set once, before Tabula's first
 * write: a quota lowered after its database is in use was not enforced here.
 */
const CHROMIUM_ROOM = 6 << 20;

export const storagePressure: ProofSection = {
  name: 'storage-pressure',
  zero: ['visitsLost', 'modelLost', 'requestsFailed'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = name === 'chromium' ? await chromium(context) : await firefox(context);
    return figures;
  },
};

async function firefox(context: ProofContext): Promise<Figures> {
  const tabula = await ExtensionBrowser.launch('firefox', {
    idleTimeoutMs: 6_000, firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': LIMIT_KB },
  });
  try {
    const limit = async (page: Page): Promise<Room> => () => page.evaluate(async () => {
      const { usage = 0, quota = 0 } = await navigator.storage.estimate();
      return { usage, quota };
    });
    return { method: `the built extension, global storage limit ${LIMIT_KB} KB`, ...(await underPressure(tabula, context, limit)) };
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
    const origin = tabula.origin.replace(/\/$/, '');
    const limit = async (page: Page): Promise<Room> => {
      const session = await page.createCDPSession(); // the override lasts while this session is attached
      quota = session;
      const { usage } = await session.send('Storage.getUsageAndQuota', { origin });
      await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + CHROMIUM_ROOM });
      // navigator.storage.estimate() does not show the override to this origin (it is enforced all the same).
      return () => session.send('Storage.getUsageAndQuota', { origin });
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
