/** The add/edit form of a person's list (relatives, reference persons, keys). */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FieldList, checkFields, displayValue } from '../../../components/FieldList.tsx';
import { orNull, unmatchedErrors, useForm } from '../../../components/form.ts';
import { addDetail, fetchDetailList, personKeys, updateDetail } from '../persons.api.ts';
import { refreshVisitSummary } from '../../visits/visits.api.ts';
import { ConflictAlert, Differences } from '../../../components/VersionedForm.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { capitalize, type DetailListSpec, type DetailValues } from './DetailListTab.tsx';

export type Editing =
  | { mode: 'add'; values: DetailValues; notice?: string }
  | { mode: 'edit'; itemId: string; version: number; values: DetailValues };

interface DetailEditorProps {
  personId: string;
  spec: DetailListSpec;
  editing: Editing;
  /** A new version or mode after a conflict; the typed values stay in this form. */
  onChange: (editing: Editing) => void;
  onDone: (message: string) => void;
}

type Row = { id: string; version: number } & Record<string, unknown>;

export function DetailEditor({ personId, spec, editing, onChange, onDone }: DetailEditorProps) {
  const queryClient = useQueryClient();
  const form = useForm<DetailValues>(editing.values);
  const { isBusy: isSaving, failure, setFailure, run } = useSubmit(form);
  const [hasConflict, setHasConflict] = useState(false);
  const [differences, setDifferences] = useState<string[] | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const titleId = `${spec.list}-editor-title`;

  const toBody = () =>
    Object.fromEntries(
      spec.fields.map((field) => {
        const value = form.values[field.key];
        if (typeof value === 'boolean') return [field.key, value];
        return [field.key, field.required ? (value ?? '').trim() : orNull(value ?? '')];
      }),
    );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = checkFields(spec.fields, form.values);
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(
      async () => {
        const list =
          editing.mode === 'add'
            ? await addDetail(personId, spec.list, toBody())
            : await updateDetail(personId, spec.list, editing.itemId, { ...toBody(), version: editing.version });
        queryClient.setQueryData(personKeys.list(personId, spec.list), list);
        refreshVisitSummary(queryClient, personId);
        onDone(editing.mode === 'add' ? `${capitalize(spec.singular)} är tillagd.` : 'Sparat.');
      },
      {
        onError: async (error) => {
          if (isApiError(error, 409)) setHasConflict(true);
          else if (isApiError(error, 404) && editing.mode === 'edit') await reloadKeepingInput();
          else return false;
          return true;
        },
      },
    );
  };

  const reloadKeepingInput = async () => {
    if (editing.mode !== 'edit') return;
    setIsReloading(true);
    try {
      const list = (await queryClient.fetchQuery({
        queryKey: personKeys.list(personId, spec.list),
        staleTime: 0,
        queryFn: () => fetchDetailList(personId, spec.list),
      })) as Row[];
      const latest = list.find((row) => row.id === editing.itemId);
      setHasConflict(false);
      if (!latest) {
        setDifferences(null);
        onChange({
          mode: 'add',
          values: form.values,
          notice: 'Raden har tagits bort av någon annan. Det du skrev finns kvar; spara för att lägga till den igen.',
        });
        return;
      }
      setDifferences(
        spec.fields
          .filter((field) => normalise(latest[field.key]) !== normalise(form.values[field.key]))
          .map((field) => `${field.label}: ${displayValue(field, latest[field.key])}`),
      );
      onChange({ ...editing, version: latest.version, values: form.values });
    } catch (error) {
      setFailure(error);
    } finally {
      setIsReloading(false);
    }
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form form--boxed" aria-labelledby={titleId}>
      <h3 id={titleId}>{editing.mode === 'add' ? `Lägg till ${spec.singular}` : `Ändra ${spec.singular}`}</h3>
      {editing.mode === 'add' && editing.notice && <Alert tone="warning">{editing.notice}</Alert>}
      <ErrorAlert
        error={failure}
        details={unmatchedErrors(form.errors, spec.fields.map((field) => field.key).concat('version'))}
        focusable
      />
      {hasConflict && <ConflictAlert onReload={() => void reloadKeepingInput()} isReloading={isReloading} />}
      {differences && <Differences lines={differences} />}
      <FieldList fields={spec.fields} form={form} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isSaving}>
          Spara
        </Button>
        <Button onClick={() => onDone('')}>Avbryt</Button>
      </div>
    </form>
  );
}

function normalise(value: unknown): string {
  if (typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : String(value).trim();
}
