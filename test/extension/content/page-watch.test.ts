// @vitest-environment happy-dom
// The whole content script on a page: real listeners, real dispatched events (made trusted the
// way only the browser can make them), a fake clock and a recording stand-in for the background.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { VisitUpdate } from '../../../extension/contract-types';
import { SETTLE_MS, watchPage, type PageTextPort, type PageWatch, type WatchOptions } from '../../../extension/content/page-watch';
import { topWords } from '../../../extension/keywords';

const ARTICLE = `<html lang="de"><head><title>Ein Artikel</title><meta property="og:type" content="article"></head>
  <body><article><p>Text des Artikels.</p><input id="field"><video id="clip"></video></article></body></html>`;

interface Harness {
  win: Window;
  doc: Document;
  watch: PageWatch;
  sent: VisitUpdate[];
  state: { visible: boolean; focused: boolean };
  /** Sets the clock to `ms` after the start, without ticking. */
  at(ms: number): void;
  /** Moves the clock to `ms` after the start one second at a time, ticking as the timer would. */
  advance(ms: number): void;
  fire(target: EventTarget, event: Event, extra?: Record<string, unknown>): void;
}

let harness: Harness | null = null;
let keysMade = (): number => 0;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  harness?.watch.stop();
  harness?.win.close();
  harness = null;
  vi.useRealTimers();
});

/** `wanted`: the background's answer to a report that asks whether the page's words may be read (none by default). */
type OpenOptions = Pick<WatchOptions, 'pageText' | 'tickMs'> & { wanted?: (url: string) => Promise<boolean> };

function open(url = 'https://www.zeitung.example/politik/artikel?session=abc123#top', html = ARTICLE, post?: (u: VisitUpdate) => unknown,
  prepare?: (win: Window) => void, { wanted, ...options }: OpenOptions = {}): Harness {
  const win = new Window({ url });
  win.document.write(html);
  prepare?.(win);
  const doc = win.document as unknown as Document;
  const state = { visible: true, focused: true };
  Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => (state.visible ? 'visible' : 'hidden') });
  Object.defineProperty(doc, 'referrer', { configurable: true, get: () => 'https://search.example/results?q=private' });
  doc.hasFocus = () => state.focused;
  let now = 1_000_000;
  const sent: VisitUpdate[] = [];
  let keyCount = 0;
  const watch = watchPage({
    window: win as unknown as globalThis.Window,
    post: post ?? ((update) => {
      sent.push(structuredClone(update));
      return update.askText && wanted ? wanted(update.visit.url).then((textWanted) => ({ textWanted })) : Promise.resolve({});
    }),
    now: () => now,
    makeKey: () => `key-${++keyCount}`,
    ...options,
  })!;
  keysMade = () => keyCount;
  harness = {
    win, doc, watch, sent, state,
    at: (ms) => { now = 1_000_000 + ms; },
    advance: (ms) => {
      while (now < 1_000_000 + ms) {
        now = Math.min(now + 1000, 1_000_000 + ms);
        watch.tick();
      }
    },
    fire: (target, event, extra = {}) => {
      Object.defineProperty(event, 'isTrusted', { value: true });
      for (const [name, value] of Object.entries(extra)) Object.defineProperty(event, name, { value });
      target.dispatchEvent(event);
    },
  };
  return harness;
}

describe('watchPage', () => {
  test('starts without reading the page, and reads and first reports it when idle once the page has been open a while', () => {
    const { watch, sent, at } = open();
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(watch.recorder.hasSettled()).toBe(false);
    expect(sent).toHaveLength(0);
    at(SETTLE_MS);
    vi.advanceTimersByTime(1);
    vi.runOnlyPendingTimers(); // the idle callback (a timer where there is none)
    expect(watch.recorder.hasSettled()).toBe(true);
    // Stored from now on: should the page's last report be lost, the visit is not.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ key: 'key-1', final: false, visit: { title: 'Ein Artikel', activeMs: SETTLE_MS } });
    const visit = watch.recorder.snapshot(0);
    expect(visit).toMatchObject({
      url: 'https://www.zeitung.example/politik/artikel', host: 'www.zeitung.example', lang: 'de',
      kind: 'article', title: 'Ein Artikel', referrerHost: 'search.example', source: 'page',
    });
  });

  test('a visit left before its page was read is read with its last report', () => {
    const { win, watch, fire, sent } = open();
    expect(watch.recorder.hasSettled()).toBe(false);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ final: true, visit: { title: 'Ein Artikel', kind: 'article', lang: 'de' } });
  });

  describe('a visit about to be left before its first report', () => {
    const leaving = (h: Harness, trusted = true): void => {
      const event = new h.win.Event('beforeunload') as unknown as Event;
      if (trusted) h.fire(h.win as unknown as EventTarget, event);
      else h.win.dispatchEvent(event as never);
    };
    const hide = (h: Harness): void => h.fire(h.win as unknown as EventTarget, new h.win.Event('pagehide') as unknown as Event, { persisted: false });

    test('is reported while the page is whole, so that a lost last report loses nothing', () => {
      const h = open();
      h.at(1200);
      leaving(h, false); // made up by the page: ignored
      expect(h.sent).toHaveLength(0);
      leaving(h);
      expect(h.sent).toEqual([expect.objectContaining({ key: 'key-1', final: false })]);
      expect(h.sent[0].visit).toMatchObject({ title: 'Ein Artikel', kind: 'article', activeMs: 1200 });
      h.at(1300);
      hide(h);
      expect(h.sent.map((u) => [u.key, u.final, u.visit.activeMs])).toEqual([['key-1', false, 1200], ['key-1', true, 1300]]);
    });

    test('is not reported as it is left again (a navigation the page cancelled, then another)', () => {
      const h = open();
      h.at(1000);
      leaving(h);
      h.at(2000);
      leaving(h);
      expect(h.sent).toHaveLength(1);
    });

    test('once reported, leaving the page waits for nothing: only its last report goes', () => {
      const h = open();
      h.at(SETTLE_MS);
      vi.advanceTimersByTime(SETTLE_MS);
      vi.runOnlyPendingTimers();
      expect(h.sent).toHaveLength(1);
      h.at(9000);
      leaving(h);
      expect(h.sent).toHaveLength(1);
      hide(h);
      expect(h.sent.map((u) => u.final)).toEqual([false, true]);
    });

    test('a single-page app\'s next visit is reported as it is left too, until its own first report', () => {
      const h = open();
      h.at(SETTLE_MS);
      vi.advanceTimersByTime(SETTLE_MS);
      vi.runOnlyPendingTimers();
      h.at(5000);
      h.win.history.pushState(null, '', '/sport/spiel');
      h.watch.tick();
      expect(h.sent.map((u) => [u.key, u.final])).toEqual([['key-1', false], ['key-1', true]]);
      h.at(6000);
      leaving(h);
      expect(h.sent.at(-1)).toMatchObject({ key: 'key-2', final: false, visit: { url: 'https://www.zeitung.example/sport/spiel', activeMs: 1000 } });
    });

    test('a stopped watch listens no more', () => {
      const h = open();
      const removing = vi.spyOn(h.win, 'removeEventListener');
      h.watch.stop();
      expect(removing.mock.calls.map(([type]) => type)).toContain('beforeunload');
      leaving(h);
      expect(h.sent).toHaveLength(0);
    });
  });

  describe('the page\'s own words', () => {
    const STORY = `<html lang="en"><head><title>Glaciers</title></head><body><article>
      <p>Glaciers retreat as glaciers melt; the glaciers of the valley lost ice every summer.</p>
      <p>Meltwater from the glaciers feeds rivers, and the rivers carry meltwater to the sea.</p></article></body></html>`;
    const ADDRESS = 'https://science.example/ice/glaciers';
    /** Lets the settle time and the idle moment pass (and an answer already given). */
    async function passSettleTime({ at }: Harness): Promise<void> {
      at(SETTLE_MS);
      await vi.advanceTimersByTimeAsync(SETTLE_MS + 1);
      await vi.runOnlyPendingTimersAsync();
    }
    /** The background's side: `wanted` answers the report that asks, the keywords are counted as the background counts them. */
    function portOf(wanted: (url: string) => Promise<boolean>) {
      return { wanted: vi.fn(wanted), keywords: vi.fn(async (_url: string, text: string, lang: string) => topWords(text, lang)) };
    }
    /** Opens the story with the port, past its settle time. */
    async function settled(pageText: PageTextPort & Pick<OpenOptions, 'wanted'>): Promise<Harness> {
      const opened = open(`${ADDRESS}?ref=home`, STORY, undefined, undefined, { pageText, wanted: pageText.wanted });
      await passSettleTime(opened);
      return opened;
    }
    /** Opens the story past its settle time, its question waiting for the answer the test gives. */
    async function asking() {
      let asked!: (wanted: boolean) => void;
      const port = portOf(() => new Promise((resolve) => { asked = resolve; }));
      const opened = open(ADDRESS, STORY, undefined, undefined, { pageText: port, wanted: port.wanted });
      const read = vi.spyOn(opened.watch.recorder, 'mainText');
      await passSettleTime(opened);
      const answer = async (wanted: boolean): Promise<void> => {
        asked(wanted);
        await vi.advanceTimersByTimeAsync(0);
      };
      const leave = (): void => opened.fire(opened.win as unknown as EventTarget, new opened.win.Event('pagehide') as unknown as Event, { persisted: false });
      return { ...opened, port, read, asked, answer, leave };
    }

    test('are read once the background answered the first report that it wants them, counted by the background, and follow in a report of their own', async () => {
      const port = portOf(async () => true);
      const { sent } = await settled(port);
      expect(port.wanted).toHaveBeenCalledExactlyOnceWith(ADDRESS);
      expect(sent[0].askText, 'the first report asks').toBe(true);
      expect(port.keywords).toHaveBeenCalledOnce();
      const [url, text, lang] = port.keywords.mock.calls[0];
      expect([url, lang]).toEqual([ADDRESS, 'en']);
      expect(text).toContain('Meltwater from the glaciers feeds rivers');
      expect(sent).toHaveLength(2);
      expect(sent[0].visit, 'stored as soon as the page is read').not.toHaveProperty('keywords');
      expect(sent[1].key).toBe(sent[0].key);
      expect(sent[1]).not.toHaveProperty('askText');
      expect(sent[1].visit.keywords?.slice(0, 3)).toEqual(['glaciers', 'meltwater', 'rivers']);
    });

    test('the text is read in an idle moment of its own, not in the answer’s task', async () => {
      const { read, asked, sent } = await asking();
      asked(true);
      for (let i = 0; i < 5; i++) await Promise.resolve();
      // The answer has come and the page's timers have not run yet: nothing read.
      expect(read).not.toHaveBeenCalled();
      await vi.runOnlyPendingTimersAsync();
      expect(read).toHaveBeenCalledOnce();
      expect(sent).toHaveLength(2);
      expect(sent[1].visit.keywords?.[0]).toBe('glaciers');
    });

    test('a page whose text cannot be read is reported without keywords, and watched as before', async () => {
      const port = portOf(async () => true);
      const opened = open(`${ADDRESS}?ref=home`, STORY, undefined, undefined, { pageText: port, wanted: port.wanted });
      vi.spyOn(opened.watch.recorder, 'mainText').mockImplementation(() => { throw new Error('a hostile page'); });
      await passSettleTime(opened);
      const { sent, win, fire } = opened;
      expect(sent).toHaveLength(1);
      expect(sent[0].visit).not.toHaveProperty('keywords');
      expect(port.keywords).not.toHaveBeenCalled();
      fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
      expect(sent.map((update) => update.final)).toEqual([false, true]);
    });

    test('a visit left while its keywords are being counted goes without them, and nothing comes after its last report', async () => {
      let counted!: (keywords: string[]) => void;
      const port = { wanted: vi.fn(async () => true), keywords: vi.fn(() => new Promise<string[]>((resolve) => { counted = resolve; })) };
      const opened = open(ADDRESS, STORY, undefined, undefined, { pageText: port, wanted: port.wanted });
      await passSettleTime(opened);
      expect(port.keywords).toHaveBeenCalledOnce();
      const { sent, win, fire } = opened;
      fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
      counted(['glaciers']);
      await vi.runOnlyPendingTimersAsync();
      expect(sent.map((update) => update.final)).toEqual([false, true]);
      expect(sent.every((update) => update.visit.keywords === undefined)).toBe(true);
    });

    test('a page whose address changed after the yes is not read for the visit that ended', async () => {
      let asked!: (wanted: boolean) => void;
      const port = portOf(() => new Promise((resolve) => { asked = resolve; }));
      const opened = open(ADDRESS, STORY, undefined, undefined, { pageText: port, wanted: port.wanted, tickMs: 60_000 });
      await passSettleTime(opened);
      const read = vi.spyOn(opened.watch.recorder, 'mainText');
      // A single-page app moves on, and no tick has seen it yet when the answer comes.
      opened.win.history.pushState(null, '', '/ice/private-notes');
      asked(true);
      await vi.runOnlyPendingTimersAsync();
      expect(read).not.toHaveBeenCalled();
      expect(port.keywords).not.toHaveBeenCalled();
      // The visit that ended, and the next one, read in its turn (its question not answered yet).
      expect(opened.sent.map((update) => [update.final, update.visit.url]))
        .toEqual([[false, ADDRESS], [true, ADDRESS], [false, 'https://science.example/ice/private-notes']]);
      expect(opened.sent.every((update) => update.visit.keywords === undefined)).toBe(true);
    });

    test('keywords the background could not count delay no report: the visit goes without them', async () => {
      const port = { wanted: async () => true, keywords: () => Promise.reject(new Error('Could not establish connection.')) };
      const { sent } = await settled(port);
      expect(sent).toHaveLength(1);
      expect(sent[0].visit).not.toHaveProperty('keywords');
    });

    test('are never read where the background does not want them (an excluded site, recording paused)', async () => {
      const { sent, read, port, answer, leave } = await asking();
      expect(sent, 'the first report goes without waiting for the answer').toHaveLength(1);
      await answer(false);
      leave();
      expect(sent.map((update) => update.final)).toEqual([false, true]);
      expect(sent.every((update) => update.visit.keywords === undefined)).toBe(true);
      expect(read).not.toHaveBeenCalled();
      expect(port.keywords).not.toHaveBeenCalled();
    });

    test('a report whose answer is lost delays no report: the visit goes without them', async () => {
      const { sent } = await settled(portOf(() => Promise.reject(new Error('Could not establish connection.'))));
      expect(sent).toHaveLength(1);
      expect(sent[0].visit).not.toHaveProperty('keywords');
    });

    test('a visit left before the answer came has none, and a late answer reads nothing', async () => {
      const { sent, read, answer, leave } = await asking();
      leave();
      await answer(true);
      expect(sent.map((update) => update.final)).toEqual([false, true]);
      expect(sent.every((update) => update.visit.keywords === undefined)).toBe(true);
      expect(read).not.toHaveBeenCalled();
    });

    test('a search results page is not asked about: its text is what was searched for', async () => {
      const port = portOf(async () => true);
      const opened = open('https://search.example/search?q=glaciers', STORY, undefined, undefined, { pageText: port, wanted: port.wanted });
      await passSettleTime(opened);
      const { sent } = opened;
      expect(port.wanted).not.toHaveBeenCalled();
      expect(sent[0]).not.toHaveProperty('askText');
      expect(port.keywords).not.toHaveBeenCalled();
      expect(sent).toHaveLength(1);
      expect(sent[0].visit).toMatchObject({ kind: 'search' });
      expect(sent[0].visit).not.toHaveProperty('keywords');
    });
  });

  test('counts trusted clicks and keys, ignores made-up ones, and never keeps what was typed', () => {
    const { win, doc, fire, advance } = open();
    const field = doc.getElementById('field') as HTMLInputElement;
    field.value = 'p4ssw0rd-zz';
    for (const key of 'zqxjvw') fire(field, new win.KeyboardEvent('keydown', { key, bubbles: true }) as unknown as Event);
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    doc.body.dispatchEvent(new win.MouseEvent('click', { bubbles: true }) as unknown as Event); // a page script's click
    field.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'a', bubbles: true }) as unknown as Event);
    fire(doc.body, new win.Event('copy', { bubbles: true }) as unknown as Event);
    advance(20_000);
    const [update] = harness!.sent;
    expect(update.visit).toMatchObject({ clicks: 1, keys: 6, selections: 1 });
    const serialized = JSON.stringify(harness!.sent);
    expect(serialized).not.toContain('zqxjvw');
    expect(serialized).not.toContain('p4ssw0rd');
    expect(serialized).not.toMatch(/"[zqxjvw]"/);
    expect(serialized).not.toContain('abc123'); // the query of the address
    expect(serialized).not.toContain('private'); // the query of the referrer
  });

  test('sends periodic updates only when something changed', () => {
    const { win, doc, fire, advance, sent } = open();
    advance(14_000);
    expect(sent).toHaveLength(0);
    advance(15_000);
    expect(sent).toHaveLength(1);
    // Idle from 30 s on: nothing changes, nothing is sent.
    advance(75_000);
    expect(sent.map((u) => u.visit.activeMs)).toEqual([15_000, 30_000]);
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    advance(90_000);
    expect(sent).toHaveLength(3);
    expect(sent.every((u) => u.key === 'key-1' && !u.final)).toBe(true);
  });

  test('hiding the page sends a non-final update; leaving it sends the final one, once', () => {
    const { win, doc, watch, fire, at, state, sent } = open();
    at(5000);
    state.visible = false;
    fire(doc, new win.Event('visibilitychange') as unknown as Event);
    expect(sent.at(-1)).toMatchObject({ final: false, visit: { activeMs: 5000 } });
    at(50_000);
    state.visible = true;
    fire(doc, new win.Event('visibilitychange') as unknown as Event);
    at(52_000);
    win.dispatchEvent(new win.Event('pagehide')); // made up by the page: ignored
    expect(sent.at(-1)!.final).toBe(false);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
    expect(sent.at(-1)).toMatchObject({ key: 'key-1', final: true, visit: { activeMs: 7000, endedAt: 1_052_000 } });
    const count = sent.length;
    harness!.advance(80_000);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
    expect(sent).toHaveLength(count);
  });

  test('a page back from the back-forward cache is a new visit', () => {
    const { win, watch, fire, at, sent } = open();
    at(3000);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: true });
    at(600_000);
    fire(win as unknown as EventTarget, new win.Event('pageshow') as unknown as Event, { persisted: true });
    expect(watch.recorder.key).toBe('key-2');
    at(610_000);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: true });
    expect(sent.map((u) => [u.key, u.final, u.visit.activeMs])).toEqual([['key-1', true, 3000], ['key-2', true, 10_000]]);
    expect(sent[1].visit.startedAt).toBe(1_600_000);
  });

  test('a single-page app changing its path starts a new visit; a new query does not', () => {
    const { win, doc, watch, fire, at, sent } = open();
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    at(4000);
    win.history.pushState(null, '', '/politik/artikel?page=2');
    watch.tick();
    expect(sent).toHaveLength(0);
    win.history.pushState(null, '', '/sport/spiel?id=9');
    at(6000);
    watch.tick();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ key: 'key-1', final: true, visit: { url: 'https://www.zeitung.example/politik/artikel', clicks: 1, activeMs: 6000 } });
    at(9000);
    const next = watch.recorder.update(9000 + 1_000_000, false);
    expect(next).toMatchObject({
      key: 'key-2',
      visit: { url: 'https://www.zeitung.example/sport/spiel', referrerHost: 'www.zeitung.example', clicks: 0, activeMs: 3000, startedAt: 1_006_000 },
    });
  });

  test('popstate is checked at once, without waiting for the tick', () => {
    const { win, fire, sent, at } = open();
    at(1500); // past the shortest visit an address change can end
    win.history.pushState(null, '', '/other');
    fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    expect(sent.map((u) => u.final)).toEqual([true]);
  });

  test('audible media keeps the user active without input and counts as media time', () => {
    const { win, doc, watch, fire, at } = open();
    const clip = doc.getElementById('clip') as HTMLVideoElement;
    Object.defineProperty(clip, 'paused', { configurable: true, value: false });
    at(1000);
    fire(clip, new win.Event('play') as unknown as Event);
    at(301_000);
    const atEnd = 1_000_000 + 301_000;
    expect(watch.recorder.snapshot(atEnd)).toMatchObject({ activeMs: 301_000, mediaMs: 300_000 });
  });

  test('a long pause between ticks (the machine asleep) is not active time', () => {
    const { watch, at } = open();
    const clip = harness!.doc.getElementById('clip')!;
    Object.defineProperty(clip, 'paused', { configurable: true, value: false });
    harness!.fire(clip, new harness!.win.Event('playing') as unknown as Event);
    at(1000); watch.tick();
    at(8 * 3600_000); watch.tick();
    expect(watch.recorder.snapshot(1_000_000 + 8 * 3600_000).activeMs).toBe(2000);
  });

  test('stops cleanly once the extension is gone', async () => {
    const post = vi.fn(() => Promise.reject(new Error('Extension context invalidated.')));
    const { win, doc, watch, fire, advance } = open(undefined, undefined, post);
    advance(20_000);
    await vi.waitFor(() => expect(post).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    advance(40_000);
    expect(watch.recorder.counter.current().clicks).toBe(0);
    expect(post).toHaveBeenCalledTimes(1);
  });

  test('a failure inside the watch never reaches the page: the watch stops', () => {
    const { win, doc, watch, fire, advance, sent } = open();
    doc.getElementsByTagName = () => { throw new Error('unexpected document'); };
    expect(() => advance(20_000)).not.toThrow();
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    expect(watch.recorder.counter.current().clicks).toBe(0);
    expect(sent).toHaveLength(0);
  });

  test('a visit’s key is made when it is first reported, not at load', () => {
    const { win, doc, fire, at, sent } = open();
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    expect(keysMade()).toBe(0);
    at(4000);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: false });
    expect(keysMade()).toBe(1);
    expect(sent.map((u) => u.key)).toEqual(['key-1']);
  });

  test('pageshow is listened to only once the page went into the back-forward cache, and no more after a stop', () => {
    const { win, watch, fire, at, sent } = open();
    fire(win as unknown as EventTarget, new win.Event('pageshow') as unknown as Event, { persisted: true });
    expect(watch.recorder.visits).toBe(1); // not closed: nothing to come back to
    at(2000);
    fire(win as unknown as EventTarget, new win.Event('pagehide') as unknown as Event, { persisted: true });
    watch.stop();
    fire(win as unknown as EventTarget, new win.Event('pageshow') as unknown as Event, { persisted: true });
    expect(watch.recorder.visits).toBe(1);
    expect(sent).toHaveLength(1);
  });

  test('with the Navigation API, an address change is caught at once and the tick slows down', () => {
    const navigation = { target: null as EventTarget | null };
    const { win, doc, watch, fire, at, sent } = open(undefined, undefined, undefined, (w) => {
      navigation.target = new w.EventTarget() as unknown as EventTarget;
      Object.defineProperty(w, 'navigation', { configurable: true, value: navigation.target });
    });
    fire(doc.body, new win.MouseEvent('click', { bubbles: true }) as unknown as Event);
    at(3000);
    win.history.pushState(null, '', '/sport/spiel');
    navigation.target!.dispatchEvent(new win.Event('currententrychange') as unknown as Event);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ final: true, visit: { url: 'https://www.zeitung.example/politik/artikel', clicks: 1, activeMs: 3000 } });
    expect(watch.recorder.url).toBe('https://www.zeitung.example/sport/spiel');
    // The timer now only backs the events up, with the periodic report: a change the browser did
    // not announce is seen within 15 s, not 1 s.
    at(4100);
    win.history.pushState(null, '', '/wetter');
    const finals = () => sent.filter((update) => update.final).map((update) => update.visit.url);
    vi.advanceTimersByTime(14_000);
    expect(finals()).toEqual(['https://www.zeitung.example/politik/artikel']);
    vi.advanceTimersByTime(1_000);
    expect(finals()).toEqual(['https://www.zeitung.example/politik/artikel', 'https://www.zeitung.example/sport/spiel']);
  });

  test('an address rewritten again within a second is the same visit going on, not a new one each time', () => {
    const { win, fire, sent, at } = open();
    at(1500);
    win.history.pushState(null, '', '/loop/1');
    fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    for (let n = 2; n <= 50; n++) {
      at(1500 + n * 10);
      win.history.pushState(null, '', `/loop/${n}`);
      fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    }
    expect(sent.filter((u) => u.final)).toHaveLength(1);
    at(3000);
    win.history.pushState(null, '', '/settled');
    fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    expect(sent.filter((u) => u.final)).toHaveLength(2);
  });

  test('a redirect within the first second moves the visit to the new address, read there', () => {
    const { win, doc, fire, sent, at } = open();
    at(1500);
    win.history.pushState(null, '', '/post/5');
    fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    at(2000);
    win.history.pushState(null, '', '/login');
    doc.title = 'Sign in';
    fire(win as unknown as EventTarget, new win.Event('popstate') as unknown as Event);
    at(20_000);
    fire(win as unknown as EventTarget, new win.PageTransitionEvent('pagehide') as unknown as Event, { persisted: false });
    const visits = sent.map((update) => [update.final, new URL(update.visit.url).pathname, update.visit.title]);
    expect(visits.filter(([, path]) => path === '/post/5')).toEqual([]); // never reported under the address it left at once
    expect(visits.at(-1)).toEqual([true, '/login', 'Sign in']);
  });

  test('does not watch pages that are not on the web', () => {
    const win = new Window({ url: 'about:blank' });
    expect(watchPage({ window: win as unknown as globalThis.Window, post: () => {} })).toBeNull();
    win.close();
  });
});
