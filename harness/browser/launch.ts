// Starts real Chromium or Firefox ESR with the built extension (dist/) in a profile of the test's
// own, and gives tests a few verbs: talk to the background as an extension page does, open the
// popup, stop the background, relaunch on the same profile.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { netLogArgs, watchFirefox } from './network-log';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AnswerOf, RequestOf, RequestType } from '../../extension/protocol';
import manifest from '../../manifest.json' with { type: 'json' };

export type BrowserName = 'chromium' | 'firefox';

export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.TABULA_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.TABULA_FIREFOX ?? '/usr/bin/firefox-esr',
};
export const DIST = resolve(process.env.TABULA_DIST ?? resolve(import.meta.dirname, '../../dist'));
const GECKO_ID = manifest.browser_specific_settings.gecko.id;

/** True when the browser is installed. With CI=true a missing browser fails instead of skipping. */
export function browserAvailable(name: BrowserName): boolean {
  const found = existsSync(EXECUTABLES[name]);
  if (!found && process.env.CI) throw new Error(`${name} is not installed at ${EXECUTABLES[name]}: CI must run the real-browser tests.`);
  if (!found) console.warn(`Skipping the ${name} tests: ${EXECUTABLES[name]} is not installed (apt-get install ${name === 'chromium' ? 'chromium' : 'firefox-esr'}).`);
  return found;
}

export interface LaunchOptions {
  /** Firefox: suspend the background page after this many ms idle. */
  idleTimeoutMs?: number;
  /** Firefox: more preferences (a storage limit, say). */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Chromium: more command-line switches (host resolver rules, say). */
  chromiumArgs?: string[];
  /** Folder in which to make the profile (a small disk, say); .tmp/ by default. */
  profileRoot?: string;
  /** The built extension to install; dist/ by default. */
  extensionDir?: string;
}

export class ExtensionBrowser {
  browser!: Browser;
  origin = '';
  private control?: Page;
  private readonly uuid = randomUUID();

  private constructor(readonly name: BrowserName, readonly profile: string, private readonly options: LaunchOptions) {}

  static async launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
    const root = options.profileRoot ?? resolve(import.meta.dirname, '../../.tmp');
    mkdirSync(root, { recursive: true });
    const tmp = mkdtempSync(join(root, `${name}-`));
    const it = new ExtensionBrowser(name, tmp, options);
    await it.start();
    return it;
  }

  private async start(): Promise<void> {
    if (this.name === 'chromium') {
      this.browser = await puppeteer.launch({
        executablePath: EXECUTABLES.chromium,
        headless: true,
        userDataDir: this.profile,
        pipe: true,
        enableExtensions: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-default-apps',
          ...(this.options.chromiumArgs ?? []), ...netLogArgs(this.profile)],
      });
      const id = await this.browser.installExtension(this.options.extensionDir ?? DIST);
      this.origin = `chrome-extension://${id}/`;
      await this.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(this.origin), { timeout: 30_000 });
    } else {
      const prefs: Record<string, unknown> = { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: this.uuid }) };
      if (this.options.idleTimeoutMs) prefs['extensions.background.idle.timeout'] = this.options.idleTimeoutMs;
      Object.assign(prefs, this.options.firefoxPrefs);
      this.browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: EXECUTABLES.firefox,
        headless: true,
        args: ['--remote-allow-system-access', '--profile', this.profile],
        extraPrefsFirefox: prefs,
      });
      await this.browser.installExtension(this.options.extensionDir ?? DIST);
      this.origin = `moz-extension://${this.uuid}/`;
      watchFirefox(this.browser, this.origin);
    }
    this.control = undefined;
  }

  /** Opens an extension page; in Firefox its navigation never resolves, so wait for the document. */
  async openExtensionPage(path: string, page?: Page): Promise<Page> {
    const tab = page ?? (await this.browser.newPage());
    const url = this.origin + path;
    if (this.name === 'chromium') await tab.goto(url);
    else {
      tab.goto(url).catch(() => undefined);
      await until(() => tab.evaluate((origin: string) => location.href.startsWith(origin) && document.readyState === 'complete', this.origin), 30_000);
    }
    return tab;
  }

  /** Sends a request of the contract from an extension page, as the popup does. */
  async call<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
    this.control ??= await this.openExtensionPage('popup.html');
    const reply = await this.control.evaluate(async (type: string, payload: unknown) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      return api.runtime.sendMessage({ tabula: 1, type, payload });
    }, type, payload as unknown);
    if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
    return reply.value as AnswerOf<K>;
  }

  /** Runs a function in the extension page that `call` uses (to read Tabula's IndexedDB directly, say). */
  async inExtensionPage<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
    this.control ??= await this.openExtensionPage('popup.html');
    return (this.control.evaluate as (fn: unknown, ...args: unknown[]) => Promise<T>)(fn, ...args);
  }

  /**
   * The records of Tabula's IndexedDB stores (all by default) as text; typed arrays are left out
   * (numbers only). `database`: the user's by default, or the sample's ('tabula-sample').
   */
  async databaseText(stores?: string[], database = 'tabula'): Promise<string> {
    return this.inExtensionPage(readDatabaseText, stores, database);
  }

  /** The names of the extension's IndexedDB databases, sorted. */
  async databaseNames(): Promise<string[]> {
    return this.inExtensionPage(async () => (await indexedDB.databases()).map((info) => info.name ?? '').sort());
  }

  /** Stops the background: Chromium's service worker over CDP; Firefox's page by its idle timeout. */
  async stopBackground(): Promise<void> {
    if (this.name === 'firefox') {
      if (!this.options.idleTimeoutMs) throw new Error('Launch Firefox with idleTimeoutMs to suspend its background.');
      // A page left open reports to the background every 15 s while its visit goes on, and each
      // message restarts Firefox's idle timer: a report landing in the wait can keep the page up
      // past it. The wait is tried again then (asking for the status restarts the timer too).
      const before = (await this.call('background/status', {})).wokeAt;
      for (let attempt = 0; attempt < 3; attempt++) {
        await this.control?.close();
        this.control = undefined;
        await sleep(this.options.idleTimeoutMs + 3_000);
        if ((await this.call('background/status', {})).wokeAt !== before) return;
      }
      throw new Error('Firefox did not suspend the background page in three idle waits.');
    }
    const page = await this.browser.newPage();
    const cdp = await page.createCDPSession();
    const versions = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: list }: { versions: { versionId: string; scriptURL: string; runningStatus: string }[] }) => {
      for (const v of list) if (v.scriptURL.startsWith(this.origin)) versions.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await sleep(300);
    for (const versionId of versions.keys()) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await sleep(300);
    await cdp.detach();
    await page.close();
    if (versions.size === 0) throw new Error('No Tabula service worker was found to stop.');
  }

  /** Closes the browser and starts it again on the same profile, with the extension installed again. */
  async relaunch(): Promise<void> {
    await this.browser.close();
    await this.start();
  }

  /** Starts again on the same profile after the browser hung or died: its process is killed if still there. */
  async relaunchAfterFailure(): Promise<void> {
    const closed = this.browser.close().catch(() => undefined);
    if (await Promise.race([closed.then(() => true), sleep(10_000).then(() => false)]) === false) this.browser.process()?.kill('SIGKILL');
    await this.start();
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Runs in an extension page: every record of the named stores of a Tabula database, as JSON. */
async function readDatabaseText(stores: string[] | undefined, database: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((done, fail) => {
    const request = indexedDB.open(database);
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const names = stores ?? [...db.objectStoreNames];
  const records = await new Promise<unknown[]>((done, fail) => {
    const tx = db.transaction(names);
    const all: unknown[] = [];
    for (const name of names) {
      const request = tx.objectStore(name).getAll();
      request.onsuccess = () => all.push(name, request.result);
    }
    tx.oncomplete = () => done(all);
    tx.onerror = () => fail(tx.error);
  });
  db.close();
  return JSON.stringify(records, (_key, value) => (ArrayBuffer.isView(value) ? undefined : value));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a check until it is true; errors while a page is still navigating count as not yet. */
export async function until(check: () => Promise<boolean>, timeoutMs: number, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}
