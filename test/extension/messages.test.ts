// The message contract: answers and errors travel as data, senders are checked, strangers refused.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from './fake-browser';
import { InvalidRequest, MessageError } from '../../extension/errors';
import { handle, rejected, send, type Handlers } from '../../extension/messages';

const ORIGIN = 'chrome-extension://tabulatest/';
const calls: string[] = [];
/** Handlers for the requests these tests send; any other name is not in the handler object, as an unknown request is not. */
const handlers = Object.fromEntries(['settings/get', 'data/forget', 'data/export', 'visit/update', 'page/keywords'].map((type) => [type, (payload: any) => {
  calls.push(type);
  if (payload?.fail) throw new InvalidRequest('That request is malformed.');
  return { echoed: payload };
}])) as unknown as Handlers;
handle(handlers);

describe('messages', () => {
  it('answers an extension page and rethrows errors on the sending side', async () => {
    expect(await send('settings/get', { hello: 1 } as never)).toEqual({ echoed: { hello: 1 } });
    const before = rejected.malformed;
    await expect(send('settings/get', { fail: true } as never)).rejects.toThrow(MessageError);
    await expect(send('settings/get', { fail: true } as never)).rejects.toThrow('That request is malformed.');
    expect(rejected.malformed).toBe(before + 2);
  });

  it('accepts visit reports only from web pages, and page requests only from extension pages', async () => {
    const page = { id: 'tabulatest', url: 'https://news.example/a', tab: { id: 3 } };
    const fromPage = await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'data/forget', payload: { scope: 'all' } }, page);
    expect(fromPage).toEqual({ ok: false, error: '“data/forget” is not accepted from this sender.' });
    const fromPopup = await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'visit/update', payload: {} });
    expect(fromPopup).toMatchObject({ ok: false });
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'visit/update', payload: {} }, page)).toMatchObject({ ok: true });
    // A page's text handed over is a page's alone too, and the question it replaced is no more.
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'page/text-wanted', payload: {} }, page)).toMatchObject({ ok: false });
    for (const type of ['page/keywords']) {
      expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type, payload: {} }, page)).toMatchObject({ ok: true });
      expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type, payload: {} })).toMatchObject({ ok: false });
    }
  });

  it('refuses other extensions, unknown types, and ignores messages that are not Tabula’s', async () => {
    const stranger = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
    calls.length = 0;
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'data/export', payload: {} }, stranger)).toMatchObject({ ok: false });
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'no/such', payload: {} })).toMatchObject({ ok: false, error: 'Unknown request “no/such”.' });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'data/export' })).toBeUndefined();
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: '__proto__' })).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('takes a page’s last report that names no tab (its page gone by the time the background woke)', async () => {
    const gone = { id: 'tabulatest', url: 'https://news.example/a' };
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'visit/update', payload: {} }, gone)).toMatchObject({ ok: true });
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'data/export', payload: {} }, gone)).toMatchObject({ ok: false });
    const notAPage = { id: 'tabulatest', url: 'about:blank' };
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'visit/update', payload: {} }, notAPage)).toMatchObject({ ok: false });
  });

  it('keeps the page origin out of extension requests even when a page claims an extension url', async () => {
    const spoof = { id: 'tabulatest', url: `${ORIGIN}popup.html`.replace('chrome-extension', 'https'), tab: { id: 1 } };
    expect(await fakeBrowser.runtime.sendMessage({ tabula: 1, type: 'data/export', payload: {} }, spoof)).toMatchObject({ ok: false });
  });
});
