/**
 * Lagrum: the legal bases decisions rest on, with their service areas and validity. A renumbered
 * law is a new row with its own validity, so decisions made under the old number keep it. The
 * filters are kept in the address (?omrade=LSS&idag=ja), so a reload shows the same list.
 */
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { todayInSweden } from '../../../domain/dates.ts';
import { SERVICE_AREAS, type ServiceAreaCode } from '../../../domain/organisation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { serviceAreaOptionLabel } from '../../i18n/labels.ts';
import { useLegalBases, type LegalBasis } from './catalogues.api.ts';
import { serviceAreasText } from './legalBasisFields.ts';

const AREA_OPTIONS = SERVICE_AREAS.map((area) => ({
  value: area,
  label: serviceAreaOptionLabel(area),
}));

function isServiceArea(value: string | null): value is ServiceAreaCode {
  return (SERVICE_AREAS as readonly string[]).includes(value ?? '');
}

function statusText(basis: LegalBasis, today: string): string {
  if (basis.validFrom > today) return `Börjar gälla ${basis.validFrom}`;
  if (basis.validTo !== null && basis.validTo < today) return 'Har upphört';
  return 'Gäller';
}

export function LegalBasesPage() {
  const [params, setParams] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const today = todayInSweden();
  const onlyToday = params.get('idag') === 'ja';
  const area = params.get('omrade');
  const serviceArea = isServiceArea(area) ? area : undefined;
  const legalBases = useLegalBases({ validOn: onlyToday ? today : undefined, serviceArea });

  const setFilter = (next: { omrade?: string; idag?: boolean }) => {
    const omrade = next.omrade ?? serviceArea ?? '';
    const idag = next.idag ?? onlyToday;
    setParams({ ...(omrade ? { omrade } : {}), ...(idag ? { idag: 'ja' } : {}) }, { replace: true });
  };

  return (
    <section className="page">
      <PageTitle>Lagrum</PageTitle>
      <p className="lead">
        Lagrummen som beslut kan grundas på, och i vilka verksamhetsområden. När en lag numreras om läggs det nya
        lagrummet upp med egen giltighet; beslut som redan har fattats behåller sitt.
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <p>
        <Link to="/admin/lagrum/ny" className="button button--primary">
          Nytt lagrum
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
          label={`Visa bara lagrum som gäller i dag (${today})`}
          checked={onlyToday}
          onChange={(checked) => setFilter({ idag: checked })}
        />
      </div>
      {legalBases.isPending && <Spinner />}
      <ErrorAlert error={legalBases.error} />
      {legalBases.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {legalBases.data.length} lagrum visas.
          </p>
          <Table<LegalBasis>
            caption="Lagrum"
            captionHidden
            rows={legalBases.data}
            rowKey={(basis) => basis.id}
            empty="Inga lagrum matchar filtret."
            rowClassName={(basis) => (basis.validTo !== null && basis.validTo < today ? 'row--inactive' : undefined)}
            columns={[
              {
                key: 'code',
                header: 'Lagrum',
                isRowHeader: true,
                className: 'nowrap',
                render: (basis) => <Link to={`/admin/lagrum/${basis.id}`}>{basis.code}</Link>,
              },
              { key: 'description', header: 'Beskrivning', render: (basis) => basis.description ?? '–' },
              { key: 'areas', header: 'Verksamhetsområden', render: (basis) => serviceAreasText(basis.serviceAreas) },
              { key: 'from', header: 'Gäller från', className: 'nowrap', render: (basis) => basis.validFrom },
              {
                key: 'to',
                header: 'Gäller till och med',
                className: 'nowrap',
                render: (basis) => basis.validTo ?? 'tills vidare',
              },
              { key: 'status', header: 'Status', render: (basis) => statusText(basis, today) },
              { key: 'inUse', header: 'Används i beslut', render: (basis) => (basis.isInUse ? 'Ja' : 'Nej') },
            ]}
          />
        </>
      )}
    </section>
  );
}
