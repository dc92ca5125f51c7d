/** The person a message is about, as the inbox, the sent box and a message show them. */
import { Link } from 'react-router-dom';
import { personName } from '../../format.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import type { MessagePerson } from './messages.api.ts';

/** The person a message is about: a link when the reader may open them, otherwise only that there is one. */
export function LinkedPerson({ person }: { person: MessagePerson }) {
  if (!person.isInScope) return <span className="muted">En person som du inte har behörighet till</span>;
  const name = personName(person);
  return (
    <Link to={`/personer/${person.id}`}>
      {name ?? <ProtectedTag />} {person.identityNumber}
    </Link>
  );
}
