// The one door to the WebExtension API. Everything else imports the browser from here, so that
// Chrome and Firefox look the same (promises, `browser.*`) and tests have one thing to stand in for.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Storage, Alarms, History, Permissions } from 'webextension-polyfill';
export { browser };

/**
 * `storage.session`: kept in memory only (never written to disk, gone when the browser closes) and,
 * by default in Chrome and Firefox, readable by the extension's own pages and worker only, never by
 * content scripts. The polyfill passes it through untouched; both browsers answer with promises.
 * Typed by `Items`, the schema of what the area holds (kept-prediction.ts).
 */
export interface SessionArea<Items> {
  get<K extends keyof Items & string>(keys: K | K[]): Promise<{ [P in K]?: Items[P] }>;
  set(items: { [P in keyof Items]?: Items[P] }): Promise<void>;
  remove(keys: (keyof Items & string) | (keyof Items & string)[]): Promise<void>;
  clear(): Promise<void>;
  /** Chrome (and Firefox once it has it): who may read the area. */
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void>;
}

/** The session area, or undefined where the browser has none. */
export function sessionArea<Items>(): SessionArea<Items> | undefined {
  return (browser.storage as { session?: SessionArea<Items> } | undefined)?.session;
}
