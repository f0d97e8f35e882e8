// The popup as a user meets it, in each real browser: predictions and their reasons for the page
// just browsed, the views by keyboard, the map of the sites browsed, where the time went,
// forgetting a site (and its time), exporting the model and importing it into a fresh profile
// (same predictions there), a broken file refused, a compact file exported and imported, another
// profile's model merged (and one of another size refused), a reset (which takes the predictions
// kept for the popup with the old model), and history import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayKey, duration, percent } from '../../popup/format';
import { browserAvailable, ExtensionBrowser, sleep, until, type BrowserName } from '../../harness/browser/launch';
import { browseRoutine, keptPredictions, launchWithSites, openPopup, settled, showView, SITE_HOSTS, siteUrl, stayOn, textOf } from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';

const PAGES = 30;
// Firefox grants optional permissions without a prompt with this preference; Chromium cannot.
const GRANT_WITHOUT_PROMPT = { firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } };

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`popup in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;
    let fresh: ExtensionBrowser | undefined;
    let lastPage: string;
    let files: string;
    let exported: { fileName: string; text: string };
    /** The model file as it was before video.test was forgotten. */
    let beforeForget: unknown;

    beforeAll(async () => {
      site = await startSite();
      mkdirSync(join(import.meta.dirname, '../../.tmp'), { recursive: true });
      files = mkdtempSync(join(import.meta.dirname, '../../.tmp/popup-files-'));
      tabula = await launchWithSites(name, GRANT_WITHOUT_PROMPT);
      lastPage = siteUrl(site, 'docs.test', '/article/104');
      await browseRoutine(tabula, site, PAGES, lastPage);
    });
    afterAll(async () => {
      await tabula?.close();
      await fresh?.close();
      await site?.close();
      rmSync(files, { recursive: true, force: true });
    });

    /** Catches the popup's downloads: the link's click and the Blob behind it, instead of a file on disk. */
    async function catchDownloads(popup: Page) {
      await popup.evaluate(() => {
        const caught: { download: string; blob?: Blob; connected: boolean }[] = [];
        let lastBlob: Blob | undefined;
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob | MediaSource) => { lastBlob = blob as Blob; return create(blob); };
        HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
          caught.push({ download: this.download, blob: lastBlob, connected: this.isConnected });
        };
        (window as unknown as { caught: typeof caught }).caught = caught;
      });
    }

    async function caughtDownloads(popup: Page) {
      return popup.evaluate(async () => Promise.all((window as unknown as { caught: { download: string; blob?: Blob; connected: boolean }[] })
        .caught.map(async ({ download, blob, connected }) => ({ download, connected, text: await blob!.text() }))));
    }

    /** What the popup's Now view shows, as text. */
    async function shownFigures(popup: Page) {
      return popup.$$eval('.figure-value', (values) => values.map((value) => value.textContent));
    }

    it('shows predictions and their reasons for the last web page', async () => {
      const popup = await openPopup(tabula);
      expect(await popup.$eval('#app', (app) => app.getAttribute('data-ready'))).toBe('predictions');
      const answer = await tabula.call('tab/predict', {});
      expect(answer.status).toBe('ok');
      expect(answer.url).toBe(lastPage);
      expect(answer.title).toMatch(/^Article 104: /);
      expect(await textOf(popup, '.page-title')).toBe(answer.title);
      expect(await shownFigures(popup)).toEqual([percent(answer.engaged!), `about ${duration(answer.activeSeconds!)}`]);
      const nextSites = await popup.$$eval('.next-sites .site', (sites) => sites.map((s) => s.textContent));
      expect(nextSites).toEqual(answer.next!.map((next) => next.host));
      expect(nextSites.length).toBeGreaterThan(1);
      // Each reason shown is one the background gave, in the features' own words.
      const reasons = await popup.$$eval('.why .contribution-group', (groups) => groups.map((list) =>
        [...list.querySelectorAll('.feature')].map((feature) => feature.textContent ?? '')));
      const given = [answer.why!.engaged, answer.why!.activeTime, answer.why!.next].map((list) => list.map((c) => c.feature));
      expect(reasons).toHaveLength(3);
      reasons.forEach((shown, i) => expect(given[i]).toEqual(expect.arrayContaining(shown)));
      expect(reasons.flat().length).toBeGreaterThan(0);
      await popup.close();
    });

    it('switches views with the keyboard', async () => {
      const popup = await openPopup(tabula);
      await popup.focus('#tab-now');
      const selected = () => popup.$eval('[role="tab"][aria-selected="true"]', (tab) => [tab.id, document.activeElement?.id]);
      await popup.keyboard.press('ArrowRight');
      expect(await selected()).toEqual(['tab-learned', 'tab-learned']);
      await settled(popup);
      expect(await textOf(popup, '#panel-learned')).toContain('Visits learned');
      await popup.keyboard.press('End');
      expect(await selected()).toEqual(['tab-play', 'tab-play']);
      await popup.waitForSelector('#panel-play input[type="range"]');
      await popup.keyboard.press('ArrowLeft');
      expect(await selected()).toEqual(['tab-model', 'tab-model']);
      await popup.waitForSelector('#panel-model input[type="file"]');
      await popup.keyboard.press('Home');
      expect(await selected()).toEqual(['tab-now', 'tab-now']);
      await popup.waitForSelector('#panel-now .figure-value');
      await popup.keyboard.press('ArrowLeft');
      expect(await selected()).toEqual(['tab-play', 'tab-play']);
      await popup.close();
    });

    it('maps the browsed sites in the Learned view, each dot named, the one in focus said below', async () => {
      const popup = await openPopup(tabula);
      await showView(popup, 'learned');
      const { siteMap } = await tabula.call('model/insights', {});
      expect(siteMap.points.length).toBeGreaterThanOrEqual(3);
      const dots = await popup.$$eval('.site-map circle', (circles) => circles.map((c) => c.getAttribute('aria-label') ?? ''));
      expect(dots.map((label) => label.split(',')[0])).toEqual(siteMap.points.map((point) => point.host));
      expect(dots.map((label) => label.split(',')[0]).every((host) => SITE_HOSTS.includes(host))).toBe(true);
      await popup.$eval('.site-map circle', (dot) => (dot as SVGElement).focus());
      expect(await popup.evaluate(() => document.activeElement?.tagName)).toBe('circle');
      expect(await textOf(popup, '.site-map-pointed')).toMatch(new RegExp(`^${siteMap.points[0].host.replace('.', '\\.')}: about \\d+ visits lately$`));
      await popup.close();
    });

    /** Active time by site from the stored visits themselves, as the Time view should sum it (all were made today). */
    async function storedTimeBySite() {
      const { visits } = await tabula.call('data/export', {});
      const bySite = new Map<string, number>();
      for (const visit of visits) if (visit.activeMs > 0) bySite.set(visit.host, (bySite.get(visit.host) ?? 0) + visit.activeMs);
      return [...bySite].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    }

    it('shows where the time went: today and each site, summed from the stored visits', async () => {
      const before = await storedTimeBySite();
      const popup = await openPopup(tabula);
      await showView(popup, 'time');
      expect(await storedTimeBySite()).toEqual(before); // nothing was still adding time while the view was read
      const words = (ms: number) => (ms > 0 ? duration(ms / 1000) : '0 s');
      const total = before.reduce((sum, [, ms]) => sum + ms, 0);
      expect(total).toBeGreaterThan(0);
      const figures = await popup.$$eval('.today-figures dd', (values) => values.map((value) => value.textContent));
      expect(figures[0]).toBe(words(total));
      const rows = await popup.$$eval('.site-times table tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((cell) => cell.textContent)));
      const named = before.slice(0, 8).map(([host, ms]) => [host, words(ms)]);
      const others = before.slice(8);
      if (others.length > 0) named.push([`${others.length} other site${others.length === 1 ? '' : 's'}`, words(others.reduce((sum, [, ms]) => sum + ms, 0))]);
      expect(rows).toEqual(named);
      const days = await popup.$$eval('.time-columns table tbody tr', (trs) => trs.map((tr) => tr.lastElementChild?.textContent));
      expect(days).toHaveLength(28 + 24); // the days' table, then the hours'
      expect(days[27]).toBe(words(total));
      await popup.close();
    });

    it('forgets a site after saying what will go, and the Data view no longer lists it', async () => {
      beforeForget = await tabula.call('model/export', {});
      const before = await tabula.call('data/visits', { host: 'video.test', limit: 1 });
      expect(before.total).toBeGreaterThan(0);
      expect((await storedTimeBySite()).map(([host]) => host)).toContain('video.test');
      const popup = await openPopup(tabula);
      await showView(popup, 'data');
      expect(await textOf(popup, '.visit-list')).toContain('video.test');
      await popup.click('button[aria-label="Forget the whole site video.test"]');
      await popup.waitForFunction((total: number) => document.querySelector('.confirm')?.textContent?.includes(`all ${total} visits to video.test`), {}, before.total);
      await popup.click('.confirm button.danger');
      await popup.waitForFunction(() => document.body.innerText.includes('Forgot '), { timeout: 20_000 });
      expect(await textOf(popup, '#panel-data')).toContain(`Forgot ${before.total} visits`);
      await settled(popup);
      expect(await textOf(popup, '.visit-list')).not.toContain('video.test');
      expect(await textOf(popup, '.visit-list')).toContain('news.test');
      expect((await tabula.call('data/visits', { host: 'video.test', limit: 1 })).total).toBe(0);
      // Its time went with it: the Time view, worked out again, names the site no more.
      await showView(popup, 'time');
      expect(await textOf(popup, '#panel-time')).toContain('news.test');
      expect(await popup.$$eval('.site-times tr', (rows) => rows.map((row) => row.textContent).join(' '))).not.toContain('video.test');
      await popup.close();
    });

    it('refuses the model file exported before the site was forgotten, saying why, and keeps the model', async () => {
      expect(JSON.stringify(beforeForget)).toContain('video.test');
      const model = await tabula.call('model/export', {});
      const path = join(files, 'before-the-forget.json');
      writeFileSync(path, JSON.stringify(beforeForget));
      const popup = await openPopup(tabula);
      await showView(popup, 'model');
      const input = await popup.$('input[type="file"]');
      await input!.uploadFile(path);
      await popup.waitForFunction(() => [...document.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent?.includes('forgotten or exclude here')));
      expect(await textOf(popup, '#panel-model')).toContain('import a data file instead (Data → Import data)');
      expect(await popup.$('.confirm')).toBeNull();
      expect(await tabula.call('model/export', {})).toEqual(model);
      await popup.close();
    });

    it('exports the model file through a download link named by the day', async () => {
      const popup = await openPopup(tabula);
      await showView(popup, 'model');
      await catchDownloads(popup);
      const [button] = await popup.$$('xpath/.//button[normalize-space()="Export the model"]');
      await button.click();
      await popup.waitForFunction(() => document.body.innerText.includes('Saved tabula-model-'));
      const caught = await caughtDownloads(popup);
      expect(caught).toHaveLength(1);
      expect(caught[0].download).toBe(`tabula-model-${dayKey(Date.now())}.json`);
      expect(caught[0].connected).toBe(true);
      expect(JSON.parse(caught[0].text)).toEqual(await tabula.call('model/export', {}));
      exported = { fileName: caught[0].download, text: caught[0].text };
      await popup.close();
    });

    it('imports the file into a fresh profile through the file input, with the same predictions for the same page', async () => {
      fresh = await launchWithSites(name, GRANT_WITHOUT_PROMPT);
      await stayOn(fresh, await fresh.browser.newPage(), lastPage);
      const path = join(files, exported.fileName);
      writeFileSync(path, exported.text);
      const popup = await openPopup(fresh);
      await showView(popup, 'model');
      const input = await popup.$('input[type="file"]');
      await input!.uploadFile(path);
      await popup.waitForSelector('.confirm');
      expect(await textOf(popup, '.confirm h3')).toBe(`Replace the current model with ${exported.fileName}?`);
      await popup.click('.confirm button.danger');
      await popup.waitForFunction(() => document.body.innerText.includes('Model imported'));
      const there = await fresh.call('tab/predict', {});
      const here = await tabula.call('tab/predict', {}); // asked second, so both fall in the same hour
      expect(there.url).toBe(lastPage);
      expect(there).toEqual(here);
      await showView(popup, 'now');
      await popup.waitForSelector('#panel-now .figure-value');
      const original = await openPopup(tabula);
      expect(await shownFigures(popup)).toEqual(await shownFigures(original));
      await original.close();
      await popup.close();
    });

    it('refuses a broken model file, says why, and keeps the model as it was', async () => {
      const target = fresh!;
      const before = await target.call('model/export', {});
      const popup = await openPopup(target);
      await showView(popup, 'model');
      const damaged = JSON.parse(exported.text);
      damaged.version = 999;
      const cases: [string, string, string][] = [
        ['cut.json', exported.text.slice(0, exported.text.length / 2), 'cut.json is not a JSON file'],
        ['wrong-version.json', JSON.stringify(damaged), 'This file cannot be imported.'],
      ];
      for (const [fileName, text, message] of cases) {
        const path = join(files, fileName);
        writeFileSync(path, text);
        const input = await popup.$('input[type="file"]');
        await input!.uploadFile(path);
        await popup.waitForFunction((expected: string) => [...document.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent?.includes(expected)), {}, message);
        expect(await popup.$('.confirm')).toBeNull();
        expect(await textOf(popup, '#panel-model')).toContain('Nothing was changed.');
      }
      expect(await target.call('model/export', {})).toEqual(before);
      await popup.close();
    });

    it('exports a compact model file, under 30 % of the size, that imports into the fresh profile predicting nearly the same', async () => {
      // The model compared is the one exported: wait until this profile has learned what it will
      // (the same number of visits learned 1.5 s apart).
      let learned = -1;
      await until(async () => {
        const before = learned;
        await sleep(1_500);
        learned = (await tabula.call('model/overview', {})).visitsLearned;
        return learned === before;
      }, 30_000, 'this profile to stop learning');
      const popup = await openPopup(tabula);
      await showView(popup, 'model');
      await catchDownloads(popup);
      const [box] = await popup.$$('xpath/.//label[normalize-space()="Compact model file (8 bits a weight)"]/input');
      await box.click();
      const [button] = await popup.$$('xpath/.//button[normalize-space()="Export the model"]');
      await button.click();
      await popup.waitForFunction(() => document.body.innerText.includes('-compact.json.'));
      const [compact] = await caughtDownloads(popup);
      await popup.close();
      expect(compact.download).toBe(`tabula-model-${dayKey(Date.now())}-compact.json`);
      const file = JSON.parse(compact.text);
      expect(file.weights['embedding.weight']).toMatchObject({ encoding: 'int8-rows', row: file.architecture.embeddingDim });
      expect(compact.text.length / exported.text.length).toBeLessThan(0.3);
      const target = fresh!;
      const path = join(files, compact.download);
      writeFileSync(path, compact.text);
      const importing = await openPopup(target);
      await showView(importing, 'model');
      await (await importing.$('input[type="file"]'))!.uploadFile(path);
      await importing.waitForSelector('.confirm');
      await importing.click('.confirm button.danger');
      await importing.waitForFunction(() => document.body.innerText.includes('Model imported'));
      await importing.close();
      expect((await target.call('model/overview', {})).visitsLearned).toBe((await tabula.call('model/overview', {})).visitsLearned);
      const there = await target.call('tab/predict', {});
      const here = await tabula.call('tab/predict', {});
      expect(there.url).toBe(lastPage);
      expect(Math.abs(there.engaged! - here.engaged!)).toBeLessThan(0.01);
      // Compared as the net gives it, log(1 + seconds): near 0 s a relative change of the seconds is no measure.
      expect(Math.abs(Math.log1p(there.activeSeconds!) - Math.log1p(here.activeSeconds!))).toBeLessThan(0.02);
      expect(there.engaged).not.toBe(here.engaged); // 8 bits: close, not the same
    });

    it('merges another profile\'s model file after showing what it knows, and refuses one of another size', async () => {
      const other = await fresh!.call('model/export', {});
      const before = await tabula.call('model/overview', {});
      const path = join(files, 'other-profile.json');
      writeFileSync(path, JSON.stringify(other));
      const popup = await openPopup(tabula);
      await showView(popup, 'model');
      const mergeInput = async () => (await popup.$$('xpath/.//label[span[normalize-space()="Merge a model file"]]/input'))[0] as import('puppeteer-core').ElementHandle<HTMLInputElement>;
      await (await mergeInput()).uploadFile(path);
      await popup.waitForSelector('.merge .confirm');
      expect(await textOf(popup, '.merge .confirm h3')).toBe('Merge other-profile.json into this model?');
      expect(await textOf(popup, '.merge .confirm')).toContain(`It learned from ${(other as { counters: { visitsLearned: number } }).counters.visitsLearned.toLocaleString('en')} visits`);
      expect(await textOf(popup, '.merge-sites')).toContain('docs.test');
      await popup.click('.merge .confirm button.danger');
      await popup.waitForFunction(() => document.body.innerText.includes('Models merged'));
      const after = await tabula.call('model/overview', {});
      expect(after.visitsLearned).toBe(before.visitsLearned + (other as { counters: { visitsLearned: number } }).counters.visitsLearned);
      expect((await tabula.call('tab/predict', {})).status).toBe('ok');
      const { encodeModelFile, Learner } = await import('../../model/index');
      const small = join(files, 'small-model.json');
      writeFileSync(small, JSON.stringify(encodeModelFile(Learner.create({ size: 'small' }))));
      await (await mergeInput()).uploadFile(small);
      await popup.waitForFunction(() => [...document.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent?.includes('cannot be merged')));
      expect(await textOf(popup, '.merge')).toContain('its number of buckets (8192) differs from this model\'s (16384)');
      expect(await popup.$('.merge .confirm')).toBeNull();
      expect((await tabula.call('model/overview', {})).visitsLearned).toBe(after.visitsLearned);
      await popup.close();
    });

    it('resets the model after a confirmation, keeping the stored visits', async () => {
      const stored = (await tabula.call('model/overview', {})).storedVisits;
      // The predictions kept for the popup are the old model's until the reset...
      expect((await keptPredictions(tabula)).some((kept) => kept.visitsLearned > 0)).toBe(true);
      const popup = await openPopup(tabula);
      await showView(popup, 'model');
      const [reset] = await popup.$$('xpath/.//button[normalize-space()="Reset the model…"]');
      await reset.click();
      await popup.waitForSelector('.confirm');
      await popup.click('.confirm button.danger');
      await popup.waitForFunction(() => document.body.innerText.includes('Reset done.'));
      expect(await textOf(popup, '#panel-model')).toContain(`The model has learned from 0 visits; ${stored} visits stored.`);
      await popup.click('#tab-now');
      await popup.waitForFunction(() => document.body.innerText.includes('still getting to know your habits'));
      expect((await tabula.call('model/overview', {})).visitsLearned).toBe(0);
      // ...and none of them after it: the next popup never opens on the old model's answer.
      expect((await keptPredictions(tabula)).filter((kept) => kept.visitsLearned > 0)).toEqual([]);
      await popup.close();
    });

    it('offers, on the page of a site excluded since, to forget what is still stored of it', async () => {
      const stored = (await tabula.call('data/visits', { host: 'docs.test', limit: 1 })).total;
      expect(stored).toBeGreaterThan(0);
      const { excluded } = await tabula.call('settings/get', {});
      await tabula.call('settings/set', { excluded: [...excluded, 'docs.test'] });
      const popup = await openPopup(tabula); // over the last page browsed: docs.test's
      await popup.waitForFunction(() => document.body.innerText.includes('docs.test is on your exclusion list'));
      const offer = await popup.waitForSelector('xpath/.//button[starts-with(normalize-space(), "Forget the ") and contains(., "still stored for docs.test")]');
      expect(await offer!.evaluate((button) => button.textContent)).toMatch(/^Forget the \d+ visits still stored for docs\.test…$/);
      await offer!.click();
      await popup.waitForFunction(() => document.querySelector('.confirm')?.textContent?.includes('visits to docs.test'));
      await popup.click('.confirm button.danger');
      await popup.waitForFunction(() => document.body.innerText.includes(`Forgot `), { timeout: 20_000 });
      expect((await tabula.call('data/visits', { host: 'docs.test', limit: 1 })).total).toBe(0);
      await tabula.call('settings/set', { excluded });
      await popup.close();
    });

    it('learns from recent history only once the browser allows it, asked from the click', async () => {
      const target = fresh!;
      // A page the browser's history has and Tabula does not: visited while its site was excluded.
      const unrecorded = siteUrl(site, 'shop.test', '/article/250');
      const { excluded } = await target.call('settings/get', {});
      await target.call('settings/set', { excluded: [...excluded, 'shop.test'] });
      const turnedAway = (await target.call('background/status', {})).dropped.excluded;
      const elsewhere = await target.browser.newPage();
      await elsewhere.goto(unrecorded);
      await elsewhere.close();
      // Its report is turned away while the site is excluded; the exclusion is lifted only after.
      await until(async () => (await target.call('background/status', {})).dropped.excluded > turnedAway, 10_000, 'the excluded page\'s report');
      await target.call('settings/set', { excluded });
      const popup = await openPopup(target);
      await showView(popup, 'data');
      await popup.click('.history-import input[type="checkbox"]');
      if (name === 'firefox') {
        await popup.waitForFunction(() => document.body.innerText.includes('Tabula learned from your recent history.'), { timeout: 20_000 });
        expect((await target.call('settings/get', {})).historyImport).toBe(true);
        const { visits } = await target.call('data/visits', { limit: 100 });
        expect(visits.filter((visit) => visit.url === unrecorded).map((visit) => visit.source)).toEqual(['history']);
        // The page the content script recorded is in the history too, and is not counted twice.
        expect(visits.filter((visit) => visit.url === lastPage).map((visit) => visit.source)).toEqual(['page']);
      } else {
        // Chromium shows its permission prompt, which a headless test cannot answer: the question
        // is pending (asked from the click; outside one, Chromium refuses at once) and nothing is read.
        await sleep(1_500);
        expect(await textOf(popup, '.history-import')).toContain('Waiting for your answer to the browser’s question…');
        expect(await popup.$('.history-import [role="alert"]')).toBeNull();
        expect((await target.call('settings/get', {})).historyImport).toBe(false);
      }
      await popup.close();
    });

    it('says, before taking in a model file begun before everything was forgotten here, that it may bring that back', async () => {
      const target = fresh!;
      await target.call('data/forget', { scope: 'all' });
      const model = await target.call('model/export', {});
      const path = join(files, 'from-before.json');
      writeFileSync(path, exported.text); // the first profile's, learning since before the forget
      const popup = await openPopup(target);
      await showView(popup, 'model');
      const input = await popup.$('input[type="file"]');
      await input!.uploadFile(path);
      await popup.waitForSelector('.confirm [role="note"]');
      expect(await textOf(popup, '.confirm [role="note"]')).toContain('and you have forgotten here what was browsed before then: it may hold what it learned of that time');
      const [cancel] = await popup.$$('xpath/.//div[@class="confirm"]//button[normalize-space()="Cancel"]');
      await cancel.click();
      await popup.waitForFunction(() => document.querySelector('.confirm') === null);
      expect(await target.call('model/export', {})).toEqual(model);
      await popup.close();
    });
  });
}
