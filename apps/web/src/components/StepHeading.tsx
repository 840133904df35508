import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** The step's h2; it takes the focus when the step appears, so keyboard and screen reader users land on it. */
export function StepHeading({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 tabIndex={-1} ref={heading}>
      {children}
    </h2>
  );
}
