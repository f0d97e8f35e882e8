// Exceptions that escape in Tabula's background: in Chromium, the service worker's uncaught
// exceptions and unhandled rejections, heard over CDP. Firefox's background page is not reachable
// from the test driver, so there only the answers (or their absence) can tell.
import type { CDPSession } from 'puppeteer-core';
import type { ExtensionBrowser } from '../browser/launch';

export interface BackgroundErrors {
  /** False where the browser gives no way to listen. */
  measured: boolean;
  count(): number;
  /** The first few exception texts, for the log. */
  texts: string[];
  stop(): Promise<void>;
}

export async function watchBackgroundErrors(tabula: ExtensionBrowser): Promise<BackgroundErrors> {
  const texts: string[] = [];
  let count = 0;
  if (tabula.name !== 'chromium') return { measured: false, count: () => 0, texts, stop: async () => undefined };
  const target = await tabula.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(tabula.origin), { timeout: 30_000 });
  const session: CDPSession = await target.createCDPSession();
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }: { exceptionDetails: { text: string; exception?: { description?: string } } }) => {
    count++;
    if (texts.length < 5) texts.push(`${exceptionDetails.text} ${exceptionDetails.exception?.description ?? ''}`.slice(0, 300));
  });
  await session.send('Runtime.enable');
  return {
    measured: true,
    count: () => count,
    texts,
    // Detach, or a later restart of the worker would wait for this debugger.
    stop: () => session.detach().catch(() => undefined),
  };
}
