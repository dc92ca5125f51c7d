/**
 * Whether a box's content is wider than the box, so it scrolls sideways, and the box's inner width;
 * kept up to date as the box or its content changes size (a phone turned, rows loaded, a tab shown).
 */
import { useCallback, useRef, useState } from 'react';

export interface SidewaysScroll<T extends HTMLElement> {
  ref: (element: T | null) => void;
  scrolls: boolean;
  /** The box's inner width in pixels (0 until measured). */
  width: number;
}

export function useScrollsSideways<T extends HTMLElement>(): SidewaysScroll<T> {
  const [state, setState] = useState({ scrolls: false, width: 0 });
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const measure = () => {
      const next = { scrolls: element.scrollWidth > element.clientWidth + 1, width: element.clientWidth };
      setState((now) => (now.scrolls === next.scrolls && now.width === next.width ? now : next));
    };
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
    // The box keeps its width when rows are added; its content's width is what changes.
    for (const child of element.children) observer.current.observe(child);
    measure();
  }, []);
  return { ref, ...state };
}
