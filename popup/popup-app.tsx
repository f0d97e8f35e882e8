// The popup: a header with the way to the dashboard, the view switcher, and the shown view.
// The Now view's prediction is asked for first, before any other view exists; the other views
// are separate chunks, fetched once the prediction is on screen. `mountPopup` renders it for the
// entry: its first requests answered from those the entry already sent, the kept prediction the
// entry read shown until the live one comes, and the root marked when each shows.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browserConnector } from './browser-connector';
import { ConnectorContext, useConnector } from './connector';
import { lazyView } from './lazy-view';
import { withEarlyAnswers, type EarlyAnswers } from './prefetch';
import { markLive, markReady, useFirstScreen, type FirstScreenSignals } from './use-first-screen';
import type { CachedPrediction } from '../extension/kept-prediction';
import { TabPanel, ViewTabs, type TabSpec } from './view-tabs';
import { NowView } from './views/now';

export type ViewId = 'now' | 'learned' | 'time' | 'data' | 'model' | 'play';

const TABS: TabSpec<ViewId>[] = [
  { id: 'now', label: 'Now' },
  { id: 'learned', label: 'Learned' },
  { id: 'time', label: 'Time' },
  { id: 'data', label: 'Data' },
  { id: 'model', label: 'Model' },
  { id: 'play', label: 'Play' },
];

const PLACEHOLDER_HEIGHT = 480;
const Learned = lazyView(() => import('./views/learned').then((m) => m.LearnedView), PLACEHOLDER_HEIGHT);
const Time = lazyView(() => import('./views/time').then((m) => m.TimeView), PLACEHOLDER_HEIGHT);
const Data = lazyView(() => import('./views/data').then((m) => m.DataView), PLACEHOLDER_HEIGHT);
const Model = lazyView(() => import('./views/model').then((m) => m.ModelView), PLACEHOLDER_HEIGHT);
const Play = lazyView(() => import('./views/play').then((m) => m.PlayView), PLACEHOLDER_HEIGHT);

interface PopupAppProps extends FirstScreenSignals {
  initialView?: ViewId;
  /** The read of the prediction kept for the tab, started by the entry (none in tests unless given). */
  kept?: Promise<CachedPrediction | undefined>;
}

export function PopupApp({ onReady, onLive, initialView = 'now', kept }: PopupAppProps) {
  const connector = useConnector();
  const { prediction, storageFullAt, reload, settled } = useFirstScreen({}, { onReady, onLive }, kept);
  const [view, setView] = useState<ViewId>(initialView);
  useEffect(() => {
    if (!settled) return;
    // After the first paint, so that fetching the other views never delays the prediction.
    const timer = setTimeout(() => { for (const lazy of [Learned, Time, Data, Model, Play]) lazy.preload().catch(() => undefined); }, 0);
    return () => clearTimeout(timer);
  }, [settled]);
  const select = (next: ViewId) => {
    // Back on Now after a change elsewhere (pause, exclusions, reset): the prediction may be stale.
    if (next === 'now' && view !== 'now') reload();
    setView(next);
  };
  return (
    <div class="app">
      <header class="app-header">
        <h1>Tabula</h1>
        <button type="button" class="link-button" onClick={() => void connector.openDashboard()}>Open dashboard</button>
      </header>
      <main>
        <ViewTabs tabs={TABS} selected={view} onSelect={select} label="Tabula views" />
        <TabPanel id={view}>
          {view === 'now' && <NowView prediction={prediction} storageFullAt={storageFullAt} />}
          {view === 'learned' && <Learned.View />}
          {view === 'time' && <Time.View />}
          {view === 'data' && <Data.View currentHost={prediction.data?.host} storageFullAt={storageFullAt} />}
          {view === 'model' && <Model.View />}
          {view === 'play' && <Play.View />}
        </TabPanel>
      </main>
    </div>
  );
}

export function mountPopup(root: HTMLElement, early: EarlyAnswers, kept: Promise<CachedPrediction | undefined>): void {
  render(
    <ConnectorContext.Provider value={withEarlyAnswers(browserConnector, early)}>
      <PopupApp onReady={markReady(root)} onLive={markLive(root)} kept={kept} />
    </ConnectorContext.Provider>,
    root,
  );
}
