/** One intervention type: what it is and its form, saved with its version (409 keeps what was typed). */
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { SERVICE_AREA_LABELS } from '../../i18n/labels.ts';
import {
  invalidateCatalogues,
  reloadInterventionType,
  updateInterventionType,
  useInterventionTypes,
  useLegalBases,
  type InterventionType,
  type LegalBasis,
} from './catalogues.api.ts';
import { interventionTypeFields, toRequest, toValues, type InterventionTypeValues } from './interventionTypeFields.ts';

export function InterventionTypePage() {
  const { interventionTypeId = '' } = useParams();
  const types = useInterventionTypes({ includeInactive: true });
  const legalBases = useLegalBases();
  const type = types.data?.find((candidate) => candidate.id === interventionTypeId);
  const back = (
    <p>
      <Link to="/admin/insatskatalog">Tillbaka till insatskatalogen</Link>
    </p>
  );

  if (types.isPending || legalBases.isPending)
    return (
      <section className="page">
        <PageTitle>Insatstyp</PageTitle>
        <Spinner />
      </section>
    );
  if (!type || !legalBases.data) {
    return (
      <section className="page">
        <PageTitle>{types.data && !type ? 'Insatstypen hittades inte' : 'Insatstypen kunde inte visas'}</PageTitle>
        {back}
        <ErrorAlert error={types.error ?? legalBases.error} />
      </section>
    );
  }
  return (
    <section className="page">
      <PageTitle documentTitle={type.name}>{type.name}</PageTitle>
      {back}
      <p className="lead">
        {SERVICE_AREA_LABELS[type.serviceArea]} · {type.isActive ? 'Aktiv' : 'Inaktiv'} ·{' '}
        {type.isInUse ? 'Används i beslut' : 'Används inte i något beslut'}
      </p>
      <InterventionTypeForm type={type} legalBases={legalBases.data} />
    </section>
  );
}

function InterventionTypeForm({ type, legalBases }: { type: InterventionType; legalBases: readonly LegalBasis[] }) {
  const queryClient = useQueryClient();
  const fields = interventionTypeFields(legalBases, type);
  const reload = () => reloadInterventionType(queryClient, type.id);
  const state = useVersionedForm<InterventionType, InterventionTypeValues>({
    entity: type,
    fields,
    toValues,
    save: async (values, version) => {
      const saved = await updateInterventionType(type.id, { version, ...toRequest(values) });
      void invalidateCatalogues(queryClient);
      return saved;
    },
    reload,
  });
  return <VersionedForm title="Uppgifter" state={state} fields={fields} />;
}
