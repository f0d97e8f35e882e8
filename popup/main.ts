// The popup's entry. With only the messaging code loaded, it asks the background for the
// prediction and its status; then it loads the interface (Preact and the Now view) while the
// answers are on the way.
import { send } from '../extension/messages';
import { sendEarly } from './prefetch';

const early = sendEarly(send, [['tab/predict', {}], ['background/status', {}]]);
const root = document.getElementById('app');
if (root) void import('./popup-mount').then(({ mountPopup }) => mountPopup(root, early));
