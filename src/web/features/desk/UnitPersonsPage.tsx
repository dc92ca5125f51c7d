/** One unit's persons, from "Mina enheter". */
import { useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { SERVICE_AREA_LABELS, UNIT_KIND_LABELS } from '../../i18n/labels.ts';
import { PersonTable } from '../persons/PersonTable.tsx';
import { useUnitPersons } from './desk.api.ts';

export function UnitPersonsPage() {
  const { unitId = '' } = useParams();
  const unitPersons = useUnitPersons(unitId);
  const unit = unitPersons.data?.unit;
  return (
    <section className="page">
      <PageTitle documentTitle={unit?.name ?? 'Enhet'}>{unit?.name ?? 'Enhet'}</PageTitle>
      {unit && <p className="lead">{UNIT_KIND_LABELS[unit.kind]} inom {SERVICE_AREA_LABELS[unit.serviceArea]}.</p>}
      {unitPersons.isPending && <Spinner />}
      <ErrorAlert error={unitPersons.error} />
      {unitPersons.data && (
        <PersonTable caption={`Personer på ${unitPersons.data.unit.name}`} captionHidden persons={unitPersons.data.persons} empty="Enheten har inga personer just nu." />
      )}
    </section>
  );
}
