/**
 * "Lägg till i Mina personer" / "Ta bort ur Mina personer" on the person page. The button says
 * what it will do; a polite status says what was done, so the change is heard as well as seen.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { addMyPerson, onMyPersonsChanged, removeMyPerson, useMyPersonStatus } from './desk.api.ts';
import './desk.css';

export function MyPersonToggle({ personId }: { personId: string }) {
  const status = useMyPersonStatus(personId);
  const queryClient = useQueryClient();
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  if (!status.data) return null;
  const isMine = status.data.isMyPerson;

  const toggle = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      const next = isMine ? await removeMyPerson(personId) : await addMyPerson(personId);
      onMyPersonsChanged(queryClient, next);
      setMessage(next.isMyPerson ? 'Tillagd i Mina personer.' : 'Borttagen ur Mina personer.');
    } catch (error) {
      setFailure(error);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <span className="my-person-toggle">
      <Button onClick={() => void toggle()} busy={isBusy}>
        {isMine ? 'Ta bort ur Mina personer' : 'Lägg till i Mina personer'}
      </Button>
      <span role="status" className="status-message">
        {message}
      </span>
      <ErrorAlert error={failure} />
    </span>
  );
}
