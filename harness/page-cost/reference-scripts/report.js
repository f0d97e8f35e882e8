// A reference, not part of Tabula (`tools/page-cost.ts --references`): the one message the other
// references send, as Tabula's content script first reports a page once read. It reports the
// visit (`visit/update`) with the page's address and `features` (what was read of the page, else
// nothing), which Tabula's background validates and stores like any report.
function reportVisit(features) {
  const startedAt = Math.round(performance.timeOrigin);
  const visit = {
    url: location.origin + location.pathname, title: '', description: '', lang: '', kind: 'other',
    words: 0, links: 0, images: 0, videos: 0, referrerHost: '',
    activeMs: 0, scrollDepth: 0, clicks: 0, keys: 0, selections: 0, mediaMs: 0,
    startedAt, endedAt: Math.max(startedAt, Date.now()), ...features,
  };
  const key = `reference-${Math.random().toString(36).slice(2, 12)}`;
  chrome.runtime.sendMessage({ tabula: 1, type: 'visit/update', payload: { key, visit, final: false } }).catch(() => {});
}
