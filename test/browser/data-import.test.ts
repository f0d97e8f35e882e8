// Moving data between browsers through the popup, in each real browser: two profiles browse
// different local sites at the same time, each exports its data file ("Export stored data"),
// and each imports the other's ("Import data"). Both then hold the same visits and the same model,
// to the byte, learned in the order the visits happened, and what either exports replays in
// Node to that model. A damaged file is refused with its line named, and changes nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredVisit } from '../../extension/contract-types';
import { learningOrder } from '../../extension/storage/merge';
import { decodeModelFile, Learner } from '../../model/index';
import { browserAvailable, type BrowserName, type ExtensionBrowser, sleep, until } from '../../harness/browser/launch';
import { launchWithSites, settled, showView, siteUrl, textOf } from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';
import { largestDifference } from '../../harness/snapshot-difference';
import { replay } from '../../tools/replay-run';
import { readVisitLog } from '../../tools/visit-log';

const PAGES = 5;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`data export and import in ${name}`, () => {
    let site: TestSite;
    let files: string;
    let laptop: ExtensionBrowser;
    let phone: ExtensionBrowser;
    const exported = new Map<ExtensionBrowser, string>();

    beforeAll(async () => {
      site = await startSite();
      mkdirSync(join(import.meta.dirname, '../../.tmp'), { recursive: true });
      files = mkdtempSync(join(import.meta.dirname, '../../.tmp/data-files-'));
      [laptop, phone] = await Promise.all([launchWithSites(name), launchWithSites(name)]);
    });
    afterAll(async () => {
      await Promise.all([laptop?.close(), phone?.close()]);
      await site?.close();
      rmSync(files, { recursive: true, force: true });
    });

    it('browses different sites in two profiles at the same time', async () => {
      await Promise.all([browse(laptop, ['news.test', 'docs.test']), browse(phone, ['video.test', 'shop.test'])]);
      const [onLaptop, onPhone] = [await finishedVisits(laptop), await finishedVisits(phone)];
      expect(onLaptop).toHaveLength(PAGES);
      expect(onPhone).toHaveLength(PAGES);
      expect(onLaptop.filter((visit) => ['video.test', 'shop.test'].includes(visit.host))).toEqual([]);
    });

    it('exports each profile’s data file from the popup', async () => {
      for (const tabula of [laptop, phone]) {
        const { fileName, text } = await exportData(tabula);
        expect(fileName).toMatch(/^tabula-data-\d{4}-\d{2}-\d{2}\.jsonl$/);
        const [header, ...lines] = text.trimEnd().split('\n').map((line) => JSON.parse(line));
        expect(header).toMatchObject({ format: 'tabula-data', version: 2, visits: PAGES });
        expect(lines.map((line) => line.key).sort()).toEqual((await finishedVisits(tabula)).map((visit) => visit.key).sort());
        exported.set(tabula, text);
      }
    });

    it('refuses a damaged file, naming its line, and keeps what was stored', async () => {
      const lines = exported.get(phone)!.trimEnd().split('\n');
      lines[2] = JSON.stringify({ ...JSON.parse(lines[2]), scrollDepth: 7 });
      const before = await settledStores(laptop);
      const popup = await importData(laptop, 'damaged.jsonl', lines.join('\n'), 'was not imported');
      expect(await textOf(popup, '.import-problems')).toContain('line 3: “scrollDepth” must be a number from 0 to 1');
      expect(await laptop.databaseText(['visits', 'model'])).toBe(before);
      await popup.close();
    });

    it('imports each file into the other profile: both hold the same visits and the same model, byte for byte', async () => {
      const started = Date.now();
      for (const [from, into] of [[laptop, phone], [phone, laptop]]) {
        const popup = await importData(into, `from-${from === laptop ? 'laptop' : 'phone'}.jsonl`, exported.get(from)!, `Imported ${PAGES} visits`);
        expect(await textOf(popup, '#panel-data')).toContain(`The model relearned from ${2 * PAGES} visits`);
        await popup.close();
      }
      console.info(`${name}: both imports and relearnings took ${Date.now() - started} ms`);
      const [onLaptop, onPhone] = [await finishedVisits(laptop), await finishedVisits(phone)];
      expect(portable(onLaptop)).toEqual(portable(onPhone));
      expect(onLaptop).toHaveLength(2 * PAGES);
      // Each profile learns them in the order they happened (start, then key): its seqs follow that order.
      const inTimeOrder = [...onLaptop].sort(learningOrder).map((visit) => visit.key);
      const laptopKeys = new Set(exported.get(laptop)!.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line).key));
      const fromLaptop = inTimeOrder.map((key) => laptopKeys.has(key));
      expect(fromLaptop.slice(0, PAGES), 'the two profiles’ visits interleave in time').toContain(false);
      expect(fromLaptop.slice(0, PAGES)).toContain(true);
      expect(bySeq(onLaptop)).toEqual(inTimeOrder);
      expect(bySeq(onPhone)).toEqual(inTimeOrder);
      const [laptopModel, phoneModel] = [JSON.stringify(await laptop.call('model/export', {})), JSON.stringify(await phone.call('model/export', {}))];
      expect(laptopModel.length).toBeGreaterThan(1_000);
      expect(laptopModel === phoneModel, 'the two model files are the same bytes').toBe(true);
      // And that model is the one a fresh learner makes of the merged visits in that order.
      const merged = [...onLaptop].sort(learningOrder);
      const expected = Learner.create(decodeModelFile(JSON.parse(laptopModel)).config);
      for (const visit of merged) expected.observe(visit);
      const inBrowser = decodeModelFile(JSON.parse(laptopModel)).snapshot();
      expect(inBrowser.visitsLearned).toBe(2 * PAGES);
      expect([inBrowser.createdAt, inBrowser.updatedAt]).toEqual([merged[0].startedAt, merged.at(-1)!.endedAt]);
      expect(largestDifference(inBrowser, expected.snapshot())).toBeLessThanOrEqual(1e-6);
    });

    it('exports the same visit lines from both profiles now, which replay in Node to their model', async () => {
      const [fromLaptop, fromPhone] = [(await exportData(laptop)).text, (await exportData(phone)).text];
      expect(fromLaptop.split('\n').slice(1)).toEqual(fromPhone.split('\n').slice(1));
      const file = join(files, 'merged.jsonl');
      writeFileSync(file, fromLaptop);
      const { learner } = await replay(readVisitLog(file), { source: 'merged.jsonl' });
      const inBrowser = decodeModelFile(await laptop.call('model/export', {})).snapshot();
      expect(learner.visitsLearned).toBe(2 * PAGES);
      expect(largestDifference(inBrowser, learner.snapshot())).toBeLessThanOrEqual(1e-6);
    });

    /** Browses PAGES pages of these sites in one tab, clicking on some, then closes it (which finishes the last visit). */
    async function browse(tabula: ExtensionBrowser, hosts: string[]): Promise<void> {
      await tabula.call('settings/get', {}); // opens the control page first, so that it is not the browsing tab
      const tab = await tabula.browser.newPage();
      await tab.bringToFront();
      for (let i = 0; i < PAGES; i++) {
        await tab.goto(siteUrl(site, hosts[i % hosts.length], `/article/${10 + i}`));
        if (i % 2 === 0) await tab.click('#like');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await tab.close();
      await until(async () => (await finishedVisits(tabula)).length >= PAGES, 20_000, 'the visits to finish');
      await until(async () => (await tabula.call('model/overview', {})).visitsLearned >= PAGES, 20_000, 'the visits to be learned');
    }

    /** Opens the popup's Model view and catches the data file that "Export stored data" saves. */
    async function exportData(tabula: ExtensionBrowser): Promise<{ fileName: string; text: string }> {
      const popup = await openView(tabula, 'model');
      await popup.evaluate(() => {
        const saved: { download: string; blob?: Blob }[] = [];
        let lastBlob: Blob | undefined;
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => { lastBlob = blob as Blob; return create(blob); };
        HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) { saved.push({ download: this.download, blob: lastBlob }); };
        (window as unknown as { saved: typeof saved }).saved = saved;
      });
      const [button] = await popup.$$('xpath/.//button[normalize-space()="Export stored data"]');
      await button.click();
      await popup.waitForFunction(() => document.body.innerText.includes('Saved tabula-data-'));
      const [file] = await popup.evaluate(async () => Promise.all((window as unknown as { saved: { download: string; blob?: Blob }[] }).saved
        .map(async ({ download, blob }) => ({ fileName: download, text: await blob!.text() }))));
      await popup.close();
      return file;
    }

    /** Chooses a file in the popup's "Import data" and waits until the popup says `until` (the popup is left open). */
    async function importData(tabula: ExtensionBrowser, fileName: string, text: string, expected: string): Promise<Page> {
      const path = join(files, fileName);
      writeFileSync(path, text);
      const popup = await openView(tabula, 'data');
      const input = await popup.$('.data-import input[type="file"]');
      await input!.uploadFile(path);
      await popup.waitForFunction((wanted: string) => document.querySelector('.data-import')?.textContent?.includes(wanted), { timeout: 30_000 }, expected);
      return popup;
    }
  });
}

async function openView(tabula: ExtensionBrowser, view: string): Promise<Page> {
  const popup = await tabula.openExtensionPage('popup.html');
  await popup.waitForSelector('#app[data-ready]', { timeout: 20_000 });
  await settled(popup);
  await showView(popup, view);
  return popup;
}

async function finishedVisits(tabula: ExtensionBrowser): Promise<StoredVisit[]> {
  return (await tabula.call('data/export', {})).visits.filter((visit) => visit.seq !== undefined);
}

/** The visits as any profile holds them: without where they sit in its database, by key. */
function portable(visits: StoredVisit[]) {
  return visits.map(({ id, seq, ...visit }) => visit).sort((a, b) => (a.key < b.key ? -1 : 1));
}

function bySeq(visits: StoredVisit[]): string[] {
  return [...visits].sort((a, b) => a.seq! - b.seq!).map((visit) => visit.key);
}

/**
 * The visits and the model as stored once the background has saved what it learned: the text of
 * both stores, when it has not changed for longer than the background waits before saving.
 */
async function settledStores(tabula: ExtensionBrowser): Promise<string> {
  let text = await tabula.databaseText(['visits', 'model']);
  for (let tries = 0; tries < 10; tries++) {
    await sleep(2_500);
    const now = await tabula.databaseText(['visits', 'model']);
    if (now === text) return text;
    text = now;
  }
  throw new Error('the stored visits and model kept changing for 25 s');
}
