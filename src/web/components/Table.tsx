/** A data table with a caption and column headers; rows may hold links or buttons. */
import type { ReactNode } from 'react';

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
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
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
