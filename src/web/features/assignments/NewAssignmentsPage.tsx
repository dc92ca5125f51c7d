/**
 * "Nya uppdrag" (/uppdrag/nya): assignments sent to the user's providers and not yet accepted,
 * newest first, 50 at a time. Opening one reads it ("Läs uppdrag") and its PDF.
 */
import { Link } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime, personName } from '../../format.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { minutesText } from './assignmentLabels.ts';
import { documentUrl, useNewAssignments, type NewAssignment } from './assignments.api.ts';
import './assignments.css';

/** "1 nytt uppdrag", "5 nya uppdrag". */
export function countText(count: number): string {
  return count === 1 ? '1 nytt uppdrag' : `${count} nya uppdrag`;
}

export function NewAssignmentsPage() {
  const list = useNewAssignments();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <section className="page">
      <PageTitle>Nya uppdrag</PageTitle>
      <p className="lead">Uppdrag som myndigheten har skickat till din utförare och som ännu inte är accepterade.</p>
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <p role="status">
            {total === 0
              ? 'Inga nya uppdrag.'
              : `${countText(total)}${items.length < total ? `, ${items.length} visas` : ''}.`}
          </p>
          <Table<NewAssignment>
            caption="Nya uppdrag"
            captionHidden
            rows={items}
            rowKey={(row) => row.id}
            empty="Det finns inga nya uppdrag just nu."
            columns={[
              {
                key: 'person',
                header: 'Person',
                isRowHeader: true,
                render: (row) => (
                  <>
                    <span className="nowrap">{row.person.identityNumber}</span>
                    <br />
                    {personName(row.person) ?? <ProtectedTag />}
                  </>
                ),
              },
              {
                key: 'assignment',
                header: 'Uppdrag',
                className: 'nowrap',
                render: (row) => (
                  <>
                    <Link to={`/uppdrag/${row.id}`}>Läs uppdrag {row.assignmentNumber}</Link>
                    <br />
                    <a href={documentUrl(row.id)} target="_blank" rel="noopener">
                      PDF<span className="visually-hidden"> för {row.assignmentNumber} (öppnas i ny flik)</span>
                    </a>
                  </>
                ),
              },
              { key: 'provider', header: 'Utförare', render: (row) => row.provider.name },
              { key: 'sent', header: 'Skickat', className: 'nowrap', render: (row) => formatDateTime(row.sentAt) },
              {
                key: 'interventions',
                header: 'Insatser',
                render: (row) => (
                  <>
                    {row.interventions.join(', ')}
                    {row.hasPersonalAlarm && (
                      <>
                        {' '}
                        <span className="tag">Trygghetslarm</span>
                      </>
                    )}
                    {row.isNewClient && (
                      <>
                        {' '}
                        <span className="tag">Ny brukare</span>
                      </>
                    )}
                  </>
                ),
              },
              {
                key: 'total',
                header: 'Beviljad tid/månad',
                className: 'nowrap numeric',
                render: (row) => minutesText(row.totalGrantedMinutes),
              },
            ]}
          />
          {list.hasNextPage && (
            <div className="button-row">
              <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
                Visa fler
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
