// The dashboard's entry: the full-page layout of the popup's views, on the user's data or, at
// dashboard.html?sample, on the sample (sample-page.tsx, loaded only then).
import { render } from 'preact';
import { DashboardApp, tabIdFromSearch } from './dashboard-app';
import { isSampleSearch } from './sample-address';
import { markLive, markReady } from './use-first-screen';

const root = document.getElementById('app');
if (root && isSampleSearch(location.search)) void import('./sample-page').then(({ mountSample }) => mountSample(root, 'dashboard'));
else if (root) render(<DashboardApp tabId={tabIdFromSearch(location.search)} onReady={markReady(root)} onLive={markLive(root)} />, root);
