// The popup's entry: renders the popup into #app and marks it ready once a prediction shows.
import { render } from 'preact';
import { PopupApp } from './popup-app';
import { markReady } from './use-ready-signal';

const root = document.getElementById('app');
if (root) render(<PopupApp onReady={markReady(root)} />, root);
