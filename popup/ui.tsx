// The building blocks every view shares: a titled section, a placeholder while data loads, the
// lines that say what went wrong or what just happened, and the confirmation before a change.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface SectionProps {
  title: string;
  children: ComponentChildren;
  /** Fixed minimum height (px) kept while data loads, so the layout does not jump. */
  minHeight?: number;
  class?: string;
}

/** A titled part of a view: a real <section> named by its heading, so screen readers can jump to it. */
export function Section({ title, children, minHeight, class: className }: SectionProps) {
  const headingId = useId();
  return (
    <section class={`section ${className ?? ''}`} aria-labelledby={headingId} style={minHeight ? { minHeight: `${minHeight}px` } : undefined}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

interface SkeletonProps {
  /** Height (px) of the content that will replace it, so nothing moves when it arrives. */
  height: number;
  label: string;
}

export function Skeleton({ height, label }: SkeletonProps) {
  return (
    <div class="skeleton" style={{ height: `${height}px` }} role="status">
      <span class="visually-hidden">{label}</span>
    </div>
  );
}

export function ErrorMessage({ children }: { children: ComponentChildren }) {
  return <p class="message error" role="alert">{children}</p>;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return <p class="message notice" role="status">{children}</p>;
}

/** What the user should weigh before confirming: not an error, nothing was refused. */
export function Caution({ children }: { children: ComponentChildren }) {
  return <p class="message caution" role="note">{children}</p>;
}

interface ConfirmProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  /** False while the consequences are still being counted. */
  ready?: boolean;
}

/**
 * An inline confirmation: says exactly what a change will do, and waits for a second press.
 * Focus moves to "Cancel" so that a stray Enter never destroys anything.
 */
export function Confirm({ title, children, confirmLabel, onConfirm, onCancel, pending = false, ready = true }: ConfirmProps) {
  const titleId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { cancelRef.current?.focus(); }, []);
  return (
    <div class="confirm" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <div class="confirm-body">{children}</div>
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm} disabled={pending || !ready}>
          {pending ? 'Working…' : confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel} disabled={pending}>Cancel</button>
      </div>
    </div>
  );
}
