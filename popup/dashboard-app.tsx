// The dashboard: the same views as the popup, side by side on a full page. It predicts for the
// tab the popup was opened over (passed as `?tab=ID`), not for the dashboard's own tab. Its header
// offers the sample, in a tab of its own.
import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useConnector } from './connector';
import { useFirstScreen, type FirstScreenSignals } from './use-first-screen';
import { DataView } from './views/data';
import { LearnedView } from './views/learned';
import { ModelView } from './views/model';
import { NowView } from './views/now';
import { PlayView } from './views/play';
import { TimeView } from './views/time';

interface DashboardAppProps extends FirstScreenSignals {
  tabId?: number;
  /** Shown on the sample (sample-page.tsx), which says so in its own banner. */
  sample?: boolean;
}

export function DashboardApp({ tabId, sample = false, onReady, onLive }: DashboardAppProps) {
  const { prediction, storageFullAt } = useFirstScreen(tabId === undefined ? {} : { tabId }, { onReady, onLive });
  const connector = useConnector();
  return (
    <div class="app dashboard">
      <header class="app-header">
        <h1>{sample ? 'Tabula dashboard, on sample data' : 'Tabula dashboard'}</h1>
        {!sample && (
          <button type="button" class="link-button sample-link" onClick={() => void connector.openDashboard({ sample: true })}>
            See Tabula after three months, on sample data
          </button>
        )}
      </header>
      <main class="dashboard-grid">
        <Area title="Now"><NowView prediction={prediction} tabId={tabId} storageFullAt={storageFullAt} sample={sample} /></Area>
        <Area title="Data"><DataView currentHost={prediction.data?.host} /></Area>
        <Area title="Model"><ModelView /></Area>
        <Area title="Time" wide><TimeView /></Area>
        <Area title="Learned" wide><LearnedView /></Area>
        <Area title="Play"><PlayView /></Area>
      </main>
    </div>
  );
}

function Area({ title, wide = false, children }: { title: string; wide?: boolean; children: ComponentChildren }) {
  const headingId = useId();
  return (
    <section class={wide ? 'area wide' : 'area'} aria-labelledby={headingId}>
      <h2 id={headingId} class="area-title">{title}</h2>
      {children}
    </section>
  );
}

/** The tab id from the dashboard's address (`dashboard.html?tab=12`), if any. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const value = raw === null || raw === '' ? NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
