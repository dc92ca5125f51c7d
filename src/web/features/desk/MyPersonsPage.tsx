/**
 * Mina personer (/mina-personer): the persons the user keeps at hand, added from the person page
 * or when acknowledging an assignment. The list gives no access of its own: a person who has left
 * the user's units is not shown.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { formatDate, personName } from '../../format.ts';
import { PersonTable } from '../../components/PersonTable.tsx';
import { onMyPersonsChanged, removeMyPerson, useMyPersons, type MyPerson } from './desk.api.ts';

export function MyPersonsPage() {
  const list = useMyPersons();
  const queryClient = useQueryClient();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const remove = async (person: MyPerson) => {
    setBusyId(person.id);
    setError(null);
    try {
      onMyPersonsChanged(queryClient, await removeMyPerson(person.id));
      setMessage(`${personName(person) ?? person.identityNumber} är borttagen ur Mina personer.`);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="page">
      <PageTitle>Mina personer</PageTitle>
      <p className="lead">
        Personer du har valt att ha nära till hands. Lägg till eller ta bort dem på personens sida. Listan ger ingen
        behörighet: den som inte längre finns på dina enheter visas inte här.
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={error} />
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <PersonTable
          caption="Mina personer"
          captionHidden
          persons={list.data.persons}
          empty="Du har inga personer här ännu. Lägg till dem med knappen Lägg till i Mina personer på personens sida."
          extraColumns={[
            { key: 'added', header: 'Tillagd', className: 'nowrap', render: (person) => formatDate(person.addedAt) },
            {
              key: 'remove',
              header: <span className="visually-hidden">Åtgärd</span>,
              className: 'actions',
              render: (person) => (
                <Button variant="quiet" onClick={() => void remove(person)} busy={busyId === person.id}>
                  Ta bort
                  <span className="visually-hidden">
                    {' '}
                    {personName(person) ?? person.identityNumber} ur Mina personer
                  </span>
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
