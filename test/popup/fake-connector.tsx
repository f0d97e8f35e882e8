// A stand-in for the background and the browser: answers requests from a table, records every
// request, file saved and tab opened, and renders views inside its context.
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { AnswerOf, RequestOf, RequestType } from '../../extension/protocol';
import { ConnectorContext, type Connector } from '../../popup/connector';

type Answer<K extends RequestType> = AnswerOf<K> | Error | ((payload: RequestOf<K>) => AnswerOf<K> | Promise<AnswerOf<K>>);
export type Answers = { [K in RequestType]?: Answer<K> };

export interface Call { type: RequestType; payload: unknown }

export interface FakeConnector extends Connector {
  calls: Call[];
  /** Files saved: their name, and their text (or, for bytes, the Blob). */
  saved: { fileName: string; text: string; blob?: Blob }[];
  openedSites: string[];
  dashboardOpened: number;
  /** How many times the dashboard was opened on the sample. */
  sampleOpened: number;
  answers: Answers;
  /** What the browser answers when asked for the history permission. */
  historyAccess: boolean | Error;
  /** How many times the history permission was asked for. */
  historyRequests: number;
  /** The payloads of every request of one type, in order. */
  sent<K extends RequestType>(type: K): RequestOf<K>[];
}

export function fakeConnector(answers: Answers): FakeConnector {
  const fake: FakeConnector = {
    calls: [],
    saved: [],
    openedSites: [],
    dashboardOpened: 0,
    sampleOpened: 0,
    answers,
    historyAccess: false,
    historyRequests: 0,
    async send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>> {
      fake.calls.push({ type, payload: structuredClone(payload) });
      const answer = (fake.answers as Record<string, unknown>)[type] as Answer<K> | undefined;
      if (answer === undefined) throw new Error(`No answer for ${type}`);
      if (answer instanceof Error) throw answer;
      if (typeof answer === 'function') return structuredClone(await answer(payload));
      return structuredClone(answer);
    },
    async openDashboard(options?: { sample?: boolean }) {
      if (options?.sample) fake.sampleOpened++;
      else fake.dashboardOpened++;
    },
    async openSite(host: string) { fake.openedSites.push(host); },
    saveFile(fileName: string, content: string | Blob) {
      fake.saved.push(typeof content === 'string' ? { fileName, text: content } : { fileName, text: '', blob: content });
    },
    async requestHistoryAccess() {
      fake.historyRequests++;
      if (fake.historyAccess instanceof Error) throw fake.historyAccess;
      return fake.historyAccess;
    },
    sent<K extends RequestType>(type: K) {
      return fake.calls.filter((call) => call.type === type).map((call) => call.payload as RequestOf<K>);
    },
  };
  return fake;
}

export function renderWith(connector: Connector, ui: ComponentChildren) {
  return render(<ConnectorContext.Provider value={connector}>{ui}</ConnectorContext.Provider>);
}

/** A promise to answer later, for looking at a view while its data is on the way. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
}
