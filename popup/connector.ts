// The popup's one door to the rest of Tabula: typed requests plus the few browser actions the
// views need. Provided through a context so that tests can hand the views a stand-in.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AnswerOf, RequestOf, RequestType } from '../extension/protocol';
import { browserConnector } from './browser-connector';

export interface Connector {
  send<K extends RequestType>(type: K, payload: RequestOf<K>): Promise<AnswerOf<K>>;
  /** Opens the full-page dashboard in a new tab: on the user's data, or with `sample`, on the sample. */
  openDashboard(options?: { sample?: boolean }): Promise<void>;
  /** Opens a site (a host the model predicted) in a new tab. */
  openSite(host: string): Promise<void>;
  /** Hands a file to the browser's downloads (export of the model or the data): text, or bytes already made. */
  saveFile(fileName: string, content: string | Blob): void;
  /**
   * Asks the browser for the optional `history` permission; true when granted. Browsers allow the
   * question only during a user's click, so call it first thing in the handler, before any await.
   */
  requestHistoryAccess(): Promise<boolean>;
}

export const ConnectorContext = createContext<Connector>(browserConnector);

export function useConnector(): Connector {
  return useContext(ConnectorContext);
}
