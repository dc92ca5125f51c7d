/**
 * Persons in a table, as search, "Senast öppnade" and a unit's list show them. A protected
 * identity's name is never sent to lists; the table says so in words, not by an empty cell.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PersonSearchHit } from '../../contract/persons.ts';
import { Table, type Column } from './Table.tsx';
import { formatDate, personName } from '../format.ts';
import { SEX_LABELS } from '../i18n/labels.ts';

interface PersonTableProps<T extends PersonSearchHit> {
  caption: ReactNode;
  captionHidden?: boolean;
  persons: readonly T[];
  extraColumns?: readonly Column<T>[];
  empty?: ReactNode;
}

export function PersonTable<T extends PersonSearchHit>(props: PersonTableProps<T>) {
  const { caption, captionHidden, persons, extraColumns = [], empty } = props;
  const columns: Column<T>[] = [
    {
      key: 'number',
      header: 'Personnummer',
      isRowHeader: true,
      className: 'nowrap',
      render: (person) => <Link to={`/personer/${person.id}`}>{person.identityNumber}</Link>,
    },
    { key: 'name', header: 'Namn', render: (person) => <PersonNameCell person={person} /> },
    { key: 'born', header: 'Född', className: 'nowrap', render: (person) => formatDate(person.birthDate) },
    { key: 'sex', header: 'Kön', render: (person) => SEX_LABELS[person.sex] ?? person.sex },
    ...extraColumns,
  ];
  return (
    <Table
      caption={caption}
      captionHidden={captionHidden ?? false}
      columns={columns}
      rows={persons}
      rowKey={(person) => person.id}
      empty={empty}
    />
  );
}

export function PersonNameCell({ person }: { person: PersonSearchHit }) {
  const name = personName(person);
  return (
    <>
      {name ?? <ProtectedTag />}
      {person.deceasedDate && (
        <>
          {' '}
          <span className="tag tag--muted">Avliden {formatDate(person.deceasedDate)}</span>
        </>
      )}
    </>
  );
}

export function ProtectedTag() {
  return <span className="tag tag--protected">Skyddad identitet</span>;
}
