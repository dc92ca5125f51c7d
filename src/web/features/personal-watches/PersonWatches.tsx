/**
 * On the person page, after the tabs: my watches on the person (Bevaka, among the person's actions,
 * sets one). Only mine: a watch is the owner's own note, which nobody else sees.
 */
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { usePersonWatches } from './personalWatches.api.ts';
import { WatchList } from './WatchList.tsx';

export function PersonWatches({ personId }: { personId: string }) {
  const list = usePersonWatches(personId);
  return (
    <section aria-labelledby="person-watches-title" className="person-watches">
      <h2 id="person-watches-title">Mina bevakningar på personen</h2>
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <WatchList
          watches={list.data.watches}
          showsPerson={false}
          label="Mina bevakningar på personen"
          empty="Du har inga bevakningar på personen."
        />
      )}
    </section>
  );
}
