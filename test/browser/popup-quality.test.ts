// The popup's qualities in each real browser, after a short scripted browse: axe-core finds no
// violation in any view, light or dark (colour contrast included), on the user's data and on the
// sample (its banner, what changed this week, the features by kind); the first prediction shows
// quickly, warm and with the background asleep (then from the prediction kept for the tab, before
// the background answers); nothing moves when data arrives, kept or live; and a
// screenshot of every view, light and dark, at 400 px (test-artifacts/screenshots/, and with
// TABULA_SCREENSHOTS=docs the curated set in docs/screenshots/ for the README, taken on the sample).
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, ExtensionBrowser, sleep, type BrowserName } from '../../harness/browser/launch';
import {
  browseRoutine, dwellEngaged, firstScreenTiming, launchWithSites, openPopup, openSample, putBackgroundToSleep, setColorScheme, settled, showView, siteUrl,
  type FirstScreenTiming,
} from '../../harness/browser/popup-helpers';
import { startSite, type TestSite } from '../../harness/sites/test-site';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test-artifacts/screenshots');
const DOCS = join(ROOT, 'docs/screenshots');
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const VIEWS = ['now', 'learned', 'time', 'data', 'model', 'play'];
const SCHEMES = ['light', 'dark'] as const;
/** Generous, so that a busy machine does not fail it; the figures are printed and reported. */
const READY_BOUND_MS = 1_000;
/** Firefox suspends its background page after this long idle (Chromium's worker is stopped over CDP). */
const IDLE_TIMEOUT_MS = 3_000;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  describe.skipIf(!browserAvailable(name))(`popup quality in ${name}`, () => {
    let site: TestSite;
    let tabula: ExtensionBrowser;

    beforeAll(async () => {
      site = await startSite();
      tabula = await launchWithSites(name, { idleTimeoutMs: IDLE_TIMEOUT_MS });
      if (name === 'chromium') {
        // For the screenshots, a browsing history with some shape: articles read at length on two
        // sites (a dozen tabs at a time), and enough visits for a few measures of the learning curves.
        for (const round of [0, 1]) {
          const hosts = Array.from({ length: 12 }, (_, i) => (i % 3 === 2 ? 'docs.test' : 'news.test'));
          await dwellEngaged(tabula, hosts.map((host, i) => siteUrl(site, host, `/article/${300 + 12 * round + i}`)), 11_000);
        }
      }
      await browseRoutine(tabula, site, name === 'chromium' ? 60 : 30, siteUrl(site, 'docs.test', '/article/104'));
    });
    afterAll(async () => {
      await tabula?.close();
      await site?.close();
    });

    it('has no axe-core violations in any view, light and dark, colour contrast included', { timeout: 300_000 }, async () => {
      const found: string[] = [];
      const popup = await openPopup(tabula);
      await injectAxe(popup);
      const dashboard = await openPopup(tabula, 'dashboard.html');
      await injectAxe(dashboard);
      for (const scheme of SCHEMES) {
        await setColorScheme(tabula, popup, scheme);
        for (const view of VIEWS) {
          await showView(popup, view);
          // With what is behind each disclosure shown too: the other pushes, the charts' tables.
          await popup.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
          found.push(...(await axeViolations(popup)).map((v) => `${scheme} ${view}: ${v}`));
        }
        await showView(popup, 'data'); // a confirmation, in the danger colour
        await popup.click('.visit-row button[aria-label^="Forget the whole site"]');
        await popup.waitForFunction(() => document.querySelector('.confirm')?.textContent?.includes('Tabula will delete'));
        found.push(...(await axeViolations(popup)).map((v) => `${scheme} forget confirmation: ${v}`));
        await popup.click('.confirm button:not(.danger)');
        await setColorScheme(tabula, dashboard, scheme);
        await settled(dashboard);
        await dashboard.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
        found.push(...(await axeViolations(dashboard)).map((v) => `${scheme} dashboard: ${v}`));
      }
      expect(found).toEqual([]);
      await popup.close();
      await dashboard.close();
    });

    it('has no axe-core violations on the sample, popup and dashboard, light and dark', { timeout: 300_000 }, async () => {
      const found: string[] = [];
      const dashboard = await openSample(tabula, 'dashboard.html'); // makes the sample
      await injectAxe(dashboard);
      const popup = await openSample(tabula, 'popup.html'); // finds it made
      await injectAxe(popup);
      for (const scheme of SCHEMES) {
        await setColorScheme(tabula, popup, scheme);
        for (const view of ['now', 'learned', 'time']) {
          await showView(popup, view);
          await popup.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
          found.push(...(await axeViolations(popup)).map((v) => `sample ${scheme} ${view}: ${v}`));
        }
        await setColorScheme(tabula, dashboard, scheme);
        await settled(dashboard);
        await dashboard.$$eval('details', (all) => all.forEach((details) => { details.open = true; }));
        found.push(...(await axeViolations(dashboard)).map((v) => `sample ${scheme} dashboard: ${v}`));
      }
      // What the sample's 90 days show: what changed in its last week, in points and time.
      expect(await dashboard.$$eval('table.moved', (tables) => tables.length)).toBe(2);
      expect(found).toEqual([]);
      await popup.close();
      await dashboard.click('.sample-banner button'); // closed: its database is deleted
      await dashboard.waitForFunction(() => !location.search.includes('sample'), { timeout: 20_000 });
      await dashboard.close();
    });

    it('shows the first prediction quickly, warm and with the background asleep, then from the kept prediction', { timeout: 180_000 }, async () => {
      const warm: FirstScreenTiming[] = [];
      const asleep: FirstScreenTiming[] = [];
      for (let i = 0; i < 5; i++) warm.push(await timedOpen(tabula));
      for (let i = 0; i < 5; i++) {
        const wokeBefore = await putBackgroundToSleep(tabula, IDLE_TIMEOUT_MS);
        asleep.push(await timedOpen(tabula));
        // It really slept: it has started again since (woken by the popup, or by this very question).
        expect((await tabula.call('background/status', {})).wokeAt).toBeGreaterThan(wokeBefore);
      }
      console.log(`${name}: popup document start → predictions shown: warm ${summary(warm)}; background asleep ${summary(asleep)}`);
      for (const timing of asleep) {
        // Shown from the prediction kept for the tab, before the background's own answer.
        expect(timing.source).toBe('cache');
        expect(timing.liveMs).toBeGreaterThanOrEqual(timing.readyMs);
      }
      for (const { readyMs } of [...warm, ...asleep]) {
        expect(readyMs).toBeGreaterThan(0);
        expect(readyMs).toBeLessThan(READY_BOUND_MS);
      }
    });

    it.runIf(name === 'chromium')('does not move when the data arrives (Layout Instability API, Chromium)', async () => {
      const page = await tabula.browser.newPage();
      await page.setViewport({ width: 400, height: 600 });
      // From the document's start: every layout shift (and what moved), and at each frame the
      // height the popup would take (its page, up to the 600 px browsers allow), the root's, and
      // whether the background's own answer is on screen yet.
      await page.evaluateOnNewDocument(`(() => {
        const seen = { shifts: [], frames: [] };
        window.tabulaLayout = seen;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) seen.shifts.push([e.value, e.sources.map((s) => s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?').join(' ')]);
        }).observe({ type: 'layout-shift', buffered: true });
        const frame = () => {
          const app = document.getElementById('app');
          if (app && app.childElementCount > 0) {
            seen.frames.push([Math.min(600, document.body.getBoundingClientRect().height), app.getBoundingClientRect().height, app.hasAttribute('data-live')]);
          }
          if (seen.frames.length < 600) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      })()`);
      // Asleep: the kept prediction shows first, then the live one takes its place.
      await tabula.stopBackground();
      await tabula.openExtensionPage('popup.html', page);
      await page.waitForSelector('#app[data-ready][data-live]');
      await settled(page);
      expect((await firstScreenTiming(page)).source).toBe('cache');
      await sleep(500);
      const seen = await page.evaluate('window.tabulaLayout') as { shifts: [number, string][]; frames: [number, number, boolean][] };
      const shift = seen.shifts.reduce((sum, [value]) => sum + value, 0);
      const popupHeights = [...new Set(seen.frames.map(([height]) => Math.round(height)))];
      const rootHeights = [...new Set(seen.frames.map(([, height]) => Math.round(height)))];
      console.log(`${name}: layout shift while the popup's data arrives: ${shift.toFixed(4)}${seen.shifts.map(([v, what]) => ` (${v.toFixed(4)}: ${what})`).join('')}; `
        + `popup heights seen: ${popupHeights.join(', ')} px; root heights: ${rootHeights.join(', ')} px`);
      // Frames before the live answer were seen (the kept prediction may already be on the first
      // one): the watch covers the moment the live answer takes the kept one's place.
      expect(seen.frames.some(([, , live]) => !live)).toBe(true);
      expect(shift).toBeLessThan(0.01);
      expect(popupHeights).toEqual([600]);
      await page.close();
    });

    it('takes a screenshot of every view and the dashboard, light and dark, at 400 px wide', { timeout: 300_000 }, async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const popup = await openPopup(tabula);
      await popup.setViewport({ width: 400, height: 600 });
      const dashboard = await openPopup(tabula, 'dashboard.html');
      let written = 0;
      for (const scheme of SCHEMES) {
        await setColorScheme(tabula, popup, scheme);
        await setColorScheme(tabula, dashboard, scheme);
        for (const view of VIEWS) {
          await showView(popup, view);
          await shoot(popup, join(ARTIFACTS, `${name}-${view}-${scheme}.png`), true);
          written++;
        }
        for (const width of [400, 1280]) {
          await dashboard.setViewport({ width, height: 900 });
          await settled(dashboard);
          await shoot(dashboard, join(ARTIFACTS, `${name}-dashboard-${width}-${scheme}.png`), true);
          written++;
        }
      }
      expect(written).toBe((VIEWS.length + 2) * SCHEMES.length);
      if (process.env.TABULA_SCREENSHOTS === 'docs' && name === 'chromium') await curatedScreenshots();
      await popup.close();
      await dashboard.close();
    });

    /**
     * The README's pictures, on the sample after its 90 days: the popup as it opens (400 × 600,
     * sharp on dense screens), the dashboard, light and dark.
     */
    async function curatedScreenshots(): Promise<void> {
      mkdirSync(DOCS, { recursive: true });
      const dashboard = await openSample(tabula, 'dashboard.html');
      const popup = await openSample(tabula, 'popup.html');
      await popup.setViewport({ width: 400, height: 600, deviceScaleFactor: 2 });
      const shots: [string, (typeof SCHEMES)[number], string?, string?][] = [
        ['now', 'light'], ['now', 'dark', 'Why', 'why'], ['learned', 'light', 'What matters most', 'features'],
        ['learned', 'dark', 'What changed this week', 'changed'], ['learned', 'light', 'Your sites', 'charts'],
        ['time', 'light'], ['time', 'dark', 'Sites', 'sites'], ['data', 'light'], ['model', 'light'], ['play', 'dark'],
      ];
      for (const [view, scheme, scrollTo, suffix] of shots) {
        await setColorScheme(tabula, popup, scheme);
        await showView(popup, view);
        await popup.evaluate((heading?: string) => {
          const target = [...document.querySelectorAll('h2, h3')].find((h) => h.textContent === heading);
          if (target) target.scrollIntoView({ block: 'start' });
          else window.scrollTo(0, 0);
        }, scrollTo);
        await shoot(popup, join(DOCS, `popup-${view}${suffix ? `-${suffix}` : ''}-${scheme}.png`), false);
      }
      await dashboard.setViewport({ width: 1280, height: 800 });
      for (const scheme of SCHEMES) {
        await setColorScheme(tabula, dashboard, scheme);
        await settled(dashboard);
        await dashboard.evaluate(() => window.scrollTo(0, 0));
        await shoot(dashboard, join(DOCS, `dashboard-${scheme}.png`), false);
      }
      await popup.close();
      await dashboard.click('.sample-banner button');
      await dashboard.waitForFunction(() => !location.search.includes('sample'), { timeout: 20_000 });
      await dashboard.close();
    }

    async function shoot(page: Page, path: string, fullPage: boolean): Promise<void> {
      await sleep(150); // let the last frame paint
      const image = await page.screenshot({ path: path as `${string}.png`, fullPage });
      expect(image.byteLength).toBeGreaterThan(5_000);
    }
  });
}

/** axe-core into an extension page: its CSP refuses inline scripts, so the source is evaluated. */
async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  expect(await page.evaluate('typeof window.axe')).toBe('object');
}

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(`window.axe.run(document).then((results) => results.violations.map((v) =>
    v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 4).map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.split('\\n').slice(1, 2).join('') : '')).join('; ')))`) as Promise<string[]>;
}

/** Opens the popup, waits for the background's own answer, and reads what the popup marked. */
async function timedOpen(tabula: ExtensionBrowser): Promise<FirstScreenTiming> {
  const popup = await openPopup(tabula);
  const timing = await firstScreenTiming(popup);
  await popup.close();
  return timing;
}

/** Median time to the first prediction, the kept ones among them, and the median time to the live one. */
function summary(timings: FirstScreenTiming[]): string {
  const kept = timings.filter((timing) => timing.source === 'cache').length;
  return `${median(timings.map((t) => t.readyMs))} ms (${timings.map((t) => `${t.readyMs}${t.source === 'cache' ? '*' : ''}`).join(', ')}; `
    + `* = kept prediction, ${kept} of ${timings.length}; live answer shown at ${median(timings.map((t) => t.liveMs))} ms)`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
