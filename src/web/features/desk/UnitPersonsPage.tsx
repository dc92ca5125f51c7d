/**
 * One unit's persons, from "Mina enheter": 50 a page in name order, filtered by name or number.
 * The filter and the page live in the address (?q=…&sida=…) so back, reload and links keep them.
 */
import { useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { parsePersonSearch } from '../../../domain/person-search.ts';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatNumber } from '../../format.ts';
import { SERVICE_AREA_LABELS, UNIT_KIND_LABELS } from '../../i18n/labels.ts';
import { PersonTable } from '../../components/PersonTable.tsx';
import { Pager, pageFrom } from '../../components/Pager.tsx';
import { useUnitPersons } from './desk.api.ts';

export function UnitPersonsPage() {
  const { unitId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageFrom(params);
  const unitPersons = useUnitPersons(unitId, q, page);
  const unit = unitPersons.data?.unit;
  const filterError = isApiError(unitPersons.error, 400) ? unitPersons.error.fieldErrors.q : undefined;
  const show = (next: { q?: string; page?: number }) => {
    const query = new URLSearchParams();
    const text = next.q ?? q;
    if (text) query.set('q', text);
    if ((next.page ?? 1) > 1) query.set('sida', String(next.page));
    setParams(query);
  };
  return (
    <section className="page">
      <PageTitle documentTitle={unit?.name ?? 'Enhet'}>{unit?.name ?? 'Enhet'}</PageTitle>
      {unit && (
        <p className="lead">
          {UNIT_KIND_LABELS[unit.kind]} inom {SERVICE_AREA_LABELS[unit.serviceArea]}.
        </p>
      )}
      <UnitFilter key={q} q={q} serverError={filterError} onFilter={(text) => show({ q: text, page: 1 })} />
      {unitPersons.isPending && <Spinner />}
      {!filterError && <ErrorAlert error={unitPersons.error} />}
      {unitPersons.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {summary(unitPersons.data.total, unitPersons.data.page, unitPersons.data.pageSize, q)}
          </p>
          <PersonTable
            caption={`Personer på ${unitPersons.data.unit.name}`}
            captionHidden
            persons={unitPersons.data.persons}
            empty={q ? 'Ingen person på enheten matchar filtret.' : 'Enheten har inga personer just nu.'}
          />
          <Pager
            page={unitPersons.data.page}
            pageSize={unitPersons.data.pageSize}
            total={unitPersons.data.total}
            onPage={(next) => show({ page: next })}
          />
        </>
      )}
    </section>
  );
}

/** "18 personer.", or over several pages "Visar 51–100 av 3 000 personer." */
function summary(total: number, page: number, pageSize: number, q: string): string {
  const matching = q ? ` som matchar ”${q}”` : '';
  if (total === 0) return `Inga personer${matching}.`;
  const persons = `${formatNumber(total)} ${total === 1 ? 'person' : 'personer'}${matching}`;
  const first = (page - 1) * pageSize + 1;
  if (first > total) return `Sidan finns inte: ${persons}.`;
  if (total <= pageSize) return `${persons}.`;
  return `Visar ${formatNumber(first)}–${formatNumber(Math.min(total, page * pageSize))} av ${persons}.`;
}

function UnitFilter({
  q,
  serverError,
  onFilter,
}: {
  q: string;
  serverError: string | undefined;
  onFilter: (text: string) => void;
}) {
  const [text, setText] = useState(q);
  const [clientError, setClientError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    // The same rules as the server, for an answer without a round trip; the server checks again.
    const parsed = trimmed ? parsePersonSearch(trimmed) : null;
    if (parsed?.kind === 'invalid') {
      setClientError(parsed.error);
      document.getElementById('unit-filter-box')?.focus();
      return;
    }
    setClientError(null);
    onFilter(trimmed);
  };
  return (
    <form role="search" aria-label="Filtrera enhetens personer" onSubmit={onSubmit} noValidate className="search-form">
      <TextInput
        id="unit-filter-box"
        label="Filtrera på namn eller personnummer"
        value={text}
        onChange={setText}
        error={clientError ?? serverError}
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" variant="primary">
        Filtrera
      </Button>
      {q && (
        <Button
          onClick={() => {
            setText('');
            onFilter('');
          }}
        >
          Visa alla
        </Button>
      )}
    </form>
  );
}
