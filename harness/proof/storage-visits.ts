// Browsing for the storage-pressure section, and reading back which visits Tabula has finished.
import type { Page } from 'puppeteer-core';
import { until, type ExtensionBrowser } from '../browser/launch';
import type { TestSite } from '../sites/test-site';
import type { StoredVisit } from '../../extension/contract-types';

/**
 * Opens each path in the tab with a click on the page, then the home page, which ends the last
 * visit. Chromium now and then detaches a tab's frame from the driver; the page is then opened
 * again in a fresh tab, which is returned (the caller carries on with it).
 */
export async function browsePages(tab: Page, site: TestSite, paths: string[], onNewTab?: (reason: string) => void): Promise<Page> {
  await tab.bringToFront(); // clicks in a tab behind an extension page never finish
  for (const path of [...paths, '/']) {
    try {
      await tab.goto(site.origin + path);
    } catch (error) {
      onNewTab?.((error as Error).message);
      tab = await tab.browser().newPage();
      await tab.bringToFront();
      await tab.goto(site.origin + path);
    }
    if (path !== '/') await tab.click('#like').catch(() => undefined);
  }
  return tab;
}

/** Every finished visit Tabula holds, by id and by address. */
export async function finishedVisits(tabula: ExtensionBrowser): Promise<{ ids: Set<number>; byUrl: Map<string, StoredVisit> }> {
  const ids = new Set<number>();
  const byUrl = new Map<string, StoredVisit>();
  for (let offset = 0; ; offset += 200) {
    const { visits, total } = await tabula.call('data/visits', { limit: 200, offset });
    for (const visit of visits) {
      if (visit.seq === undefined) continue;
      ids.add(visit.id);
      byUrl.set(visit.url, visit);
    }
    if (visits.length === 0 || offset + visits.length >= total) break;
  }
  return { ids, byUrl };
}

/** Waits until the visits of these paths are all finished. */
export async function waitForFinished(tabula: ExtensionBrowser, site: TestSite, paths: string[], timeoutMs = 20_000): Promise<void> {
  await until(async () => {
    const { byUrl } = await finishedVisits(tabula);
    return paths.every((path) => byUrl.has(site.origin + path));
  }, timeoutMs, `the visits of ${paths.length} pages to be finished`);
}

export interface CheckpointSummary { createdAt: number; visitsLearned: number; lastSeq: number; savedAt: number }

/** The stored model checkpoint, read straight from Tabula's IndexedDB in one of its pages (null: none). */
export async function readCheckpoint(): Promise<CheckpointSummary | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('tabula');
    // Never create Tabula's database here: that would leave it without its stores.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const record = await new Promise<any>((resolve, reject) => {
      const request = db.transaction('model').objectStore('model').get('checkpoint');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!record) return null;
    return { createdAt: record.snapshot.createdAt, visitsLearned: record.snapshot.visitsLearned, lastSeq: record.lastSeq, savedAt: record.savedAt };
  } finally {
    db.close();
  }
}
