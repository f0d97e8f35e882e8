// Small status lines: a placeholder while data loads, an error, a note of what just happened.
import type { ComponentChildren } from 'preact';

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
