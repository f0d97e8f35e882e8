// The popup's entry. Before rendering anything it reads the prediction the background kept in
// memory for this tab (shown at once, even while the background is asleep) and asks the
// background for the live prediction and its status. Everything the first screen needs is
// imported statically, so the browser fetches it all in one round instead of a chain of chunks.
// At popup.html?sample it shows the sample instead (sample-page.tsx, loaded only then).
import { readTabPrediction } from '../extension/kept-prediction';
import { send } from '../extension/messages';
import { mountPopup } from './popup-app';
import { sendEarly } from './prefetch';
import { isSampleSearch } from './sample-address';

const root = document.getElementById('app');
if (isSampleSearch(location.search)) {
  if (root) void import('./sample-page').then(({ mountSample }) => mountSample(root, 'popup'));
} else {
  const kept = readTabPrediction().catch(() => undefined); // none: the live answer is waited for
  const early = sendEarly(send, [['tab/predict', {}], ['background/status', {}]]);
  if (root) mountPopup(root, early, kept);
}
