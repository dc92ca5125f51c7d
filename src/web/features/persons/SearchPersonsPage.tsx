/**
 * Sök person: one box for personnummer, birth date or names. The query lives in the address
 * (?q=…) so back, reload and links work. Results are announced politely; focus stays in the box.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parsePersonSearch } from '../../../domain/person-search.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { PersonTable } from '../../components/PersonTable.tsx';
import { usePersonSearch } from './persons.api.ts';

export function SearchPersonsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [clientError, setClientError] = useState<string | null>(null);
  const search = usePersonSearch(q);
  const serverError = isApiError(search.error, 400) ? (search.error.fieldErrors.q ?? search.error.message) : undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    // The same rules as the server, for an answer without a round trip; the server checks again.
    const parsed = trimmed
      ? parsePersonSearch(trimmed)
      : { kind: 'invalid' as const, error: 'Skriv något att söka på.' };
    if (parsed.kind === 'invalid') {
      setClientError(parsed.error);
      document.getElementById('person-search-box')?.focus();
      return;
    }
    setClientError(null);
    setParams({ q: trimmed });
  };

  const hits = search.data?.hits ?? [];
  return (
    <section className="page">
      <PageTitle>Sök person</PageTitle>
      <form role="search" aria-label="Sök person" onSubmit={onSubmit} noValidate className="search-form">
        <TextInput
          id="person-search-box"
          label="Personnummer, födelsedatum eller namn"
          value={text}
          onChange={setText}
          error={clientError ?? serverError}
          hint="Till exempel 19380303-9142, 380303 eller Mustafsson Moira."
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" variant="primary">
          Sök
        </Button>
      </form>
      {search.isFetching && <Spinner label="Söker …" />}
      {search.error && !serverError && <ErrorAlert error={search.error} />}
      <p role="status" className="status-message status-message--neutral">
        {search.data &&
          !search.isFetching &&
          (hits.length === 0
            ? 'Inga träffar.'
            : `${hits.length} ${hits.length === 1 ? 'träff' : 'träffar'}${search.data.hasMore ? ', fler finns' : ''}.`)}
      </p>
      {search.data?.hasMore && (
        <Alert tone="info" role="note">
          Fler träffar finns – förfina sökningen
        </Alert>
      )}
      {search.data && hits.length > 0 && <PersonTable caption={`Träffar för ”${q}”`} persons={hits} />}
    </section>
  );
}
