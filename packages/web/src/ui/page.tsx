// A page: sets the document title and moves focus to the heading so screen readers announce the new page.
import { type ReactNode, useEffect, useRef } from 'react';

interface PageProps {
  title: string;
  /** Shown in the h1 when it differs from the document title. */
  heading?: ReactNode;
  /** Content before the heading (e.g. a back link above it). */
  before?: ReactNode;
  /** Content after the heading, e.g. an action button. */
  aside?: ReactNode;
  /** Puts `before`, the heading and `aside` on one row (compact screens such as a conversation). */
  row?: boolean;
  className?: string;
  children: ReactNode;
}

/** Wraps a screen with its h1; focus lands on the h1 when the page opens. */
export function Page({ title, heading, before, aside, row, className, children }: PageProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Fellwatch`;
  }, [title]);
  useEffect(() => {
    window.scrollTo(0, 0);
    ref.current?.focus({ preventScroll: true });
  }, []);
  const h1 = (
    <h1 ref={ref} tabIndex={-1}>
      {heading ?? title}
    </h1>
  );
  return (
    <div className={className ? `page ${className}` : 'page'}>
      {row ? (
        <div className="page-head-row">
          {before}
          {h1}
          {aside}
        </div>
      ) : (
        <>
          {before}
          {h1}
          {aside}
        </>
      )}
      {children}
    </div>
  );
}
