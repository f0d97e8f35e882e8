// Address changes of single-page apps. The content script lives in an isolated world, so it
// cannot (and does not) wrap the page's `history`; it compares the address instead, whenever the
// browser says the page's history moved, and on a timer. Only a new origin or path is a new page:
// queries and fragments are ignored.
import { visitUrlOf } from './page-features';

export type OnNavigate = (fromUrl: string, toUrl: string) => void;

export class SpaWatch {
  // Fields are set in the constructor, not declared with initializers: an initializer is one more
  // function that every page running the content script would compile.
  private declare currentUrl: string | null;
  private declare lastHref: string;
  private declare readonly readHref: () => string;
  private declare readonly onNavigate: OnNavigate;

  /** Starts from `firstHref` (and its visit address, when the caller has it already). */
  constructor(readHref: () => string, onNavigate: OnNavigate, firstHref = readHref(), firstUrl = visitUrlOf(firstHref)) {
    this.readHref = readHref;
    this.onNavigate = onNavigate;
    this.lastHref = firstHref;
    this.currentUrl = firstUrl;
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
