// Every event listener the content script adds to a page, in one table. All are passive and are
// removed together by the function `listenToPage` returns (an AbortSignal would do the same, but
// it is one more DOM interface for every page to set up at load). Input events are caught on the
// window in the capture phase, so a page that stops propagation cannot hide them; media events do
// not bubble and are caught on the document, also in the capture phase. Address changes of the
// page's own making come from the Navigation API where there is one, else from popstate (and the
// tick). `pageshow` is not here: it only matters after the page went into the back-forward cache,
// so it is added then.
import { MEDIA_EVENTS } from './media-tracker';

export interface PageHandlers {
  /** Any sign of a person: pointer moves and presses (mouse, pen, touch), wheel turns, touch scrolling. Runs very often. */
  input(event: Event): void;
  click(event: Event): void;
  keydown(event: KeyboardEvent): void;
  mouseup(event: Event): void;
  copy(event: Event): void;
  scroll(event: Event): void;
  media(event: Event): void;
  /** Visibility or focus may have changed: read them again. */
  stateChanged(event: Event): void;
  pagehide(event: PageTransitionEvent): void;
  /** The address may have changed (history pushed or traversed): compare it. */
  addressChanged(event: Event): void;
}

// Pointer events cover the mouse, pens and touch alike (a touch begins with pointerdown);
// touchmove stays, since a touch that scrolls the page ends its pointer events at once.
const INPUT_EVENTS = ['pointermove', 'pointerdown', 'wheel', 'touchmove'];
const CAPTURED: AddEventListenerOptions = { capture: true, passive: true };
const PLAIN: AddEventListenerOptions = { passive: true };

type Listening = [EventTarget, string, EventListener, AddEventListenerOptions];

/** Adds the listeners; returns the function that removes them all. */
export function listenToPage(win: Window, handlers: PageHandlers, navigation?: EventTarget): () => void {
  const doc = win.document;
  const added: Listening[] = [];
  const add = (target: EventTarget, type: string, handler: (event: never) => void, options: AddEventListenerOptions): void => {
    target.addEventListener(type, handler as EventListener, options);
    added.push([target, type, handler as EventListener, options]);
  };
  for (const type of INPUT_EVENTS) add(win, type, handlers.input, CAPTURED);
  add(win, 'click', handlers.click, CAPTURED);
  add(win, 'keydown', handlers.keydown, CAPTURED);
  add(win, 'mouseup', handlers.mouseup, CAPTURED);
  add(win, 'copy', handlers.copy, CAPTURED);
  add(doc, 'scroll', handlers.scroll, CAPTURED);
  for (const type of MEDIA_EVENTS) add(doc, type, handlers.media, CAPTURED);
  add(doc, 'visibilitychange', handlers.stateChanged, PLAIN);
  // Not captured: element focus events would reach a capturing window listener too.
  add(win, 'focus', handlers.stateChanged, PLAIN);
  add(win, 'blur', handlers.stateChanged, PLAIN);
  add(win, 'pagehide', handlers.pagehide, PLAIN);
  if (navigation) add(navigation, 'currententrychange', handlers.addressChanged, PLAIN);
  else add(win, 'popstate', handlers.addressChanged, PLAIN);
  return () => {
    for (const [target, type, listener, options] of added) target.removeEventListener(type, listener, options);
  };
}
