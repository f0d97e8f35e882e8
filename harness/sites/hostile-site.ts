// Hostile pages for the proof suite, served on 127.0.0.1: pages whose own scripts forge events,
// carry a 1 MB title or 100,000 nodes, change their address 100 times a second, or overwrite the
// globals a careless content script would lean on; and one that makes a new address every second
// for as long as it is open.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const PAGES: Record<string, { title: string; body: string; script?: string }> = {
  '/synthetic': {
    title: 'Forged events',
    body: '<button id="b">b</button><input id="i" aria-label="i"><div style="height:5000px">tall</div>',
    script: `
      const targets = [document, document.body, document.getElementById('b'), window];
      for (let n = 0; n < 500; n++) for (const t of targets) {
        t.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        t.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
        t.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
        t.dispatchEvent(new Event('scroll', { bubbles: true }));
        t.dispatchEvent(new Event('copy', { bubbles: true }));
        t.dispatchEvent(new Event('wheel', { bubbles: true }));
      }
      setInterval(() => document.dispatchEvent(new MouseEvent('click', { bubbles: true })), 10);`,
  },
  '/huge-title': { title: 'T'.repeat(1_000_000), body: '<p>a very long title</p>' },
  '/many-nodes': {
    title: 'Many nodes',
    body: '<div id="root"></div>',
    script: `
      const root = document.getElementById('root');
      const fragment = document.createDocumentFragment();
      for (let n = 0; n < 100000; n++) { const a = document.createElement(n % 3 ? 'span' : 'a'); a.textContent = 'w' + n; fragment.append(a); }
      root.append(fragment);`,
  },
  '/navigations': {
    title: 'Restless page',
    body: '<p>changes its address all the time</p>',
    script: `let n = 0; const timer = setInterval(() => { history.pushState({}, '', '/navigations/' + (++n)); if (n >= 300) clearInterval(timer); }, 10);`,
  },
  '/flood': {
    title: 'Endless page',
    body: '<p>a new address every second, for as long as it is open</p>',
    // Just over a second apart: address changes closer than that stay one visit in the content script.
    script: `let n = 0; setInterval(() => history.pushState({}, '', '/flood/' + (++n)), 1050);`,
  },
  '/overwrite': {
    title: 'Overwritten globals',
    body: '<button id="like">like</button>',
    script: `
      EventTarget.prototype.addEventListener = function () {};
      window.fetch = () => { throw new Error('no'); };
      history.pushState = null; history.replaceState = null;
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
      window.requestIdleCallback = undefined; window.setTimeout = () => 0;
      JSON.stringify = () => '{}'; Array.prototype.push = function () { return 0; };`,
  },
};

export async function startHostileSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const page = PAGES[path] ?? (path.startsWith('/navigations') ? PAGES['/navigations'] : path.startsWith('/flood') ? PAGES['/flood'] : undefined);
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page
      ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${page.title}</title></head><body>${page.body}${page.script ? `<script>${page.script}</script>` : ''}</body></html>`
      : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
