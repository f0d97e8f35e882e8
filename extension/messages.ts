// The message contract: every request any context sends, with its answer, as one type.
// Senders are checked against `from`; errors travel back as data and are rethrown by `send`.
import { browser, type Runtime } from './browser-api';
import { InvalidRequest, MessageError } from './errors';
import type {
  BackgroundStatus, DataExport, ForgetRequest, ForgetResult, ImportPreview, Insights, ModelOverview,
  PlayRequest, Settings, TabPrediction, VisitPage, VisitQuery, VisitUpdate,
} from './contract-types';
import type { ModelFile } from './contract-types';

export * from './contract-types';
export { InvalidRequest, MessageError } from './errors';

/** Who may send a request: a page's content script, or one of the extension's own pages. */
type From = 'page' | 'extension';

/** Request name → [request payload, answer, who may send it]. */
export interface Contract {
  'visit/update': [VisitUpdate, Record<string, never>, 'page']; // the same answer whatever was stored
  'tab/predict': [{ tabId?: number }, TabPrediction, 'extension'];
  'tab/feedback': [{ tabId?: number; verdict: 'useful' | 'not-interested' }, TabPrediction, 'extension'];
  'model/overview': [Record<string, never>, ModelOverview, 'extension'];
  'model/insights': [Record<string, never>, Insights, 'extension'];
  'model/reset': [{ wipeData: boolean }, ModelOverview, 'extension'];
  'model/export': [{ names?: boolean }, ModelFile, 'extension'];
  'model/preview-import': [{ file: unknown }, ImportPreview, 'extension'];
  'model/import': [{ file: unknown }, ModelOverview, 'extension'];
  'model/play': [PlayRequest, ModelOverview, 'extension'];
  'data/visits': [VisitQuery, VisitPage, 'extension'];
  'data/forget-preview': [ForgetRequest, { visits: number; events: number }, 'extension'];
  'data/forget': [ForgetRequest, ForgetResult, 'extension'];
  'data/export': [Record<string, never>, DataExport, 'extension'];
  'settings/get': [Record<string, never>, Settings, 'extension'];
  'settings/set': [Partial<Settings>, Settings, 'extension'];
  'background/status': [Record<string, never>, BackgroundStatus, 'extension'];
}

export type RequestType = keyof Contract;
export type RequestOf<K extends RequestType> = Contract[K][0];
export type AnswerOf<K extends RequestType> = Contract[K][1];

const SENDERS: { [K in RequestType]: Contract[K][2] } = {
  'visit/update': 'page',
  'tab/predict': 'extension',
  'tab/feedback': 'extension',
  'model/overview': 'extension',
  'model/insights': 'extension',
  'model/reset': 'extension',
  'model/export': 'extension',
  'model/preview-import': 'extension',
  'model/import': 'extension',
  'model/play': 'extension',
  'data/visits': 'extension',
  'data/forget-preview': 'extension',
  'data/forget': 'extension',
  'data/export': 'extension',
  'settings/get': 'extension',
  'settings/set': 'extension',
  'background/status': 'extension',
};

interface Envelope { tabula: 1; type: string; payload: unknown }
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export async function send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
  const envelope: Envelope = { tabula: 1, type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new MessageError('Tabula’s background did not answer.');
  }
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value as AnswerOf<K>;
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
  if (!Object.hasOwn(SENDERS, type)) {
    rejected.unknown++;
    return { ok: false, error: `Unknown request “${message.type.slice(0, 40)}”.` };
  }
  if (from !== SENDERS[type]) {
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

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null
    && (message as Envelope).tabula === 1 && typeof (message as Envelope).type === 'string';
}
