/**
 * Ej aktuella – att avsluta (/ej-aktuella): persons with an open provider case and nothing ongoing
 * or planned at the unit, whose last row ended within the look-back (30 days unless changed).
 * The manager prints and archives the journal and closes the case here. The look-back, unit and
 * page live in the address (?dagar=…&enhet=…&sida=…); the look-back shown is also kept for the user
 * (lookBack.ts), so the count in the desk's navigation is over the same days and the list opens
 * with it next time.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { NOT_CURRENT_DEFAULT_DAYS } from '../../../domain/vocabulary.ts';
import { isApiError } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate, personName } from '../../format.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { Pager, pageFrom } from '../../components/Pager.tsx';
import { CloseProviderCaseDialog } from '../provider-cases/CloseProviderCaseDialog.tsx';
import { deskKeys, useDeskOverview, useNotCurrent, type NotCurrentItem } from './desk.api.ts';
import { parseLookBackDays, rememberLookBackDays, rememberedLookBackDays } from './lookBack.ts';
import './desk.css';

/**
 * The documentation is to be closed within 30 days when no other intervention continues (seed 002).
 * Vardag has no journal yet (issue 17), so the page asks for no printing of one.
 */
const JOURNAL_CLOSING_DAYS = 30;

export function NotCurrentPage() {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const userId = useSession().session?.user.id;
  const lookBackDays = parseLookBackDays(params.get('dagar')) ?? rememberedLookBackDays(userId);
  const unitId = params.get('enhet') ?? '';
  const page = pageFrom(params);
  const list = useNotCurrent(lookBackDays, unitId, page);
  const [closing, setClosing] = useState<NotCurrentItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The look-back shown (also one from a link) becomes the user's.
  useEffect(() => keepLookBack(queryClient, userId, lookBackDays), [queryClient, userId, lookBackDays]);
  const show = (next: { days?: number; unitId?: string; page?: number }) => {
    const query = new URLSearchParams();
    const days = next.days ?? lookBackDays;
    // Kept before the address changes: without ?dagar the page reads the kept look-back.
    keepLookBack(queryClient, userId, days);
    if (days !== NOT_CURRENT_DEFAULT_DAYS) query.set('dagar', String(days));
    const unit = next.unitId ?? unitId;
    if (unit) query.set('enhet', unit);
    if ((next.page ?? 1) > 1) query.set('sida', String(next.page));
    setParams(query);
  };
  const daysError = isApiError(list.error, 400) ? list.error.fieldErrors.lookBackDays : undefined;

  return (
    <section className="page">
      <PageTitle>Ej aktuella – att avsluta</PageTitle>
      <p className="lead">
        Personer som inte längre har någon pågående eller planerad insats på enheten. Avsluta genomförandet inom{' '}
        {JOURNAL_CLOSING_DAYS} dagar när inget mer ska göras. Antalet vid mappen i menyn räknas över de dagar du senast
        valde här.
      </p>
      <LookBackForm
        key={`${lookBackDays}:${unitId}`}
        days={lookBackDays}
        unitId={unitId}
        serverError={daysError}
        onShow={(days, unit) => show({ days, unitId: unit, page: 1 })}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      {list.isPending && <Spinner />}
      {!daysError && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {list.data.total === 0
              ? `Ingen att avsluta bland dem som slutade de senaste ${list.data.lookBackDays} dagarna.`
              : `${list.data.total} ${list.data.total === 1 ? 'person' : 'personer'} att avsluta.`}
          </p>
          <NotCurrentTable
            items={list.data.items}
            onClose={(item) => {
              setNotice(null);
              setClosing(item);
            }}
          />
          <Pager
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => show({ page: next })}
          />
        </>
      )}
      <CloseProviderCaseDialog
        item={closing}
        onClose={() => setClosing(null)}
        onClosed={(item, closedOn) => {
          setClosing(null);
          setNotice(
            `Genomförandet för ${personName(item.person) ?? item.person.identityNumber} på ${item.unit.name} är avslutat ${closedOn}.`,
          );
        }}
      />
    </section>
  );
}

/** Keeps the user's look-back; when it changed, the desk's count is asked again over the new days. */
function keepLookBack(queryClient: QueryClient, userId: string | undefined, days: number): void {
  if (rememberLookBackDays(userId, days))
    void queryClient.invalidateQueries({ queryKey: deskKeys.overview, exact: true });
}

function NotCurrentTable({
  items,
  onClose,
}: {
  items: readonly NotCurrentItem[];
  onClose: (item: NotCurrentItem) => void;
}) {
  return (
    <Table<NotCurrentItem>
      caption="Ej aktuella – att avsluta, längst sedan avslutade först"
      captionHidden
      rows={items}
      rowKey={(row) => row.providerCaseId}
      empty="Alla är avslutade. Visa fler dagar bakåt för att se tidigare."
      columns={[
        {
          key: 'person',
          header: 'Person',
          isRowHeader: true,
          render: (row) => (
            <>
              <Link to={`/personer/${row.person.id}`} className="nowrap">
                {row.person.identityNumber}
              </Link>
              <br />
              {personName(row.person) ?? <ProtectedTag />}
            </>
          ),
        },
        { key: 'unit', header: 'Enhet', render: (row) => row.unit.name },
        {
          key: 'ended',
          header: 'Sista insatsen slutade',
          className: 'nowrap-cells',
          render: (row) => formatDate(row.lastDeliveryEnd),
        },
        {
          key: 'days',
          header: 'Dagar sedan',
          className: 'numeric',
          render: (row) => (
            <>
              {row.daysSinceLastEnd}
              {row.daysSinceLastEnd > JOURNAL_CLOSING_DAYS && (
                <>
                  {' '}
                  <span className="tag tag--protected">Över {JOURNAL_CLOSING_DAYS} dagar</span>
                </>
              )}
            </>
          ),
        },
        { key: 'reason', header: 'Avslutsorsak', render: (row) => row.endReason ?? '–' },
        {
          key: 'close',
          header: <span className="visually-hidden">Åtgärd</span>,
          className: 'actions',
          render: (row) => (
            <Button onClick={() => onClose(row)}>
              Avsluta
              <span className="visually-hidden">
                {' '}
                genomförandet för {personName(row.person) ?? row.person.identityNumber}
              </span>
            </Button>
          ),
        },
      ]}
    />
  );
}

interface LookBackFormProps {
  days: number;
  unitId: string;
  serverError: string | undefined;
  onShow: (days: number, unitId: string) => void;
}

function LookBackForm({ days, unitId, serverError, onShow }: LookBackFormProps) {
  const overview = useDeskOverview();
  const units = (overview.data?.units ?? []).filter((unit) => unit.kind === 'provider_unit');
  const [text, setText] = useState(String(days));
  const [unit, setUnit] = useState(unitId);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < 1 || value > 3650) {
      setError('Ange ett helt antal dagar, 1–3650.');
      document.getElementById('look-back-days')?.focus();
      return;
    }
    setError(null);
    onShow(value, unit);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="search-form look-back-form" aria-label="Vilka som visas">
      <TextInput
        id="look-back-days"
        label="Visa avslutade de senaste"
        value={text}
        onChange={setText}
        error={error ?? serverError}
        hint="dagarna (1–3650)"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
      />
      {units.length > 1 && (
        <Select
          label="Enhet"
          value={unit}
          onChange={setUnit}
          placeholder="Alla mina enheter"
          options={units.map((option) => ({ value: option.id, label: option.name }))}
        />
      )}
      <Button type="submit" variant="primary">
        Visa
      </Button>
    </form>
  );
}
