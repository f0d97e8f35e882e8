// A titled part of a view: a real <section> named by its heading, so screen readers can jump to it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface SectionProps {
  title: string;
  children: ComponentChildren;
  /** Fixed minimum height (px) kept while data loads, so the layout does not jump. */
  minHeight?: number;
  class?: string;
}

export function Section({ title, children, minHeight, class: className }: SectionProps) {
  const headingId = useId();
  return (
    <section class={`section ${className ?? ''}`} aria-labelledby={headingId} style={minHeight ? { minHeight: `${minHeight}px` } : undefined}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
