// The sample's answers: the background's own handlers, run in the page that shows the sample,
// against its database and learner (sample.ts). What the user does there acts on the sample
// (forgetting, settings, imports, merges, reset); three requests are answered differently, because
// their subject is the user's browser rather than the sample: the prediction is for the sample's
// last visit (it has no tab), and neither a page's correction nor the browser's history reaches it.
import type { Runtime } from '../browser-api';
import { InvalidRequest } from '../errors';
import type { Handlers } from '../messages';
import type { AnswerOf, RequestOf, RequestType } from '../protocol';
import { handlers } from '../background/handlers/index';
import { predictLastVisit } from '../background/handlers/tab';

const NOT_IN_SAMPLE = 'This is the sample';

const sampleHandlers: Handlers = {
  ...handlers,
  'visit/update': () => {
    throw new InvalidRequest(`${NOT_IN_SAMPLE}: pages report their visits to your own Tabula, never to it.`);
  },
  'tab/predict': () => predictLastVisit(),
  'tab/feedback': () => {
    throw new InvalidRequest(`${NOT_IN_SAMPLE}: its visits are made up, so there is no page of yours to correct.`);
  },
  'settings/set': (change, sender) => {
    if (change?.historyImport === true) throw new InvalidRequest(`${NOT_IN_SAMPLE}: it does not read your browser’s history.`);
    return handlers['settings/set'](change, sender);
  },
};

/** This page, as the sender the handlers are given. */
const SAMPLE_SENDER: Runtime.MessageSender = {};

/** Answers one request as the background would, from the sample; errors are thrown, as `send` throws them. */
export async function askSample<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
  if (!Object.hasOwn(sampleHandlers, type)) throw new Error(`Unknown request “${String(type).slice(0, 40)}”.`);
  const handler = sampleHandlers[type] as (payload: RequestOf<K>, sender: Runtime.MessageSender) => Promise<AnswerOf<K>> | AnswerOf<K>;
  return handler(payload, SAMPLE_SENDER);
}
