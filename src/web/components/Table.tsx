/**
 * A data table with a caption and column headers; rows may hold links or buttons. A table wider
 * than the screen (a phone) scrolls sideways in its own box, which then takes keyboard focus and
 * is named by the caption, so the arrow keys reach the columns out of view (WCAG 2.1.1).
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** The column that names the row is a row header, so screen readers announce it per cell. */
  isRowHeader?: boolean;
  className?: string;
}

interface TableProps<T> {
  caption: ReactNode;
  /** Keep the caption for screen readers only when a heading already says the same. */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  empty?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
}

export function Table<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  empty = 'Inga rader.',
  rowClassName,
}: TableProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const isScrollable = useIsScrollable(box, rows.length > 0);
  const captionId = useId();
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  return (
    <div
      ref={box}
      className="table-wrap"
      {...(isScrollable
        ? {
            role: 'region',
            'aria-labelledby': captionId,
            // A box that scrolls takes focus, so the keyboard can scroll it (axe scrollable-region-focusable).
            tabIndex: 0,
          }
        : {})}
    >
      <table className="table">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.key} scope="row" className={column.className}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.className}>
                    {column.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the element is narrower than its content (it scrolls sideways), kept up to date as it resizes. */
function useIsScrollable(ref: RefObject<HTMLElement | null>, isShown: boolean): boolean {
  const [isScrollable, setIsScrollable] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!isShown || !element) return;
    const measure = () => setIsScrollable(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref, isShown]);
  return isScrollable;
}
