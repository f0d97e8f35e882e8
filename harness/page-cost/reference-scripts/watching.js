// A reference, not part of Tabula (`tools/page-cost.ts --references`): the listeners Tabula adds to
// watch a visit (the same events, on the same targets, with handlers that only count) and its
// timer: every 15 s (the report period) with the Navigation API, else every second, to look for
// address changes as Tabula does there. Measured as "least watching": this script followed by
// report.js and least-reading.js in one content script, what a script that reads the page's
// features and watches the visit must at least pay.
(() => {
  let seen = 0;
  const count = () => {
    seen++;
  };
  const captured = { capture: true, passive: true };
  const plain = { passive: true };
  for (const type of ['pointermove', 'pointerdown', 'wheel', 'touchmove', 'click', 'keydown', 'mouseup', 'copy']) window.addEventListener(type, count, captured);
  for (const type of ['scroll', 'play', 'playing', 'pause', 'ended', 'emptied', 'volumechange']) document.addEventListener(type, count, captured);
  document.addEventListener('visibilitychange', count, plain);
  for (const type of ['focus', 'blur', 'pagehide']) window.addEventListener(type, count, plain);
  if (window.navigation) window.navigation.addEventListener('currententrychange', count, plain);
  else window.addEventListener('popstate', count, plain);
  setInterval(count, window.navigation ? 15_000 : 1000);
})();
