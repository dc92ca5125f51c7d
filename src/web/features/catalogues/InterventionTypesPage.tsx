/**
 * Insatskatalog: the intervention types of every service area, filtered by area (kept in the
 * address, ?omrade=AO, so a link or a reload shows the same list); each opens its form.
 */
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { SERVICE_AREAS, type ServiceAreaCode } from '../../../domain/organisation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { SERVICE_AREA_LABELS, SERVICE_AREA_SHORT, scopeUnitLabel, serviceAreaOptionLabel } from '../../i18n/labels.ts';
import { useInterventionTypes, type InterventionType } from './catalogues.api.ts';

const AREA_OPTIONS = SERVICE_AREAS.map((area) => ({
  value: area,
  label: serviceAreaOptionLabel(area),
}));

function isServiceArea(value: string | null): value is ServiceAreaCode {
  return (SERVICE_AREAS as readonly string[]).includes(value ?? '');
}

/** The flags as short words, so the table says what the form's check boxes say. */
function flagsText(type: InterventionType): string {
  const flags = [
    type.isPersonalAlarm && 'Trygghetslarm',
    type.isShortTermStay && 'Korttidsvistelse',
    type.isCarePlanExempt && 'Undantagen från genomförandeplan',
  ].filter(Boolean);
  return flags.join(', ') || '–';
}

export function InterventionTypesPage() {
  const [params, setParams] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const area = params.get('omrade');
  const serviceArea = isServiceArea(area) ? area : undefined;
  const includeInactive = params.get('inaktiva') === 'ja';
  const types = useInterventionTypes({ serviceArea, includeInactive });

  const setFilter = (next: { omrade?: string; inaktiva?: boolean }) => {
    const omrade = next.omrade ?? serviceArea ?? '';
    const inaktiva = next.inaktiva ?? includeInactive;
    setParams({ ...(omrade ? { omrade } : {}), ...(inaktiva ? { inaktiva: 'ja' } : {}) }, { replace: true });
  };

  return (
    <section className="page">
      <PageTitle>Insatskatalog</PageTitle>
      <p className="lead">
        Insatstyperna som kan beviljas i varje verksamhetsområde. En insatstyp som inte längre erbjuds inaktiveras;
        beslut som redan har den behåller den.
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <p>
        <Link to="/admin/insatskatalog/ny" className="button button--primary">
          Ny insatstyp
        </Link>
      </p>
      <div className="filter-row">
        <Select
          label="Verksamhetsområde"
          value={serviceArea ?? ''}
          onChange={(value) => setFilter({ omrade: value })}
          options={AREA_OPTIONS}
          placeholder="Alla verksamhetsområden"
        />
        <Checkbox
          label="Visa inaktiva insatstyper"
          checked={includeInactive}
          onChange={(checked) => setFilter({ inaktiva: checked })}
        />
      </div>
      {types.isPending && <Spinner />}
      <ErrorAlert error={types.error} />
      {types.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {types.data.length} insatstyper visas.
          </p>
          <Table<InterventionType>
            caption="Insatstyper"
            captionHidden
            rows={types.data}
            rowKey={(type) => type.id}
            empty="Inga insatstyper matchar filtret."
            rowClassName={(type) => (type.isActive ? undefined : 'row--inactive')}
            columns={[
              {
                key: 'name',
                header: 'Namn',
                isRowHeader: true,
                render: (type) => <Link to={`/admin/insatskatalog/${type.id}`}>{type.name}</Link>,
              },
              {
                key: 'area',
                header: 'Område',
                render: (type) => (
                  <abbr title={SERVICE_AREA_LABELS[type.serviceArea]}>{SERVICE_AREA_SHORT[type.serviceArea]}</abbr>
                ),
              },
              { key: 'keyCode', header: 'Nyckelkod', render: (type) => type.keyCode ?? '–' },
              {
                key: 'scope',
                header: 'Omfattning',
                className: 'nowrap',
                render: (type) => scopeUnitLabel(type.scopeUnit),
              },
              {
                key: 'legalBasis',
                header: 'Lagrum',
                className: 'nowrap',
                render: (type) => type.defaultLegalBasisCode ?? '–',
              },
              { key: 'flags', header: 'Egenskaper', render: flagsText },
              { key: 'status', header: 'Status', render: (type) => (type.isActive ? 'Aktiv' : 'Inaktiv') },
            ]}
          />
        </>
      )}
    </section>
  );
}
