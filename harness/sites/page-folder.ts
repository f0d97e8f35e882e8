// Serves a folder of saved pages on 127.0.0.1, as they are on disk: `GET /NAME/source.html` is
// the file `NAME/source.html` of the folder. Every response forbids the page any request beyond
// this server, so that a saved page's scripts, images and fonts fail at once instead of reaching
// for the sites they came from; inline scripts still run, as they would in the page as saved.
// HTML is sent as UTF-8, whatever a page's own meta tag says: the saved files are UTF-8.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface PageFolderSite {
  origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

/** This server and inline code only: nothing a saved page asks for leaves the machine. */
const LOCAL_ONLY = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

export async function startPageFolder(folder: string): Promise<PageFolderSite> {
  const root = resolve(folder);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(root, `.${path}`);
    const headers = { 'content-security-policy': LOCAL_ONLY, 'cache-control': 'no-store' };
    try {
      if (!file.startsWith(root + sep)) throw new Error('outside the folder');
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
