// Watching every request the extension makes, at the browser level, for as long as a browser
// runs: Chromium writes its NetLog (each request with the origin that started it, service worker
// included); Firefox reports WebDriver BiDi network events with the browsing context that made
// them. Enabled by TABULA_NETLOG_DIR (the proof suite sets it for its whole run).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from 'puppeteer-core';

export interface ExtensionRequest {
  browser: 'chromium' | 'firefox';
  url: string;
  by: string;
}

const firefoxSeen: ExtensionRequest[] = [];
export const watchedFirefoxRequests = { count: 0 };

/** Chromium flags that write the NetLog of a profile into TABULA_NETLOG_DIR. */
export function netLogArgs(profile: string): string[] {
  const dir = process.env.TABULA_NETLOG_DIR;
  return dir ? [`--log-net-log=${join(dir, `${basename(profile)}.json`)}`, '--net-log-capture-mode=Default'] : [];
}

/** Firefox: records requests made from the extension's own pages (moz-extension contexts). */
export function watchFirefox(browser: Browser, origin: string): void {
  if (!process.env.TABULA_NETLOG_DIR) return;
  const connection = (browser as unknown as { connection: { on(event: string, listener: (event: any) => void): void } }).connection;
  const contexts = new Map<string, string>();
  const seen = (event: { context: string; url: string }) => contexts.set(event.context, event.url);
  connection.on('browsingContext.contextCreated', seen);
  connection.on('browsingContext.navigationStarted', seen);
  connection.on('network.beforeRequestSent', (event: { context: string | null; request: { url: string } }) => {
    watchedFirefoxRequests.count++;
    const by = event.context === null ? '' : contexts.get(event.context) ?? '';
    if (by.startsWith(origin) && !event.request.url.startsWith(origin)) firefoxSeen.push({ browser: 'firefox', url: event.request.url, by });
  });
}

/** Every request started by an extension (chrome-extension:// or moz-extension:// initiator) for anything but its own files. */
export function extensionRequests(): { requests: ExtensionRequest[]; chromiumRequestsWatched: number; firefoxRequestsWatched: number } {
  const dir = process.env.TABULA_NETLOG_DIR;
  const requests: ExtensionRequest[] = [...firefoxSeen];
  let chromiumRequestsWatched = 0;
  for (const file of dir ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
    const log = readNetLog(join(dir!, file));
    const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    for (const event of log.events) {
      if (event.type !== startJob || !event.params?.url) continue;
      chromiumRequestsWatched++;
      const initiator = String(event.params.initiator ?? '');
      if (initiator.startsWith('chrome-extension://') && !String(event.params.url).startsWith(initiator)) {
        requests.push({ browser: 'chromium', url: event.params.url, by: initiator });
      }
    }
  }
  return { requests, chromiumRequestsWatched, firefoxRequestsWatched: watchedFirefoxRequests.count };
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/** A NetLog file; one cut short by a killed browser is closed before parsing. */
function readNetLog(path: string): NetLog {
  const text = readFileSync(path, 'utf8').trim();
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/,\s*$/, '') + ']}');
  }
}
