/**
 * The page's h1. Sets document.title and takes focus when the page opens, so a screen reader user
 * hears where they landed after every navigation (a single-page app gets no page load to do it).
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface PageTitleProps {
  children: ReactNode;
  /** The browser tab's title when the heading holds more than text. */
  documentTitle?: string;
  className?: string;
}

export function PageTitle({ children, documentTitle, className }: PageTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    document.title = title ? `${title} – Vardag` : 'Vardag';
  }, [title]);

  useEffect(() => {
    // Only on mount: a page that updates itself (new search results) keeps the user's focus.
    ref.current?.focus({ preventScroll: false });
  }, []);

  return (
    <h1 ref={ref} tabIndex={-1} className={['page-title', className ?? ''].join(' ').trim()}>
      {children}
    </h1>
  );
}
