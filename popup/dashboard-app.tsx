// The dashboard: the same views as the popup, side by side on a full page. It predicts for the
// tab the popup was opened over (passed as `?tab=ID`), not for the dashboard's own tab.
import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useFirstScreen, type FirstScreenSignals } from './use-first-screen';
import { DataView } from './views/data';
import { LearnedView } from './views/learned';
import { ModelView } from './views/model';
import { NowView } from './views/now';
import { PlayView } from './views/play';
import { TimeView } from './views/time';

interface DashboardAppProps extends FirstScreenSignals {
  tabId?: number;
}

export function DashboardApp({ tabId, onReady, onLive }: DashboardAppProps) {
  const { prediction, storageFullAt } = useFirstScreen(tabId === undefined ? {} : { tabId }, { onReady, onLive });
  return (
    <div class="app dashboard">
      <header class="app-header"><h1>Tabula dashboard</h1></header>
      <main class="dashboard-grid">
        <Area title="Now"><NowView prediction={prediction} tabId={tabId} storageFullAt={storageFullAt} /></Area>
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
