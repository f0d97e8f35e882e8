// Renders the popup into its root, answering its first requests from those the entry already
// sent, showing the kept prediction the entry read until the live one comes, and marking the root
// when a prediction (or the failure to get one) shows, and when the live one does.
import { render } from 'preact';
import { browserConnector } from './browser-connector';
import { ConnectorContext } from './connector';
import { PopupApp } from './popup-app';
import { withEarlyAnswers, type EarlyAnswers } from './prefetch';
import type { CachedPrediction } from './use-kept-prediction';
import { markLive, markReady } from './use-ready-signal';

export function mountPopup(root: HTMLElement, early: EarlyAnswers, kept: Promise<CachedPrediction | undefined>): void {
  render(
    <ConnectorContext.Provider value={withEarlyAnswers(browserConnector, early)}>
      <PopupApp onReady={markReady(root)} onLive={markLive(root)} kept={kept} />
    </ConnectorContext.Provider>,
    root,
  );
}
