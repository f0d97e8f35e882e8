// `npm start`: build, serve a few local pages on 127.0.0.1, and open a browser with Tabula loaded
// in a fresh temporary profile (web-ext run). Chromium by default; `npm start -- --firefox` for Firefox.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const headless = process.argv.includes('--headless');

execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const topics = ['Sparse features', 'Online learning', 'Privacy by design', 'Weights you can see', 'Evening reading'];
const page = (i) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${topics[i]}</title>
<meta name="description" content="A local page to browse while Tabula learns."></head><body><article>
<h1>${topics[i]}</h1>${'<p>Scroll, click and stay a while: Tabula notices how you spend your time here.</p>'.repeat(60)}
<nav>${topics.map((t, j) => `<a href="/${j}">${t}</a>`).join(' · ')}</nav></article></body></html>`;
const server = createServer((request, response) => {
  const i = Number((request.url ?? '/').slice(1)) || 0;
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page(Math.min(i, topics.length - 1)));
}).listen(0, '127.0.0.1', () => {
  const start = `http://127.0.0.1:${server.address().port}/0`;
  // web-ext makes a fresh temporary profile for each run and removes it afterwards.
  const args = ['web-ext', 'run', '--source-dir', 'dist', '--start-url', start, '--no-reload'];
  if (firefox) args.push('--target', 'firefox-desktop', '--firefox', process.env.TABULA_FIREFOX ?? '/usr/bin/firefox-esr');
  else args.push('--target', 'chromium', '--chromium-binary', process.env.TABULA_CHROMIUM ?? '/usr/bin/chromium',
    '--args=--no-first-run', '--args=--disable-background-networking', '--args=--disable-component-update', '--args=--disable-sync',
    ...(process.getuid?.() === 0 ? ['--args=--no-sandbox'] : []));
  if (headless) args.push(firefox ? '--args=-headless' : '--args=--headless=new');
  console.log(`Local pages to browse: ${start}`);
  const child = spawn('npx', args, { cwd: root, stdio: 'inherit' });
  const stop = () => { child.kill(); server.close(); };
  process.on('SIGINT', stop);
  child.on('exit', (code) => { stop(); process.exit(code ?? 0); });
});
