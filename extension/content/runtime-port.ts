// The content script's one door to the extension API: its visit reports (the one sent once the
// page is read asks whether the page's words may be read), and its main text handed over to have
// the keywords counted, all sent to Tabula's background with protocol.ts's `request`. It does not
// go through browser-api.ts on purpose: the polyfill there is most of a content script's size,
// and every page would compile and run it at load, while a content script needs only
// `runtime.sendMessage`, which both browsers give natively with a promise (Firefox as `browser`,
// Chrome MV3 as `chrome`).
import type { VisitUpdate } from '../contract-types';
import { request, type RuntimeLike } from '../protocol';

/**
 * The extension API of this content script: `browser` where it is native (Firefox), else `chrome`.
 * A page element with id="browser" shows through as a global in some browsers: it has no runtime id.
 */
export function extensionApi(scope: object = globalThis): RuntimeLike | undefined {
  const { browser, chrome } = scope as { browser?: RuntimeLike; chrome?: RuntimeLike };
  if (typeof browser?.runtime?.sendMessage === 'function' && browser.runtime.id) return browser;
  return chrome;
}

/** The one real sender of visit updates; the answer says, when the update asked, whether the page's words may be read. */
export function postVisit(update: VisitUpdate): Promise<{ textWanted?: boolean }> {
  return request(extensionApi(), 'visit/update', update);
}

/** Has the background count the keywords of the page's main text (the page never runs the counting). */
export async function countKeywords(url: string, text: string, lang: string): Promise<string[]> {
  const { keywords } = await request(extensionApi(), 'page/keywords', { url, text, lang });
  return Array.isArray(keywords) ? keywords : [];
}
