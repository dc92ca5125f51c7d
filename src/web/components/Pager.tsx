/** Page buttons under a paged list (the inbox, a unit's persons, Ej aktuella), and the page in the address. */
import { Button } from './Button.tsx';

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
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Föregående
      </Button>
      <span>
        Sida {page} av {pages}
      </span>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Nästa
      </Button>
    </nav>
  );
}

/** The page number in the address (?sida=2), so back and reload keep it. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('sida') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
