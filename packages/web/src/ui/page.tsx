// A page: sets the document title and moves focus to the heading so screen readers announce the new page.
import { type ReactNode, useEffect, useRef } from 'react';

interface PageProps {
  title: string;
  /** Shown in the h1 when it differs from the document title. */
  heading?: ReactNode;
  /** Extra content beside the heading (e.g. a back link above it). */
  before?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** Wraps a screen with its h1; focus lands on the h1 when the page opens. */
export function Page({ title, heading, before, className, children }: PageProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Fellwatch`;
  }, [title]);
  useEffect(() => {
    window.scrollTo(0, 0);
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className={className ? `page ${className}` : 'page'}>
      {before}
      <h1 ref={ref} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </div>
  );
}
