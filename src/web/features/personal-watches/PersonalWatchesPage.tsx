/**
 * Mina bevakningar (/bevakningar): the watches I set, open ones by due date with the overdue
 * first, or the cleared ones. Which is shown is in the address (?visa=klara), so reload keeps it.
 */
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { usePersonalWatches } from './personalWatches.api.ts';
import { WatchList } from './WatchList.tsx';

export function PersonalWatchesPage() {
  const [params] = useSearchParams();
  const status = params.get('visa') === 'klara' ? 'done' : 'open';
  const list = usePersonalWatches(status);
  return (
    <section className="page">
      <PageTitle>Mina bevakningar</PageTitle>
      <p className="lead">
        Påminnelser du själv har satt på personer och deras ärenden, uppdrag och genomföranden. Bara du ser dem. Sätt en
        ny med knappen Bevaka på personens sida.
      </p>
      <nav aria-label="Visa bevakningar" className="watch-filter">
        <Link to="/bevakningar" aria-current={status === 'open' ? 'page' : undefined}>
          Öppna
        </Link>
        <Link to="/bevakningar?visa=klara" aria-current={status === 'done' ? 'page' : undefined}>
          Klarmarkerade
        </Link>
      </nav>
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <WatchList
            watches={list.data.watches}
            label={status === 'open' ? 'Öppna bevakningar' : 'Klarmarkerade bevakningar'}
            empty={status === 'open' ? 'Du har inga öppna bevakningar.' : 'Du har inga klarmarkerade bevakningar.'}
          />
          {list.data.hasMore && (
            <p className="muted">Listan visar de {list.data.watches.length} första. Klarmarkera eller ta bort några.</p>
          )}
        </>
      )}
    </section>
  );
}
