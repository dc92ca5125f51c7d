/**
 * A data table with a caption and column headers; rows may hold links or buttons. Wider than its
 * box (on a phone), it scrolls inside the box, which then takes focus so the keyboard scrolls it too.
 */
import { useId, type CSSProperties, type ReactNode } from 'react';
import { useScrollsSideways } from './useScrollsSideways.ts';

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
  const captionId = useId();
  const box = useScrollsSideways<HTMLDivElement>();
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  // Only a box that scrolls is a stop for Tab (WCAG 2.1.1; axe: scrollable-region-focusable), named by the
  // caption; the caption then keeps to the box's visible width (styles.css, .table-wrap--scrolls).
  const region = box.scrolls
    ? ({
        tabIndex: 0,
        role: 'region',
        'aria-labelledby': captionId,
        className: 'table-wrap table-wrap--scrolls',
        style: { '--table-wrap-width': `${box.width}px` } as CSSProperties,
      } as const)
    : { className: 'table-wrap' };
  return (
    <div ref={box.ref} {...region}>
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
