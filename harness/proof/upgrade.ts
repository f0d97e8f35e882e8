// Upgrade: a database written by the previous schema version (1) — visits, events, settings and
// a model checkpoint of model version 3 — is opened by the current extension with nothing lost:
// the same visits, the same settings, the same model weights (with version 4's table of which site
// follows which, empty), and new visits learned after the old ones.
import { encodeModelFile, Learner } from '../../model/index';
import type { Visit } from '../../model/visit';
import type * as DatabaseModule from '../../extension/storage/db';
import { ExtensionBrowser, until, type BrowserName } from '../browser/launch';
import { loadModule } from '../browser/page-module';
import { asVersionThree } from '../older-model-versions';
import { startSite } from '../sites/test-site';
import type { Figures, ProofContext, ProofSection } from './section';

export const upgrade: ProofSection = {
  name: 'upgrade',
  zero: ['visitsLost', 'eventsLost', 'settingsLost', 'modelChanged', 'newVisitNotLearned'],
  async run(context: ProofContext): Promise<Figures> {
    const figures: Figures = {};
    for (const name of context.browsers) figures[name] = await upgradeIn(name, context.scale === 'full' ? 2_000 : 200);
    return figures;
  },
};

function oldVisits(count: number): (Visit & { key: string; seq: number })[] {
  const hosts = ['news.example', 'code.example', 'docs.example', 'video.example'];
  const start = Date.now() - count * 600_000;
  return Array.from({ length: count }, (_, i) => {
    const host = hosts[(i * 3 + (i >> 2)) % hosts.length];
    const at = start + i * 600_000;
    return {
      url: `https://${host}/p/${i % 20}`, host, path: `/p/${i % 20}`, title: `Page ${i % 20} on ${host}`, description: '', lang: 'en', kind: 'article',
      words: 400, links: 10, images: 1, videos: 0, referrerHost: '', activeMs: (i % 7) * 9_000, scrollDepth: (i % 4) / 4, clicks: i % 3,
      keys: 0, selections: 0, mediaMs: 0, startedAt: at, endedAt: at + 120_000, source: 'page', key: `old-visit-${i}`, seq: i + 1,
    };
  });
}

/**
 * A learner's snapshot as model version 3 stored it (no table of which site follows which), as
 * JSON: typed arrays become tagged number lists, revived in the page as the same kind of array (a
 * checkpoint that does not restore would be relearned from the visits instead).
 */
function versionThreeSnapshotJson(learner: Learner): string {
  return JSON.stringify(asVersionThree(learner.snapshot(), 'modelVersion'), (_, value) => {
    if (value instanceof Float32Array) return { f32: Array.from(value) };
    if (value instanceof Float64Array) return { f64: Array.from(value) };
    if (value instanceof Uint8Array) return { u8: Array.from(value) };
    return value;
  });
}

async function upgradeIn(name: BrowserName, count: number): Promise<Figures> {
  const visits = oldVisits(count);
  const learner = Learner.create();
  for (const visit of visits) learner.observe(visit);
  learner.net.next.transition.value.fill(0); // version 3 had none: it comes back empty
  const expectedWeights = JSON.stringify(encodeModelFile(learner).weights);
  const tabula = await ExtensionBrowser.launch(name);
  const site = await startSite();
  try {
    const page = await tabula.openExtensionPage('popup.html?upgrade');
    // Schema version 1, made by db.ts's own upgrade stopped at version 1, before the background opens the database.
    await loadModule(page, 'extension/storage/db.ts', 'tabulaDatabase');
    const written = await page.evaluate(async (visitsJson: string, snapshot: string) => {
      const { open } = (globalThis as unknown as { tabulaDatabase: typeof DatabaseModule }).tabulaDatabase;
      indexedDB.deleteDatabase('tabula');
      const db = await open('tabula', 1);
      const old = JSON.parse(visitsJson) as any[];
      const tx = db.transaction(['visits', 'events', 'model', 'settings'], 'readwrite');
      for (const visit of old) {
        void tx.objectStore('visits').put(visit);
        void tx.objectStore('events').add({ visitKey: visit.key, host: visit.host, at: visit.endedAt, activeMs: visit.activeMs, scrollDepth: visit.scrollDepth, clicks: visit.clicks, keys: 0, selections: 0, mediaMs: 0 });
      }
      const revived = JSON.parse(snapshot, (_: string, value: any) => {
        if (value && Array.isArray(value.f32)) return new Float32Array(value.f32);
        if (value && Array.isArray(value.f64)) return new Float64Array(value.f64);
        if (value && Array.isArray(value.u8)) return new Uint8Array(value.u8);
        return value;
      });
      void tx.objectStore('model').put({ snapshot: revived, lastSeq: old.length, savedAt: Date.now() }, 'checkpoint');
      void tx.objectStore('settings').put({ paused: false, excluded: ['kept.example'], visitRetentionDays: 3650, eventRetentionDays: 3650, historyImport: false }, 'settings');
      await tx.done;
      const version = db.version;
      db.close();
      return version;
    }, JSON.stringify(visits), versionThreeSnapshotJson(learner));
    await page.close();
    // A background that started with the browser holds the empty database's model in memory:
    // start again, so that the background wakes to the old database as after an update.
    await tabula.relaunch();

    // The background opens it now, at the current version.
    const exported = await tabula.call('data/export', {});
    const settings = await tabula.call('settings/get', {});
    const model = await tabula.call('model/export', {});
    const overview = await tabula.call('model/overview', {});
    const events = await eventCount(tabula);
    const keptKeys = new Set(exported.visits.map((v) => v.key));

    // A new visit after the upgrade is learned after the old ones.
    const tab = await tabula.browser.newPage();
    await tab.goto(`${site.origin}/article/77`);
    await tab.close();
    await until(async () => (await tabula.call('model/overview', {})).visitsLearned === count + 1, 20_000, 'the new visit to be learned').catch(() => undefined);
    const after = await tabula.call('model/overview', {});
    const newest = (await tabula.call('data/export', {})).visits.find((v) => v.url === `${site.origin}/article/77`);
    return {
      writtenAtVersion: written,
      visitsBefore: count,
      visitsLost: visits.filter((v) => !keptKeys.has(v.key)).length,
      eventsLost: count - events,
      settingsLost: settings.excluded.includes('kept.example') && settings.visitRetentionDays === 3650 ? 0 : 1,
      modelChanged: JSON.stringify(model.weights) === expectedWeights && overview.visitsLearned === count ? 0 : 1,
      newVisitSeq: newest?.seq ?? -1,
      newVisitNotLearned: after.visitsLearned === count + 1 && newest?.seq === count + 1 ? 0 : 1,
    };
  } finally {
    await tabula.close();
    await site.close();
  }
}

async function eventCount(tabula: ExtensionBrowser): Promise<number> {
  const page = await tabula.openExtensionPage('popup.html?count');
  const count = await page.evaluate(() => new Promise<number>((resolve, reject) => {
    const request = indexedDB.open('tabula');
    request.onsuccess = () => {
      const counting = request.result.transaction('events').objectStore('events').count();
      counting.onsuccess = () => { resolve(counting.result); request.result.close(); };
      counting.onerror = () => reject(counting.error);
    };
    request.onerror = () => reject(request.error);
  }));
  await page.close();
  return count;
}
