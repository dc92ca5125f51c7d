/** Mina ärenden: the open cases where the user is the case officer, oldest first. */
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate, personName } from '../../format.ts';
import { SERVICE_AREA_SHORT } from '../../i18n/labels.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { useMyCases, type MyCase } from './cases.api.ts';

export function MyCasesPage() {
  const cases = useMyCases();
  return (
    <section className="page">
      <PageTitle>Mina ärenden</PageTitle>
      <p className="lead">Öppna ärenden där du är handläggare.</p>
      {cases.isPending && <Spinner />}
      <ErrorAlert error={cases.error} />
      {cases.data && (
        <Table<MyCase>
          caption="Mina öppna ärenden, äldst först"
          captionHidden
          rows={cases.data.cases}
          rowKey={(row) => row.id}
          empty="Du har inga öppna ärenden."
          columns={[
            {
              key: 'number',
              header: 'Ärende',
              isRowHeader: true,
              className: 'nowrap',
              render: (row) => <Link to={`/arenden/${row.id}`}>{row.caseNumber}</Link>,
            },
            { key: 'person', header: 'Person', render: (row) => personName(row.person) ?? <ProtectedTag /> },
            {
              key: 'identity',
              header: 'Personnummer',
              className: 'nowrap',
              render: (row) => row.person.identityNumber,
            },
            { key: 'area', header: 'Område', render: (row) => SERVICE_AREA_SHORT[row.serviceArea] },
            { key: 'opened', header: 'Öppnat', className: 'nowrap', render: (row) => formatDate(row.openedOn) },
            {
              key: 'decisions',
              header: 'Pågående beslut',
              className: 'numeric',
              render: (row) => row.ongoingDecisionCount,
            },
          ]}
        />
      )}
    </section>
  );
}
