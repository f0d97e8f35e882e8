// The one real sender of visit updates: a message to Tabula's background.
import { browser } from '../browser-api';
import { send, type VisitUpdate } from '../messages';

export function postVisit(update: VisitUpdate): Promise<unknown> {
  // Chrome leaves an old content script running after the extension reloads, with no runtime id.
  if (!browser.runtime?.id) return Promise.reject(new Error('Extension context invalidated.'));
  return send('visit/update', update);
}
