/** Small pieces the message screens share: the linked person, the page buttons. */
import { Link } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { personName } from '../../format.ts';
import { ProtectedTag } from '../persons/PersonTable.tsx';
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

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** Föregående / Nästa with where one is; nothing when everything fits on one page. */
export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className="pager" aria-label="Sidor">
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>Föregående</Button>
      <span>Sida {page} av {pages}</span>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>Nästa</Button>
    </nav>
  );
}

/** The page number in the address (?sida=2), so back and reload keep it. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('sida') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
