// The content script's port to the extension API: protocol.ts's `request`, sent with the page's
// own runtime, is answered by the real `handle`, turns answered errors into MessageErrors, and the
// port never picks up a page element that happens to be named `browser`.
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import { InvalidRequest, MessageError } from '../../../extension/errors';
import { handle, type Handlers } from '../../../extension/messages';
import { request, type RuntimeLike } from '../../../extension/protocol';
import { isContextGone } from '../../../extension/content/reporter';
import { extensionApi } from '../../../extension/content/runtime-port';
import type { VisitUpdate } from '../../../extension/contract-types';

const received: unknown[] = [];
handle({
  'visit/update': (payload: { key?: string }) => {
    received.push(['visit/update', payload]);
    if (payload.key === 'malformed') throw new InvalidRequest('That visit is malformed.');
    return { stored: true };
  },
} as unknown as Handlers);

/** The background as a page's content script reaches it: same extension, a web page's url, a tab. */
const fromPage: RuntimeLike = {
  runtime: {
    id: 'tabulatest',
    sendMessage: (message: unknown) => fakeBrowser.runtime.sendMessage(message, { id: 'tabulatest', url: 'https://news.example/a', tab: { id: 4 } }),
  },
};

const update = (key: string) => ({ key, final: false, visit: { url: 'https://news.example/a' } }) as unknown as VisitUpdate;

describe('request', () => {
  test('is answered by the background’s handle, with the payload as sent', async () => {
    received.length = 0;
    await expect(request(fromPage, 'visit/update', update('k1'))).resolves.toEqual({ stored: true });
    expect(received).toEqual([['visit/update', update('k1')]]);
  });

  test('an error answered by the background is thrown here as a MessageError', async () => {
    const sent = request(fromPage, 'visit/update', update('malformed'));
    await expect(sent).rejects.toThrow(MessageError);
    await expect(request(fromPage, 'visit/update', update('malformed'))).rejects.toThrow('That visit is malformed.');
  });

  test('a background that does not answer, or refuses the sender, is an error', async () => {
    const silent: RuntimeLike = { runtime: { id: 'tabulatest', sendMessage: async () => undefined } };
    await expect(request(silent, 'visit/update', update('k2'))).rejects.toThrow('did not answer');
    const fromPopup: RuntimeLike = { runtime: { id: 'tabulatest', sendMessage: (message) => fakeBrowser.runtime.sendMessage(message) } };
    await expect(request(fromPopup, 'visit/update', update('k3'))).rejects.toThrow('not accepted from this sender');
  });

  test('without a runtime id (the extension reloaded) it fails as a gone context, without sending', async () => {
    let sends = 0;
    const orphan: RuntimeLike = { runtime: { sendMessage: () => ++sends } };
    const error = await request(orphan, 'visit/update', update('k4')).catch((e: unknown) => e);
    expect(isContextGone(error)).toBe(true);
    await expect(request(undefined, 'visit/update', update('k5'))).rejects.toThrow('context invalidated');
    expect(sends).toBe(0);
  });
});

describe('extensionApi', () => {
  const chrome = { runtime: { id: 'tabula', sendMessage: () => undefined } };
  const browser = { runtime: { id: 'tabula', sendMessage: () => undefined } };

  test('prefers the native `browser` (Firefox), else `chrome`', () => {
    expect(extensionApi({ browser, chrome })).toBe(browser);
    expect(extensionApi({ chrome })).toBe(chrome);
    expect(extensionApi({})).toBeUndefined();
  });

  test('a page element named `browser` is not taken for the extension API', () => {
    const element = { id: 'browser', tagName: 'DIV' };
    expect(extensionApi({ browser: element, chrome })).toBe(chrome);
    expect(extensionApi({ browser: { runtime: { sendMessage: () => undefined } }, chrome })).toBe(chrome);
  });
});
