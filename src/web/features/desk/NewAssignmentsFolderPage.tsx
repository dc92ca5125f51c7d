/**
 * The desk's "Nya uppdrag" (/nya-uppdrag): for managers, coordinators and alarm managers the
 * assignments to accept and distribute (the same list as /uppdrag/nya); for everyone at a provider
 * unit the provider cases sent to their units and not yet acknowledged (kvitterade), waiting
 * longest first, each opening the staff page where it is acknowledged. A case acknowledged before
 * is back when a later assignment was sent into it: marked "Nytt uppdrag", with that day and
 * that assignment's interventions.
 */
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate, formatDateTime, personName } from '../../format.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { NEW_ASSIGNMENT_ROLES } from '../assignments/assignmentLabels.ts';
import { useNewAssignments, type NewAssignment } from '../assignments/assignments.api.ts';
import { countText } from '../assignments/NewAssignmentsPage.tsx';
import { PROVIDER_SIDE_ROLES } from './folders.ts';
import { useDeskOverview, useUnacknowledged, type UnacknowledgedItem } from './desk.api.ts';

export function NewAssignmentsFolderPage() {
  const { roles } = useSession();
  const acceptsAssignments = roles.some((role) => NEW_ASSIGNMENT_ROLES.includes(role));
  const acknowledges = roles.some((role) => PROVIDER_SIDE_ROLES.includes(role));
  // Set by a distribution that sent every row to units the manager does not have: the assignment is theirs now.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <section className="page">
      <PageTitle>Nya uppdrag</PageTitle>
      {notice && <Alert tone="success">{notice}</Alert>}
      {acceptsAssignments && <ToAccept />}
      {acknowledges && <ToAcknowledge />}
    </section>
  );
}

function PersonCell({ person }: { person: NewAssignment['person'] }) {
  return (
    <>
      <span className="nowrap">{person.identityNumber}</span>
      <br />
      {personName(person) ?? <ProtectedTag />}
    </>
  );
}

function ToAccept() {
  const list = useNewAssignments();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <>
      <h2>Att acceptera och fördela</h2>
      <p className="lead">
        Uppdrag som myndigheten har skickat till din utförare. Läs uppdraget och acceptera och fördela det, eller stoppa
        det.
      </p>
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
            caption="Uppdrag att acceptera och fördela"
            captionHidden
            rows={items}
            rowKey={(row) => row.id}
            empty="Det finns inga nya uppdrag just nu."
            columns={[
              {
                key: 'person',
                header: 'Person',
                isRowHeader: true,
                render: (row) => <PersonCell person={row.person} />,
              },
              {
                key: 'assignment',
                header: 'Uppdrag',
                className: 'nowrap',
                render: (row) => <Link to={`/uppdrag/${row.id}`}>Läs uppdrag {row.assignmentNumber}</Link>,
              },
              { key: 'provider', header: 'Utförare', render: (row) => row.provider.name },
              { key: 'sent', header: 'Skickat', className: 'nowrap', render: (row) => formatDateTime(row.sentAt) },
              { key: 'interventions', header: 'Insatser', render: (row) => row.interventions.join(', ') },
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
    </>
  );
}

function ToAcknowledge() {
  const overview = useDeskOverview();
  const units = (overview.data?.units ?? []).filter((unit) => unit.kind === 'provider_unit');
  const [unitId, setUnitId] = useState('');
  const list = useUnacknowledged(unitId, true);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <>
      <h2>Att kvittera</h2>
      <p className="lead">
        Personer som har skickats till genomförande på dina enheter, och personer som har fått ett nytt uppdrag. Öppna
        och kvittera att ni har tagit emot uppdraget.
      </p>
      {units.length > 1 && (
        <div className="filter-row">
          <Select
            label="Enhet"
            value={unitId}
            onChange={setUnitId}
            placeholder="Alla mina enheter"
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </div>
      )}
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <p role="status">
            {total === 0
              ? 'Inget att kvittera.'
              : `${total} att kvittera${items.length < total ? `, ${items.length} visas` : ''}.`}
          </p>
          <Table<UnacknowledgedItem>
            caption="Att kvittera, längst väntat först"
            captionHidden
            rows={items}
            rowKey={(row) => row.providerCaseId}
            empty="Det finns inget att kvittera just nu."
            columns={[
              {
                key: 'person',
                header: 'Person',
                isRowHeader: true,
                render: (row) => <PersonCell person={row.person} />,
              },
              {
                key: 'open',
                header: 'Genomförande',
                className: 'nowrap',
                render: (row) => (
                  <Link to={`/genomforande/${row.providerCaseId}`}>
                    Öppna och kvittera
                    <span className="visually-hidden"> {personName(row.person) ?? row.person.identityNumber}</span>
                  </Link>
                ),
              },
              { key: 'unit', header: 'Enhet', render: (row) => row.unit.name },
              {
                key: 'since',
                header: 'Skickat till genomförande',
                className: 'nowrap',
                render: (row) => formatDate(row.wasAcknowledgedBefore ? row.waitingSince : row.openedOn),
              },
              {
                key: 'interventions',
                header: 'Insatser',
                render: (row) => (
                  <>
                    {row.wasAcknowledgedBefore && (
                      <>
                        <span className="tag">Nytt uppdrag</span>{' '}
                      </>
                    )}
                    {row.interventions.join(', ') || '–'}
                  </>
                ),
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
    </>
  );
}
