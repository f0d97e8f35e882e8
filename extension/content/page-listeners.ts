// Every event listener the content script adds to a page, in one table. All are passive and
// removed together through one AbortSignal. Input events are caught on the window in the capture
// phase, so a page that stops propagation cannot hide them; media events do not bubble and are
// caught on the document, also in the capture phase.
import { MEDIA_EVENTS } from './media-tracker';

export interface PageHandlers {
  /** Any sign of a person: mouse moves, pointer presses, wheel turns, touches. Runs very often. */
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
  pageshow(event: PageTransitionEvent): void;
  popstate(event: Event): void;
}

const INPUT_EVENTS = ['mousemove', 'pointerdown', 'wheel', 'touchstart', 'touchmove'] as const;

export function listenToPage(win: Window, handlers: PageHandlers, signal: AbortSignal): void {
  const doc = win.document;
  const captured: AddEventListenerOptions = { capture: true, passive: true, signal };
  const plain: AddEventListenerOptions = { passive: true, signal };

  for (const type of INPUT_EVENTS) win.addEventListener(type, handlers.input, captured);
  win.addEventListener('click', handlers.click, captured);
  win.addEventListener('keydown', handlers.keydown, captured);
  win.addEventListener('mouseup', handlers.mouseup, captured);
  win.addEventListener('copy', handlers.copy, captured);
  doc.addEventListener('scroll', handlers.scroll, captured);
  for (const type of MEDIA_EVENTS) doc.addEventListener(type, handlers.media, captured);

  doc.addEventListener('visibilitychange', handlers.stateChanged, plain);
  // Not captured: element focus events would reach a capturing window listener too.
  win.addEventListener('focus', handlers.stateChanged, plain);
  win.addEventListener('blur', handlers.stateChanged, plain);
  win.addEventListener('pagehide', handlers.pagehide, plain);
  win.addEventListener('pageshow', handlers.pageshow, plain);
  win.addEventListener('popstate', handlers.popstate, plain);
}
