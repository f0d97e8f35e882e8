// Tabula's background: listeners registered synchronously at the top level, so the message or
// alarm that wakes the worker finds them. Everything in memory is a cache of what is stored.
import { browser } from '../browser-api';
import { handle } from '../messages';
import { handlers } from './handlers/index';
import { maintain, MAINTENANCE_ALARM, onTabClosed } from './maintenance';
import { flush } from './learner-service';
import { dropTabPrediction } from './prediction-cache';

handle(handlers);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === MAINTENANCE_ALARM) void maintain();
});
browser.tabs.onRemoved.addListener((tabId) => {
  void onTabClosed(tabId);
  void dropTabPrediction(tabId).catch(() => undefined);
});
browser.runtime.onInstalled.addListener(() => void browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: 5 }));
browser.runtime.onStartup.addListener(() => void browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: 5 }));
// Firefox tells an event page before suspending it; Chrome's worker relies on the batched saves.
browser.runtime.onSuspend?.addListener(() => void flush());
