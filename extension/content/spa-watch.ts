// Address changes of single-page apps. The content script lives in an isolated world, so it
// cannot (and does not) wrap the page's `history`; it compares the address instead, on a timer
// and on popstate. Only a new origin or path is a new page: queries and fragments are ignored.
import { visitUrlOf } from './page-features';

export type OnNavigate = (fromUrl: string, toUrl: string) => void;

export class SpaWatch {
  private currentUrl: string | null;
  private lastHref: string;

  constructor(private readonly readHref: () => string, private readonly onNavigate: OnNavigate) {
    this.lastHref = readHref();
    this.currentUrl = visitUrlOf(this.lastHref);
  }

  url(): string | null {
    return this.currentUrl;
  }

  /** Compares the address with the last one seen; calls onNavigate when the page changed. */
  check(): void {
    const href = this.readHref();
    if (href === this.lastHref) return; // the usual case: nothing to parse
    this.lastHref = href;
    const next = visitUrlOf(href);
    if (next === null || next === this.currentUrl) return;
    const previous = this.currentUrl;
    this.currentUrl = next;
    if (previous !== null) this.onNavigate(previous, next);
  }
}
