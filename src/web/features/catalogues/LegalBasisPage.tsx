/** One legal basis: its validity and description, saved with its version (409 keeps what was typed). */
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import {
  invalidateCatalogues,
  reloadLegalBasis,
  updateLegalBasis,
  useLegalBases,
  type LegalBasis,
} from './catalogues.api.ts';
import {
  checkValidity,
  legalBasisFields,
  serviceAreasText,
  toRequest,
  toValues,
  type LegalBasisValues,
} from './legalBasisFields.ts';

export function LegalBasisPage() {
  const { legalBasisId = '' } = useParams();
  const legalBases = useLegalBases();
  const basis = legalBases.data?.find((candidate) => candidate.id === legalBasisId);
  const back = (
    <p>
      <Link to="/admin/lagrum">Tillbaka till lagrummen</Link>
    </p>
  );

  if (legalBases.isPending)
    return (
      <section className="page">
        <PageTitle>Lagrum</PageTitle>
        <Spinner />
      </section>
    );
  if (!basis) {
    return (
      <section className="page">
        <PageTitle>{legalBases.data ? 'Lagrummet hittades inte' : 'Lagrummet kunde inte visas'}</PageTitle>
        {back}
        <ErrorAlert error={legalBases.error} />
      </section>
    );
  }
  return (
    <section className="page">
      <PageTitle documentTitle={basis.code}>{basis.code}</PageTitle>
      {back}
      <p className="lead">
        {serviceAreasText(basis.serviceAreas)} · Gäller {basis.validFrom} – {basis.validTo ?? 'tills vidare'} ·{' '}
        {basis.isInUse
          ? 'Används i beslut: koden ligger fast och giltigheten måste täcka besluten'
          : 'Används inte i något beslut'}
      </p>
      <LegalBasisForm basis={basis} />
    </section>
  );
}

function LegalBasisForm({ basis }: { basis: LegalBasis }) {
  const queryClient = useQueryClient();
  const fields = legalBasisFields(basis);
  const state = useVersionedForm<LegalBasis, LegalBasisValues>({
    entity: basis,
    fields,
    toValues,
    validate: checkValidity,
    save: async (values, version) => {
      const saved = await updateLegalBasis(basis.id, { version, ...toRequest(values) });
      void invalidateCatalogues(queryClient);
      return saved;
    },
    reload: () => reloadLegalBasis(queryClient, basis.id),
  });
  return <VersionedForm title="Uppgifter" state={state} fields={fields} />;
}
