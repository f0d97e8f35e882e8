// Requests sent before the popup's interface has even loaded: the background (perhaps asleep)
// starts waking and predicting while the browser fetches the rest of the popup's code. The first
// identical request a view makes is then answered from here instead of being sent again.
import type { AnswerOf, RequestOf, RequestType } from '../extension/protocol';
import type { Connector } from './connector';

export type EarlyRequest = { [K in RequestType]: [K, RequestOf<K>] }[RequestType];

/** Answers on the way, each handed out once. */
export type EarlyAnswers = Map<string, Promise<unknown>>;

export function sendEarly(send: Connector['send'], requests: EarlyRequest[]): EarlyAnswers {
  const early: EarlyAnswers = new Map();
  for (const [type, payload] of requests) {
    const answer = send(type, payload as never);
    answer.catch(() => undefined); // a failure is reported to the view that asks, not here
    early.set(keyOf(type, payload), answer);
  }
  return early;
}

/** The connector, answering from `early` the first time it is asked each of those requests. */
export function withEarlyAnswers(connector: Connector, early: EarlyAnswers): Connector {
  return {
    ...connector,
    send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
      const key = keyOf(type, payload);
      const answer = early.get(key);
      if (!answer) return connector.send(type, payload);
      early.delete(key); // used once: a later ask (a reload) wants a fresh answer
      return answer as Promise<AnswerOf<K>>;
    },
  };
}

function keyOf(type: string, payload: unknown): string {
  return `${type} ${JSON.stringify(payload)}`;
}
