// Sites for the privacy section, all served by one server on 127.0.0.1 and told apart by the Host
// header: the browsers are told that every `*.test` name is 127.0.0.1. A bank and a clinic that
// the default exclusions cover, search pages whose titles and text echo their queries, a mail tab
// with an address in its title and text, an order page with a card-length number in both, a
// diary to forget while its tab stays open, and ordinary pages to arrive at by link.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const PRIVACY_HOSTS = {
  /** Covered by the default exclusions (`*bank*`, `*health*`). */
  excluded: ['mybank.test', 'health-clinic.test'],
  /** Words of the searches made; none may be kept anywhere. */
  queryWords: ['hiv', 'herpes', 'pregnancy', 'divorce'],
  email: 'jane.doe@example.org',
  digitRun: '4417123456789012',
};

interface Page {
  title: string;
  body: string;
  kind?: string;
}

const WORDS = 'river valley harbour lantern orchard meadow compass granite willow beacon'.split(' ');
/** A results page's text repeats what was searched for, as real ones do: its keywords would be the query's words. */
const echo = (text: string) => `<p>Results for ${text}: pages about ${text}, news about ${text} and more on ${text}.</p>`.repeat(3);
const prose = (n: number) => Array.from({ length: 30 }, (_, i) => `<p>${Array.from({ length: 30 }, (_, j) => WORDS[(i + j + n) % WORDS.length]).join(' ')}.</p>`).join('');

function route(host: string, path: string, query: URLSearchParams, origin: (host: string) => string): Page | undefined {
  const name = host.split(':')[0];
  const link = (to: string, text: string) => `<a id="next" href="${to}">${text}</a>`;
  switch (`${name}${path}`) {
    case 'mybank.test/account':
      return { title: 'MyBank — Your accounts', body: `<h1>Accounts</h1>${link(origin('news.test') + '/article/1', 'Read the news')}` };
    case 'health-clinic.test/results':
      return { title: 'Your test results — Health Clinic', body: `<h1>Results</h1>${link(origin('news.test') + '/article/2', 'News')}` };
    case 'search.test/search':
      return { title: `${query.get('q') ?? ''} - Search`, body: `<h1>Results</h1>${echo(query.get('q') ?? '')}${link(origin('news.test') + '/article/3', 'A result')}` };
    case 'video.test/results':
      return { title: `${query.get('search_query') ?? ''} - Video`, body: `<h1>Videos</h1>${echo(query.get('search_query') ?? '')}` };
    case `mail.test/mail/${PRIVACY_HOSTS.email}/inbox`: // a webmail that names the mailbox in its path
      return {
        title: `Inbox (3) – ${PRIVACY_HOSTS.email} – Mail`,
        body: `<h1>Inbox</h1><p>Signed in as ${PRIVACY_HOSTS.email}; mail to ${PRIVACY_HOSTS.email} arrives here.</p>`.repeat(3),
      };
    case 'shop.test/orders/view':
      return {
        title: `Order ${PRIVACY_HOSTS.digitRun.replace(/(\d{4})(?=\d)/g, '$1 ')} shipped`,
        body: `<h1>Your order</h1><p>Paid with card ${PRIVACY_HOSTS.digitRun}, order ${PRIVACY_HOSTS.digitRun} shipped today.</p>`.repeat(3),
      };
    case 'diary.test/entry':
      return { title: 'A diary entry about the orchard', body: `<article><h1>Dear diary</h1>${prose(1)}</article>${link(origin('blog.test') + '/post', 'On to the blog')}` };
    case 'blog.test/post':
      return { title: 'Lanterns over the harbour', body: `<article><h1>Lanterns</h1>${prose(2)}</article>` };
  }
  // A shop that puts what was searched for in the path too, as Amazon does (`/pregnancy-test/s?k=…`).
  if (name === 'shop.test' && /^\/[^/]+\/s$/.test(path)) {
    return { title: `Shop.test : ${query.get('k') ?? ''}`, body: `<h1>Products</h1>${echo(query.get('k') ?? '')}<ul><li>one</li><li>two</li></ul>` };
  }
  const article = /^\/article\/(\d+)$/.exec(path);
  if (name === 'news.test' && article) {
    return { title: `Article ${article[1]}: the ${WORDS[Number(article[1]) % WORDS.length]} report`, body: `<article><h1>News</h1><button id="like">Like</button>${prose(Number(article[1]))}</article>` };
  }
  return undefined;
}

export interface PrivacySite {
  port: number;
  /** `http://name.test:port` */
  origin(host: string): string;
  close(): Promise<void>;
}

export async function startPrivacySite(): Promise<PrivacySite> {
  let port = 0;
  const origin = (host: string) => `http://${host}:${port}`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page = route(request.headers.host ?? '', url.pathname, url.searchParams, origin);
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page
      ? `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(page.title)}</title></head><body>${page.body}</body></html>`
      : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Launch options that send every `*.test` name to 127.0.0.1 (and nothing else anywhere). */
export const TEST_NAMES_TO_LOOPBACK = {
  chromiumArgs: ['--host-resolver-rules=MAP *.test 127.0.0.1'],
  firefoxPrefs: { 'network.dns.localDomains': 'mybank.test,health-clinic.test,search.test,shop.test,video.test,mail.test,diary.test,blog.test,news.test,old.test' },
};
