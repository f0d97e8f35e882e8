// An inline confirmation: says exactly what a change will do, and waits for a second press.
// Focus moves to "Cancel" so that a stray Enter never destroys anything.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

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
