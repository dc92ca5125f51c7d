/**
 * The frame of a versioned form (a person tab, a unit, a user): heading, the fields (or, read-only,
 * the facts), the save button, errors, the conflict message with "read in again" that keeps typed
 * input, and "Sparat".
 */
import { useId, type ReactNode } from 'react';
import { Alert, StatusMessage } from './Alert.tsx';
import { Button } from './Button.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FactList, FieldList, type FieldSpec } from './FieldList.tsx';
import { unmatchedErrors } from './form.ts';
import type { VersionedFormState } from './useVersionedForm.ts';

interface VersionedFormProps<V extends object> {
  title: string;
  state: VersionedFormState<V>;
  fields: readonly FieldSpec<V>[];
  canEdit?: boolean;
  headingLevel?: 2 | 3;
  /** Shown above the fields, e.g. the warning on "Viktigt att veta". */
  intro?: ReactNode;
  readOnlyNote?: string | undefined;
  saveLabel?: string;
  /** Shows a close button next to Spara, e.g. for a form opened from a list. */
  onCancel?: () => void;
}

export function VersionedForm<V extends object>({
  title,
  state,
  fields,
  canEdit = true,
  intro,
  readOnlyNote,
  headingLevel = 2,
  saveLabel,
  onCancel,
}: VersionedFormProps<V>) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { form } = state;
  // The heading names the form, so a page with several forms lists each by name (and tests find it).
  const headingId = useId();
  if (!canEdit) {
    return (
      <section className="section">
        <Heading>{title}</Heading>
        {intro}
        <FactList fields={fields} values={form.values} />
        <p className="muted">{readOnlyNote ?? 'Din befattning får läsa men inte ändra de här uppgifterna.'}</p>
      </section>
    );
  }
  return (
    <section className="section">
      <Heading id={headingId}>{title}</Heading>
      {intro}
      <form ref={form.formRef} onSubmit={state.onSubmit} noValidate className="form" aria-labelledby={headingId}>
        <ErrorAlert
          error={state.failure}
          details={unmatchedErrors(form.errors, [...fields.map((field): string => field.key), 'version'])}
          focusable
        />
        {state.hasConflict && <ConflictAlert onReload={state.reloadKeepingInput} isReloading={state.isReloading} />}
        {state.differences && <Differences lines={state.differences} />}
        <FieldList fields={fields} form={form} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={state.isSaving}>
            {saveLabel ?? 'Spara'}
          </Button>
          {onCancel && <Button onClick={onCancel}>Stäng</Button>}
          {state.isDirty && <span className="muted">Du har ändringar som inte är sparade.</span>}
        </div>
        <StatusMessage message={state.savedAt ? `Sparat ${state.savedAt}` : null} />
      </form>
    </section>
  );
}

export function ConflictAlert({ onReload, isReloading }: { onReload: () => void; isReloading: boolean }) {
  return (
    <div className="form-error" tabIndex={-1}>
      <Alert tone="warning" role="alert" title="Någon annan har ändrat uppgifterna medan du arbetade med dem.">
        <p>
          Läs in de senaste uppgifterna. Det du har skrivit finns kvar i formuläret, så att du kan jämföra och spara
          igen.
        </p>
        <Button onClick={onReload} busy={isReloading}>
          Läs in senaste uppgifterna
        </Button>
      </Alert>
    </div>
  );
}

export function Differences({ lines }: { lines: readonly string[] }) {
  return (
    <Alert tone="info" title="De senaste uppgifterna är inlästa. Dina ändringar finns kvar.">
      {lines.length === 0 ? (
        <p>Ingen annan har ändrat de fält du ändrade. Spara för att bekräfta.</p>
      ) : (
        <>
          <p>Någon annan sparade också dessa fält, med andra värden än dina:</p>
          <ul className="alert__list">
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>Kontrollera fälten och spara igen.</p>
        </>
      )}
    </Alert>
  );
}
