// What the popup-scale section times inside the popup, on the popup's own clock: a view from the
// press on its tab to the last placeholder gone, the visit list scrolled a frame at a time, and a
// search from the typed words to their matches shown. Each runs in the page (self-contained).
import type { Page } from 'puppeteer-core';

/** Presses a view's tab and waits, frame by frame, until its panel shows no placeholder and nothing busy, and that frame is drawn. */
export async function timeViewOpen(popup: Page, view: string): Promise<number> {
  await popup.bringToFront(); // frames are drawn only in the tab in front
  return popup.evaluate(async (view: string) => {
    const start = performance.now();
    (document.getElementById(`tab-${view}`) as HTMLElement).click();
    for (;;) {
      await new Promise(requestAnimationFrame);
      const shown = document.getElementById(`panel-${view}`) && !document.querySelector('.skeleton, [aria-busy="true"]');
      if (shown) {
        await new Promise(requestAnimationFrame); // the frame that shows it has been drawn
        return performance.now() - start;
      }
      if (performance.now() - start > 30_000) throw new Error(`the ${view} view did not settle in 30 s`);
    }
  }, view);
}

export interface ScrollFigures {
  /** The longest time between two frames while scrolling. */
  longestFrameMs: number;
  p95FrameMs: number;
  framesOver50Ms: number;
  frames: number;
  /** Chromium: the longest frame's own work, from its first task to its drawing (long animation frames); null elsewhere. */
  longestFrameWorkMs: number | null;
  /** The furthest visit drawn when the scrolling stopped, by its place in the list (the list draws only the rows near the view). */
  rows: number;
}

/**
 * Scrolls the page down 120 px a frame until the `rows`-th visit is in view (or the list ends), as a
 * person flicking through it, pressing "Show more" whenever it is in view, and times every frame.
 */
export async function scrollVisitList(popup: Page, rows: number): Promise<ScrollFigures> {
  await popup.bringToFront();
  await withNamingHelper(popup);
  return popup.evaluate(async (wanted: number) => {
    const row = (place: number) => document.querySelector(`.visit-list > li.visit-row[aria-posinset="${place}"]`);
    const furthest = () => Number(document.querySelector('.visit-list > li.visit-row:last-child')?.getAttribute('aria-posinset') ?? 0);
    const deltas: number[] = [];
    const work: number[] = [];
    const observed = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) work.push(entry.duration); });
    if (observed) observer.observe({ type: 'long-animation-frame' });
    let last = await new Promise<number>(requestAnimationFrame);
    let still = 0;
    while (still < 90 && deltas.length < 5_000) {
      window.scrollBy(0, 120);
      const more = [...document.querySelectorAll<HTMLButtonElement>('.visit-browser button')].find((b) => b.textContent === 'Show more' && !b.disabled);
      if (more && more.getBoundingClientRect().top < innerHeight) more.click();
      const now = await new Promise<number>(requestAnimationFrame);
      deltas.push(now - last);
      last = now;
      const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
      const wantedRow = row(wanted);
      if (wantedRow && wantedRow.getBoundingClientRect().bottom <= innerHeight) break; // scrolled past the row wanted
      still = atEnd ? still + 1 : 0; // at the bottom with nothing more arriving: the list has ended
    }
    if (observed) {
      for (const entry of observer.takeRecords()) work.push(entry.duration);
      observer.disconnect();
    }
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      longestFrameMs: Math.round(sorted[sorted.length - 1] * 10) / 10, p95FrameMs: Math.round(sorted[Math.floor(sorted.length * 0.95)] * 10) / 10,
      framesOver50Ms: deltas.filter((d) => d > 50).length, frames: deltas.length,
      longestFrameWorkMs: observed ? Math.round(Math.max(0, ...work)) : null, rows: furthest(),
    };
  }, rows);
}

/**
 * Types a search into the Data view's box and waits until the list says `matches` visits match it
 * and is no longer busy (the number is known beforehand, so an older answer is never taken for it).
 */
export async function timeSearch(popup: Page, words: string, matches: number): Promise<number> {
  await popup.bringToFront();
  return popup.evaluate(async (words: string, expected: string) => {
    const input = document.querySelector<HTMLInputElement>('.visit-browser input[type="search"]')!;
    const start = performance.now();
    input.value = words;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise(requestAnimationFrame);
      const status = document.querySelector('.visit-browser [role="status"]')?.textContent ?? '';
      if (status.startsWith(expected) && !document.querySelector('.visit-list[aria-busy="true"]')) return performance.now() - start;
      if (performance.now() - start > 30_000) throw new Error(`the search for ${words} did not answer in 30 s`);
    }
  }, words, `${matches.toLocaleString('en')} visit${matches === 1 ? '' : 's'} match “${words}”`);
}

/** Empties the search box and waits for the whole list again. */
export async function clearSearch(popup: Page): Promise<void> {
  await popup.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.visit-browser input[type="search"]')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await popup.waitForFunction(() => /stored$/.test(document.querySelector('.visit-browser [role="status"]')?.textContent ?? '')
    && !document.querySelector('.visit-list[aria-busy="true"]'), { timeout: 30_000 });
}

/** A request's round trip from an extension page, on its clock (the background's answer time as a page sees it). */
export async function timeRequest(page: Page, type: string, payload: unknown): Promise<{ ms: number; value: any }> {
  return page.evaluate(async (type: string, payload: unknown) => {
    const api = (globalThis as any).browser ?? (globalThis as any).chrome;
    const start = performance.now();
    const reply = await api.runtime.sendMessage({ tabula: 1, type, payload });
    const ms = performance.now() - start;
    if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
    return { ms, value: reply.value };
  }, type, payload as any);
}

/** tsx wraps named inner functions in a naming helper, which a page does not have. */
export async function withNamingHelper(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (target) => target;');
}
