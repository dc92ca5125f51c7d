/** Mina enheter: the units in the position's scope that have persons; each opens its list. */
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { UnitTable } from './UnitTable.tsx';
import { useDeskOverview } from './desk.api.ts';

export function MyUnitsPage() {
  const overview = useDeskOverview();
  return (
    <section className="page">
      <PageTitle>Mina enheter</PageTitle>
      {overview.isPending && <Spinner />}
      <ErrorAlert error={overview.error} />
      {overview.data && <UnitTable units={overview.data.units} caption="Enheter och antal personer" />}
    </section>
  );
}
