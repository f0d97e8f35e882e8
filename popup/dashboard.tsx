// The dashboard's entry: the full-page layout of the popup's views.
import { render } from 'preact';
import { DashboardApp, tabIdFromSearch } from './dashboard-app';
import { markLive, markReady } from './use-first-screen';

const root = document.getElementById('app');
if (root) render(<DashboardApp tabId={tabIdFromSearch(location.search)} onReady={markReady(root)} onLive={markLive(root)} />, root);
