// Starts watching a page once it is really shown: a prerendered page the user never opens is no
// visit. Started twice in one page (the extension injected again after an update), the newer
// watch replaces the older one, so a visit is never counted twice.
import { watchPage, type PageWatch, type WatchOptions } from './page-watch';

const CURRENT_WATCH = Symbol.for('tabula.page-watch');

type WatchedWindow = Window & { [CURRENT_WATCH]?: PageWatch | null };

export function startWatching(options: WatchOptions): void {
  const win = options.window as WatchedWindow;
  const doc = win.document as Document & { prerendering?: boolean };
  const begin = (startedAt?: number): void => {
    win[CURRENT_WATCH]?.stop();
    win[CURRENT_WATCH] = watchPage({ ...options, startedAt });
  };
  if (doc.prerendering) doc.addEventListener('prerenderingchange', () => begin(), { once: true });
  else begin(options.startedAt);
}
