/** Senast öppnade: the persons this user opened lately, newest first. */
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDateTime } from '../../format.ts';
import { PersonTable } from '../../components/PersonTable.tsx';
import { useRecentPersons } from './desk.api.ts';

export function RecentPersonsPage() {
  const recent = useRecentPersons();
  return (
    <section className="page">
      <PageTitle>Senast öppnade</PageTitle>
      {recent.isPending && <Spinner />}
      <ErrorAlert error={recent.error} />
      {recent.data && (
        <PersonTable
          caption="Personer du har öppnat, senast först"
          captionHidden
          persons={recent.data.persons}
          empty="Du har inte öppnat några personer ännu."
          extraColumns={[
            {
              key: 'opened',
              header: 'Öppnad',
              className: 'nowrap',
              render: (person) => formatDateTime(person.lastOpenedAt),
            },
          ]}
        />
      )}
    </section>
  );
}
