// Tabula's one wire protocol: the contract (every request by name, with its payload and its
// answer), who may send each, the envelope a request travels in and the reply it comes back as.
// Extension pages send with `send` and the background answers with `handle` (messages.ts); a
// page's content script sends through its own port (content/runtime-port.ts). It loads no browser
// API: webextension-polyfill would be most of a content script's size, so each sender hands
// `request` the runtime it sends with.
import type { ModelFile } from '../model/serialize';
import type {
  BackgroundStatus, DataExport, DataFileCheck, DataFileLines, DataImportResult, ForgetRequest, ForgetResult, ImportPreview, MergePreview,
  Insights, ModelOverview, PlayRequest, Settings, TabPrediction, TimeReport, VisitPage, VisitQuery, VisitUpdate,
} from './contract-types';
import { MessageError } from './errors';

/** Request name → [request payload, answer]. */
export interface Contract {
  'visit/update': [VisitUpdate, { textWanted?: boolean }]; // the same answer whatever was stored; asked (askText), whether the page's words may be read
  'page/keywords': [{ url: string; text: string; lang: string }, { keywords: string[] }]; // the keywords of the page's main text
  'tab/predict': [{ tabId?: number }, TabPrediction];
  /** `url`: the address of the page shown, so that no other page is corrected in its place. */
  'tab/feedback': [{ tabId?: number; verdict: 'useful' | 'not-interested'; url?: string }, TabPrediction];
  'model/overview': [Record<string, never>, ModelOverview];
  'model/insights': [Record<string, never>, Insights];
  'model/reset': [{ wipeData: boolean }, ModelOverview];
  'model/export': [{ names?: boolean; compact?: boolean }, ModelFile];
  'model/preview-import': [{ file: unknown }, ImportPreview];
  'model/import': [{ file: unknown }, ModelOverview];
  'model/preview-merge': [{ file: unknown }, MergePreview];
  'model/merge': [{ file: unknown }, ModelOverview];
  'model/play': [PlayRequest, ModelOverview];
  'data/visits': [VisitQuery, VisitPage];
  'data/time': [Record<string, never>, TimeReport]; // the last four weeks' active time, from the stored visits
  'data/forget-preview': [ForgetRequest, { visits: number; events: number }];
  'data/forget': [ForgetRequest, ForgetResult];
  'data/export': [Record<string, never>, DataExport];
  'data/import-lines': [DataFileLines, DataFileCheck]; // checked as they come, stored only by 'data/import'
  'data/import': [{ importId: string }, DataImportResult];
  'settings/get': [Record<string, never>, Settings];
  'settings/set': [Partial<Settings>, Settings];
  'background/status': [Record<string, never>, BackgroundStatus];
}

export type RequestType = keyof Contract;
export type RequestOf<K extends RequestType> = Contract[K][0];
export type AnswerOf<K extends RequestType> = Contract[K][1];

/** Who sends a request: a page's content script, or one of the extension's own pages. */
export type From = 'page' | 'extension';

/** The requests a page may send. Every other request is the extension's own pages' alone. */
const PAGE_REQUESTS: readonly RequestType[] = ['visit/update', 'page/keywords'];

export function senderOf(type: RequestType): From {
  return PAGE_REQUESTS.includes(type) ? 'page' : 'extension';
}

export interface Envelope {
  tabula: 1;
  type: string;
  payload: unknown;
}

/** What the background answers: the value, or the error as data (rethrown by `request`). */
export type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null
    && (message as Envelope).tabula === 1 && typeof (message as Envelope).type === 'string';
}

/** An extension API that can send: the polyfill's `browser`, or a content script's native `browser` or `chrome`. */
export interface RuntimeLike {
  runtime?: {
    id?: string;
    sendMessage(message: unknown): unknown;
  };
}

/** Sends one request of the contract and returns its answer; an error answered comes back as a MessageError. */
export async function request<K extends RequestType>(api: RuntimeLike | undefined, type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
  // Chrome leaves an old content script running after the extension reloads, with no runtime id.
  if (!api?.runtime?.id) throw new Error('Extension context invalidated.');
  const reply = (await api.runtime.sendMessage({ tabula: 1, type, payload } satisfies Envelope)) as Reply | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) throw new MessageError('Tabula’s background did not answer.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value as AnswerOf<K>;
}
