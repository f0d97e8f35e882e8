// Speed in the browser: background wake → first answer, the background's memory after learning
// 10,000 visits, and the size of the extension's JavaScript. (The content script's cost per page
// load and the popup's time to predictions have sections of their own: page-cost, popup-speed.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, ExtensionBrowser, sleep, type BrowserName } from '../browser/launch';
import type { Figures, ProofContext, ProofSection } from './section';

export const speed: ProofSection = {
  name: 'speed',
  zero: [],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = { extensionJs: javascriptSize() };
    for (const name of context.browsers) figures[name] = await measure(name, context);
    return figures;
  },
};

async function measure(name: BrowserName, context: ProofContext): Promise<Figures> {
  const idleTimeoutMs = name === 'firefox' ? 1_000 : undefined;
  const tabula = await ExtensionBrowser.launch(name, { idleTimeoutMs });
  try {
    const visits = context.scale === 'full' ? 10_000 : 1_000;
    await tabula.call('background/status', {});
    const wakeMs: number[] = [];
    for (let i = 0; i < (context.scale === 'full' ? 5 : 2); i++) {
      await tabula.stopBackground();
      const start = performance.now();
      await tabula.call('background/status', {});
      wakeMs.push(performance.now() - start);
    }
    await writeVisits(tabula, visits);
    const learnStart = performance.now();
    const overview = await tabula.call('model/overview', {}).catch((e) => { throw new Error('overview: ' + e.message); });
    const learnMs = performance.now() - learnStart;
    const backgroundMemoryMB = name === 'chromium' ? await workerMemoryMB(tabula) : 'not measurable over WebDriver BiDi';
    await tabula.stopBackground();
    const predictStart = performance.now();
    await tabula.call('tab/predict', {}).catch((e) => { throw new Error('predict: ' + e.message); });
    const wakeToPredictionMs = performance.now() - predictStart;
    return {
      wakeToFirstAnswerMs: median(wakeMs),
      wakeToPredictionWithModelMs: round(wakeToPredictionMs),
      visitsWritten: visits,
      visitsLearned: overview.visitsLearned,
      learnAllMs: round(learnMs),
      backgroundMemoryMB,
    };
  } finally {
    await tabula.close();
  }
}

/** Writes finished visits straight into the extension's database, as if browsed over months. */
async function writeVisits(tabula: ExtensionBrowser, count: number): Promise<void> {
  const page = await tabula.openExtensionPage('popup.html');
  await page.evaluate(async (count: number) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const request = indexedDB.open('tabula');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const hosts = ['news.example', 'code.example', 'mail.example', 'video.example', 'shop.example', 'docs.example', 'wiki.example'];
    const start = Date.now() - count * 120_000;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('visits', 'readwrite');
      for (let i = 0; i < count; i++) {
        const host = hosts[(i * 7 + (i >> 3)) % hosts.length];
        const at = start + i * 120_000;
        tx.objectStore('visits').put({
          url: `https://${host}/p/${i % 50}`, host, path: `/p/${i % 50}`, title: `Page ${i % 50} of ${host}`, description: '', lang: 'en',
          kind: 'article', words: 500, links: 20, images: 2, videos: 0, referrerHost: '', activeMs: (i % 9) * 8_000, scrollDepth: (i % 5) / 5,
          clicks: i % 4, keys: 0, selections: 0, mediaMs: 0, startedAt: at, endedAt: at + 90_000, source: 'page', key: `speed-${i}`, seq: i + 1,
        });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
  await page.close();
}

/** The worker's JavaScript heap plus the array buffers it holds (the weights live there), after a GC. */
async function workerMemoryMB(tabula: ExtensionBrowser): Promise<Figures> {
  await sleep(200);
  const target = await tabula.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(tabula.origin));
  const session = await target.createCDPSession();
  await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number };
  await session.detach();
  const mb = (bytes = 0) => round(bytes / 1_048_576);
  return { jsHeap: mb(usage.usedSize), arrayBuffers: mb(usage.backingStorageSize), total: mb(usage.usedSize + (usage.backingStorageSize ?? 0)) };
}

/** Every JavaScript file of dist/, and gzipped, in KB; the content script apart. */
function javascriptSize(): Figures {
  const files: string[] = [];
  const walk = (dir: string) => readdirSync(dir).forEach((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.js') && files.push(join(dir, f))));
  walk(DIST);
  const kb = (bytes: number) => round(bytes / 1024);
  const content = readFileSync(join(DIST, 'content.js'));
  return {
    totalKB: kb(files.reduce((sum, f) => sum + statSync(f).size, 0)),
    totalGzipKB: kb(files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0)),
    contentScriptKB: kb(content.length),
    contentScriptGzipKB: kb(gzipSync(content).length),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)]);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
