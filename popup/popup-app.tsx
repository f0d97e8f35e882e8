// The popup: a header with the way to the dashboard, the view switcher, and the shown view.
// The Now view's prediction is asked for first, before any other view exists.
import { useState } from 'preact/hooks';
import { useConnector } from './connector';
import { useRequest } from './use-request';
import { useReadySignal, type ReadyOutcome } from './use-ready-signal';
import { TabPanel, ViewTabs, type TabSpec } from './view-tabs';
import { DataView, LearnedView, ModelView, NowView, PlayView } from './views';

export type ViewId = 'now' | 'learned' | 'data' | 'model' | 'play';

const TABS: TabSpec<ViewId>[] = [
  { id: 'now', label: 'Now' },
  { id: 'learned', label: 'Learned' },
  { id: 'data', label: 'Data' },
  { id: 'model', label: 'Model' },
  { id: 'play', label: 'Play' },
];

interface PopupAppProps {
  onReady?: (outcome: ReadyOutcome) => void;
  initialView?: ViewId;
}

export function PopupApp({ onReady, initialView = 'now' }: PopupAppProps) {
  const connector = useConnector();
  const prediction = useRequest('tab/predict', {}, { urgent: true });
  const [view, setView] = useState<ViewId>(initialView);
  useReadySignal(prediction, onReady);
  const select = (next: ViewId) => {
    // Back on Now after a change elsewhere (pause, exclusions, reset): the prediction may be stale.
    if (next === 'now' && view !== 'now') prediction.reload();
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
          {view === 'now' && <NowView prediction={prediction} />}
          {view === 'learned' && <LearnedView />}
          {view === 'data' && <DataView currentHost={prediction.data?.host} />}
          {view === 'model' && <ModelView />}
          {view === 'play' && <PlayView />}
        </TabPanel>
      </main>
    </div>
  );
}
