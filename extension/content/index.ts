// Tabula's content script: watches this page and reports the visit to Tabula's background.
import { postVisit, textWanted } from './runtime-port';
import { startWatching } from './start';

startWatching({ window, post: postVisit, textWanted, startedAt: Math.round(performance.timeOrigin) });
