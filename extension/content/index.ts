// Tabula's content script: watches this page and reports the visit to Tabula's background.
import { countKeywords, postVisit } from './runtime-port';
import { startWatching } from './start';

startWatching({ window, post: postVisit, pageText: { keywords: countKeywords }, startedAt: Math.round(performance.timeOrigin) });
