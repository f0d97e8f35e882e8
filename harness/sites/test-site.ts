// A small site on 127.0.0.1 for the real-browser tests, the proof and the page-cost measure: articles,
// a video page, search results, a long page to scroll, an app that scrolls a panel, and a page that
// answers late. Every request and every answer is logged, so a test can see exactly what reached
// it, and when.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestSite {
  origin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Paths answered so far, in order (`/slow/<ms>` is answered that many milliseconds after it was asked for). */
  answered: string[];
  close(): Promise<void>;
}

const WORDS = 'gradient neural online sparse feature model browser privacy learning weights'.split(' ');

function page(title: string, body: string, lang = 'en', head = ''): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="description" content="${title} — a page of the Tabula test site">${head}</head>
<body>${body}</body></html>`;
}

function article(n: number): string {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>${WORDS.map((w, j) => WORDS[(i + j + n) % WORDS.length]).join(' ')} ${w(n)}.</p>`);
  return page(`Article ${n}: ${WORDS[n % WORDS.length]} notes`, `<article><h1>Article ${n}</h1>
<button id="like">Like</button><input id="comment" aria-label="comment">${paragraphs.join('')}</article>
<a href="/article/${n + 1}">next</a>`, 'en', '<meta property="og:type" content="article">');
}

function w(n: number): string {
  return WORDS[(n * 7) % WORDS.length];
}

// Pages for measuring what the content script costs a page (harness/page-cost/): an article of
// ordinary size, a hostile page of 100,000 nodes with a 1 MB title, and a video page.
function costArticle(): string {
  const nav = Array.from({ length: 60 }, (_, i) => `<li><a href="/section/${i}">${WORDS[i % WORDS.length]}</a></li>`).join('');
  const text = Array.from({ length: 30 }, (_, i) => `<p>${Array.from({ length: 40 }, (_, j) => WORDS[(i * 3 + j) % WORDS.length]).join(' ')}.</p>`
    + (i % 6 === 0 ? `<figure><img width="600" height="300" alt=""><figcaption>Figure ${i}</figcaption></figure>` : '')).join('');
  const related = Array.from({ length: 40 }, (_, i) => `<li><a href="/article/${i}"><span>${WORDS[i % WORDS.length]} story ${i}</span></a></li>`).join('');
  const state = `<script type="application/json" id="state">${JSON.stringify({ items: Array.from({ length: 300 }, (_, i) => ({ id: i, title: WORDS[i % WORDS.length] })) })}</script>`;
  return page('Rivers rise across the valley', `<header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>Rivers rise across the valley</h1>${text}</article><aside><ul>${related}</ul></aside></main>
<footer><form action="/subscribe"><input type="email" name="e" aria-label="email"><button>Subscribe</button></form></footer>${state}`,
  'en', '<meta property="og:type" content="article"><meta property="article:published_time" content="2025-01-01">');
}

function costHuge(): string {
  const rows = '<div><span>x</span></div>'.repeat(33_334); // three nodes each: about 100,000
  return page('Win '.repeat(262_144), rows);
}

function costVideo(): string {
  const comments = Array.from({ length: 200 }, (_, i) => `<li><a href="/user/${i}">user ${i}</a><p>${WORDS[i % WORDS.length]} indeed</p></li>`).join('');
  return page('A video: online learning explained', `<div id="player"><video width="640" height="360" muted playsinline></video></div>
<h1>Online learning explained</h1><ul id="comments">${comments}</ul>`, 'en', '<meta property="og:type" content="video.other">');
}

function route(path: string): { status: number; html: string } {
  const articleMatch = /^\/article\/(\d+)$/.exec(path);
  if (articleMatch) return { status: 200, html: article(Number(articleMatch[1])) };
  if (path === '/') return { status: 200, html: page('Tabula test site', '<h1>Home</h1><a href="/article/1">first article</a>') };
  if (path === '/video') return { status: 200, html: page('A video', '<video width="320" height="180" muted></video>') };
  if (path === '/search') return { status: 200, html: page('Search results', '<form role="search" action="/search"><input name="q" aria-label="q"></form><ol><li><a href="/article/1">one</a></li></ol>') };
  if (path === '/long') return { status: 200, html: page('A long read', `<div style="height:6000px">top</div><p id="end">end</p>`) };
  // An app's layout: the page fits the window, and its content scrolls in a panel.
  if (path === '/panel') return { status: 200, html: page('An app', `<style>body{margin:0;overflow:hidden}</style><nav style="height:40px">menu</nav>
<main id="panel" style="height:calc(100vh - 40px);overflow-y:auto"><div style="height:6000px">top</div><p>end</p></main>`) };
  if (path === '/cost/article') return { status: 200, html: costArticle() };
  if (path === '/cost/huge') return { status: 200, html: costHuge() };
  if (path === '/cost/video') return { status: 200, html: costVideo() };
  if (path.startsWith('/private/')) return { status: 200, html: page('Private page', '<p>private</p>') };
  return { status: 404, html: page('Not found', '<p>none</p>') };
}

export async function startSite(): Promise<TestSite> {
  const requests: string[] = [];
  const answered: string[] = [];
  const waiting = new Set<ReturnType<typeof setTimeout>>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const slow = /^\/slow\/(\d+)$/.exec(url.pathname);
    const answer = (): void => {
      const { status, html } = slow ? { status: 200, html: page('A slow page', '<p>late</p>') } : route(url.pathname);
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
      answered.push(url.pathname + url.search);
    };
    if (slow) waiting.add(setTimeout(answer, Number(slow[1])));
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answered,
    close: () => new Promise<void>((resolve) => {
      for (const timer of waiting) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
