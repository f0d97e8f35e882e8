// The one door to the WebExtension API. Everything else imports the browser from here, so that
// Chrome and Firefox look the same (promises, `browser.*`) and tests have one thing to stand in for.
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Storage, Alarms, History, Permissions } from 'webextension-polyfill';
export { browser };
