// The content script's one door to the extension API: a request of the message contract sent to
// Tabula's background. It does not go through browser-api.ts on purpose: the polyfill there is
// most of a content script's size, and every page would compile and run it at load, while a
// content script needs only `runtime.sendMessage`, which both browsers give natively with a promise
// (Firefox as `browser`, Chrome MV3 as `chrome`). The envelope and the reply are those of `send`
// and `handle` in messages.ts; its types are imported as types only, so none of its code comes along.
import { MessageError } from '../errors';
import type { AnswerOf, RequestOf, RequestType } from '../messages';

export interface RuntimeLike {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): unknown;
  };
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The extension API of this content script: `browser` where it is native (Firefox), else `chrome`.
 * A page element with id="browser" shows through as a global in some browsers: it has no runtime id.
 */
export function extensionApi(scope: object = globalThis): RuntimeLike | undefined {
  const { browser, chrome } = scope as { browser?: RuntimeLike; chrome?: RuntimeLike };
  if (typeof browser?.runtime?.sendMessage === 'function' && browser.runtime.id) return browser;
  return chrome;
}

/** Sends one request of the contract and returns its answer; an error answered comes back as a MessageError. */
export async function request<K extends RequestType>(api: RuntimeLike | undefined, type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
  // Chrome leaves an old content script running after the extension reloads, with no runtime id.
  if (!api?.runtime?.id) throw new Error('Extension context invalidated.');
  const reply = (await api.runtime.sendMessage({ tabula: 1, type, payload })) as Reply | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new MessageError('Tabula’s background did not answer.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value as AnswerOf<K>;
}
