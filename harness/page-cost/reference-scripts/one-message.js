// A reference, not part of Tabula (`tools/page-cost.ts --references`): the least a content script
// that tells its background about visits can do. Once the page has settled (3 s, then an idle
// moment, as Tabula's first report), it sends one message, a question Tabula's background answers
// (`page/text-wanted`), and nothing else: it reads nothing of the page and listens to no event.
setTimeout(() => {
  requestIdleCallback(() => {
    chrome.runtime.sendMessage({ tabula: 1, type: 'page/text-wanted', payload: { url: location.origin + location.pathname } }).catch(() => {});
  }, { timeout: 2000 });
}, 3000);
