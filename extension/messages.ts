// The protocol (protocol.ts) over the browser API: `send` for the extension's own pages, and
// `handle`, the background's one listener for the whole contract. Senders are checked against
// protocol's `senderOf`; errors are answered as data and rethrown by the sending side.
import { browser, type Runtime } from './browser-api';
import { InvalidRequest } from './errors';
import { isEnvelope, request, senderOf, type AnswerOf, type Envelope, type From, type Reply, type RequestOf, type RequestType } from './protocol';

/** Sends one request to the background and returns its answer (an error answered is thrown as a MessageError). */
export function send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
  return request(browser, type, payload);
}

export type Handlers = {
  [K in RequestType]: (payload: RequestOf<K>, sender: Runtime.MessageSender) => Promise<AnswerOf<K>> | AnswerOf<K>;
};

/** Where a message came from, or null for a stranger (another extension, a web page). */
export function senderKind(sender: Runtime.MessageSender, extensionOrigin: string): From | null {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension';
  // Our own content script (the id is ours, the url a web page's). Its last report can reach a
  // background woken for it after the page has gone (Firefox), and then names no tab.
  if (/^https?:/.test(url)) return 'page';
  return null;
}

/** Counts of requests turned away, by reason: a wrong shape, a stranger, an unknown type. */
export const rejected = { malformed: 0, sender: 0, unknown: 0 };

/**
 * Registers one listener for the whole contract. Call it synchronously at the top level of the
 * background, so a message that wakes the worker finds its listener.
 */
export function handle(handlers: Handlers): void {
  const origin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined; // not ours: leave it for other listeners
    return answer(handlers, message, senderKind(sender, origin), sender);
  });
}

async function answer(handlers: Handlers, message: Envelope, from: From | null, sender: Runtime.MessageSender): Promise<Reply> {
  const type = message.type as RequestType;
  // The handler object names every request of the contract (its type says so), and nothing else.
  if (!Object.hasOwn(handlers, type)) {
    rejected.unknown++;
    return { ok: false, error: `Unknown request “${message.type.slice(0, 40)}”.` };
  }
  if (from !== senderOf(type)) {
    rejected.sender++;
    return { ok: false, error: `“${type}” is not accepted from this sender.` };
  }
  try {
    const handler = handlers[type] as (payload: unknown, sender: Runtime.MessageSender) => unknown;
    return { ok: true, value: await handler(message.payload ?? {}, sender) };
  } catch (error) {
    if (error instanceof InvalidRequest) rejected.malformed++;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
