/**
 * Delivery rows as the provider manual's table lists them: Insatstyp, Period ("2019-11-05–t.v."),
 * Utförarenhet, Timmar and Enhet, Utförs, Tid/Frekv and Enhet, Status, Verkställd från;
 * interruptions under the intervention; and, when given, the reader's actions under each row.
 */
import { Fragment, useId, type ReactNode } from 'react';
import type { Column } from '../../components/Table.tsx';
import { formatNumber } from '../../format.ts';
import { deliveryRowName, hasEndedBeforeStart } from '../../../domain/delivery-rules.ts';
import { DELIVERY_DAYS_LABELS, DELIVERY_STATUS_LABELS, FREQUENCY_UNIT_LABELS } from '../../i18n/labels.ts';
import type { DeliveryRow } from './deliveries.api.ts';
import { periodText } from './deliveryForm.ts';
import './deliveries.css';

interface DeliveryTableProps {
  rows: readonly DeliveryRow[];
  caption: string;
  captionHidden?: boolean;
  empty?: ReactNode;
  actions?: (row: DeliveryRow) => ReactNode;
}

/**
 * The row's status; an ended row that covered no day — cancelled before its start, or its decision
 * ended first — says it never began rather than just "Avslutad".
 */
export function DeliveryStatusTag({ row }: { row: Pick<DeliveryRow, 'status' | 'periodFrom' | 'periodTo'> }) {
  const label =
    row.status === 'ended' && hasEndedBeforeStart(row) ? 'Avbruten före start' : DELIVERY_STATUS_LABELS[row.status];
  return <span className={`tag delivery-status--${row.status}`}>{label}</span>;
}

/** "Personlig omvårdnad (Morgon)" when the provider named the row. */
export function rowName(row: Pick<DeliveryRow, 'interventionName' | 'label'>): string {
  return deliveryRowName(row.interventionName, row.label);
}

export function DeliveryTable({
  rows,
  caption,
  captionHidden,
  empty = 'Inga insatser är registrerade.',
  actions,
}: DeliveryTableProps) {
  const captionId = useId();
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;
  const columns = deliveryColumns();
  // The table is wider than most screens: its region takes focus, so it scrolls sideways from the keyboard too.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll from the keyboard (WCAG 2.1.1; axe: scrollable-region-focusable)
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="table delivery-table">
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
          {rows.map((row) => (
            <Fragment key={row.id}>
              <tr className={actions ? 'delivery-table__row--with-actions' : undefined}>
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
              {/* The actions get a line of their own under the row, so the table stays as narrow as the manual's. */}
              {actions && (
                <tr className="delivery-table__actions">
                  <td colSpan={columns.length}>
                    <div
                      className="row-actions"
                      role="group"
                      aria-label={`Åtgärder för ${rowName(row)}, ${periodText(row.periodFrom, row.periodTo)}`}
                    >
                      {actions(row)}
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function deliveryColumns(): Column<DeliveryRow>[] {
  return [
    {
      key: 'intervention',
      header: 'Insatstyp',
      isRowHeader: true,
      render: (row) => (
        <>
          {rowName(row)}
          <br />
          <span className="muted delivery-table__assignment">
            Uppdrag <span className="nowrap">{row.assignmentNumber}</span>
          </span>
          {row.interruptions.length > 0 && (
            <ul className="delivery-interruptions" aria-label="Avbrott">
              {row.interruptions.map((stop) => (
                <li key={stop.id}>
                  Avbrott {periodText(stop.fromDate, stop.toDate)}: {stop.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    { key: 'period', header: 'Period', className: 'nowrap', render: (row) => periodText(row.periodFrom, row.periodTo) },
    { key: 'unit', header: 'Utförarenhet', render: (row) => row.providerUnit.name },
    // Each number with its unit in one cell ("0,5 tim/besök", "2 ggr/dygn"), so the table fits beside the desk.
    { key: 'hours', header: 'Timmar', render: (row) => hoursText(row) },
    { key: 'days', header: 'Utförs', render: (row) => (row.days ? DELIVERY_DAYS_LABELS[row.days] : '–') },
    {
      key: 'frequency',
      header: 'Tid/Frekv',
      render: (row) =>
        row.frequency === null ? (
          '–'
        ) : (
          <span className="nowrap">
            {formatNumber(row.frequency)} {row.frequencyUnit ? FREQUENCY_UNIT_LABELS[row.frequencyUnit] : ''}
          </span>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (row) => (
        <>
          <DeliveryStatusTag row={row} />
          {row.endReason && (
            <>
              <br />
              <span className="muted">{row.endReason}</span>
            </>
          )}
        </>
      ),
    },
    {
      key: 'started',
      header: 'Verkställd från',
      render: (row) => <span className="nowrap">{row.startedOn ?? '–'}</span>,
    },
  ];
}

/** "0,5 tim/besök + 0,33 dubbel". */
function hoursText(row: DeliveryRow): ReactNode {
  if (row.hoursPerVisit === null) return '–';
  return (
    <>
      <span className="nowrap">{formatNumber(row.hoursPerVisit)} tim/besök</span>
      {row.extraHoursTwoStaff !== null && (
        <>
          {' '}
          <span className="nowrap">+ {formatNumber(row.extraHoursTwoStaff)} dubbel</span>
        </>
      )}
    </>
  );
}
