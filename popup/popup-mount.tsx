// Renders the popup into its root, answering its first requests from those the entry already
// sent, and marks the root ready once a prediction (or the failure to get one) shows.
import { render } from 'preact';
import { browserConnector } from './browser-connector';
import { ConnectorContext } from './connector';
import { PopupApp } from './popup-app';
import { withEarlyAnswers, type EarlyAnswers } from './prefetch';
import { markReady } from './use-ready-signal';

export function mountPopup(root: HTMLElement, early: EarlyAnswers): void {
  render(
    <ConnectorContext.Provider value={withEarlyAnswers(browserConnector, early)}>
      <PopupApp onReady={markReady(root)} />
    </ConnectorContext.Provider>,
    root,
  );
}
