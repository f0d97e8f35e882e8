// A reference, not part of Tabula (`tools/page-cost.ts --references`): the least a content script
// that tells its background about visits can do. Once the page has settled (3 s, then an idle
// moment, as Tabula's first report), it sends one report of the visit (report.js, joined before
// this file) and nothing else: it reads nothing of the page and listens to no event.
setTimeout(() => {
  requestIdleCallback(() => reportVisit({}), { timeout: 2000 });
}, 3000);
