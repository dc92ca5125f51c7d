/**
 * The person's changes of provider with their status, under the rows on the Insatser tab: pending
 * until the new provider accepts (the rows here end the day before) or stops (they stay).
 */
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../format.ts';
import { useProviderChanges, type ProviderChangeView } from './deliveryChanges.api.ts';
import './deliveryChanges.css';

const STATUS_LABELS: Record<ProviderChangeView['status'], string> = {
  pending: 'Väntar på svar',
  accepted: 'Accepterat',
  stopped: 'Stoppat',
};

function Status({ change }: { change: ProviderChangeView }) {
  return (
    <>
      <span className={`tag provider-change--${change.status}`}>{STATUS_LABELS[change.status]}</span>
      {change.status !== 'pending' && (
        <>
          <br />
          <span className="muted">
            {formatDateTime(change.decidedAt)}
            {change.decidedByName ? ` av ${change.decidedByName}` : ''}
          </span>
        </>
      )}
    </>
  );
}

export function ProviderChangesPanel({ personId }: { personId: string }) {
  const changes = useProviderChanges(personId);
  if (changes.isPending) return <Spinner label="Hämtar byten av utförare …" />;
  if (changes.isError) return <ErrorAlert error={changes.error} />;
  if (changes.data.items.length === 0) return null;
  return (
    <section className="section">
      <h3>Byte av utförare</h3>
      <Table<ProviderChangeView>
        caption="Byten av utförare"
        captionHidden
        rows={changes.data.items}
        rowKey={(change) => change.id}
        columns={[
          {
            key: 'date',
            header: 'Från och med',
            isRowHeader: true,
            className: 'nowrap',
            render: (change) => change.changeDate,
          },
          { key: 'from', header: 'Från enhet', render: (change) => change.fromUnit.name },
          { key: 'to', header: 'Till enhet', render: (change) => change.toUnit.name },
          { key: 'rows', header: 'Insatser', render: (change) => change.rows.map((moved) => moved.name).join(', ') },
          {
            key: 'assignment',
            header: 'Nytt uppdrag',
            className: 'nowrap',
            render: (change) => change.toAssignment.assignmentNumber,
          },
          { key: 'status', header: 'Status', render: (change) => <Status change={change} /> },
        ]}
      />
    </section>
  );
}
