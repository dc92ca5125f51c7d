/**
 * Organisation: the tree of units on the left, the chosen unit on the right (?enhet=…) with its
 * form and "Skapa underenhet".
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useUnits } from './admin.api.ts';
import { UnitPanel } from './UnitPanel.tsx';
import { UnitTreeView } from './UnitTreeView.tsx';
import { buildTree } from './unitTree.ts';

export function OrganisationPage() {
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [wasChosen, setWasChosen] = useState(false);
  const tree = useMemo(() => (units.data ? buildTree(units.data) : null), [units.data]);
  const selectedId = params.get('enhet');
  const selected = selectedId ? tree?.byId.get(selectedId) : undefined;

  const select = (unitId: string) => {
    setWasChosen(true);
    setParams({ enhet: unitId });
  };

  return (
    <section className="page">
      <PageTitle>Organisation</PageTitle>
      <p className="lead">
        Kommunens enheter. Åtkomst följer trädet: den som arbetar i en enhet ser personerna i den och, för chefer, i
        enheterna under.
      </p>
      {units.isPending && <Spinner />}
      <ErrorAlert error={units.error} />
      {tree && (
        <div className="org-layout">
          <UnitTreeView tree={tree} selectedId={selectedId} onSelect={select} />
          <div className="org-layout__detail">
            {selected ? (
              <UnitPanel key={selected.id} unit={selected} tree={tree} takeFocus={wasChosen} onSelect={select} />
            ) : (
              <p className="muted">Välj en enhet i trädet för att se och ändra den, eller skapa en underenhet.</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
