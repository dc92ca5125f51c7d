/** Användare: everyone who can sign in, with a filter; each opens their page. */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDateTime } from '../../format.ts';
import { useUsers, type User } from './admin.api.ts';

export function UsersPage() {
  const users = useUsers();
  const [filter, setFilter] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const needle = filter.trim().toLocaleLowerCase('sv');
  const shown = (users.data ?? [])
    .filter((user) => showInactive || user.isActive)
    .filter(
      (user) =>
        !needle ||
        [
          user.username,
          user.displayName,
          user.email ?? '',
          ...user.positions.map((p) => `${p.title} ${p.unitName}`),
        ].some((text) => text.toLocaleLowerCase('sv').includes(needle)),
    )
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));

  return (
    <section className="page">
      <PageTitle>Användare</PageTitle>
      <p>
        <Link to="/admin/anvandare/ny" className="button button--primary">
          Ny användare
        </Link>
      </p>
      <div className="filter-row">
        <TextInput
          label="Filtrera på namn, användarnamn eller enhet"
          type="search"
          value={filter}
          onChange={setFilter}
          autoComplete="off"
        />
        <Checkbox label="Visa inaktiva användare" checked={showInactive} onChange={setShowInactive} />
      </div>
      {users.isPending && <Spinner />}
      <ErrorAlert error={users.error} />
      {users.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {shown.length} av {users.data.length} användare visas.
          </p>
          <Table<User>
            caption="Användare"
            captionHidden
            rows={shown}
            rowKey={(user) => user.id}
            empty="Inga användare matchar filtret."
            rowClassName={(user) => (user.isActive ? undefined : 'row--inactive')}
            columns={[
              {
                key: 'name',
                header: 'Namn',
                isRowHeader: true,
                render: (user) => <Link to={`/admin/anvandare/${user.id}`}>{user.displayName}</Link>,
              },
              { key: 'username', header: 'Användarnamn', render: (user) => user.username },
              {
                key: 'positions',
                header: 'Befattningar',
                render: (user) =>
                  user.positions
                    .filter((p) => p.isActive)
                    .map((p) => `${p.title}, ${p.unitName}`)
                    .join('; ') || '–',
              },
              { key: 'status', header: 'Status', render: (user) => (user.isActive ? 'Aktiv' : 'Inaktiv') },
              {
                key: 'signedIn',
                header: 'Senast inloggad',
                className: 'nowrap',
                render: (user) => formatDateTime(user.lastSignInAt),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
