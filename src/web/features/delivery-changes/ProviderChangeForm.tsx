/**
 * The first step of Byt utförare: which rows move, to which unit (radio buttons grouped per
 * provider — the tree of the service area's other providers), from which day, and a note for the
 * new provider.
 */
import { useId, type FormEvent } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { addDays } from '../../../domain/periods.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldError } from '../../components/Field.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, type useForm } from '../../components/form.ts';
import { OWNERSHIP_LABELS } from '../../i18n/labels.ts';
import type { DeliveryRow } from '../deliveries/deliveries.api.ts';
import { periodText } from '../deliveries/deliveryForm.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import { ChangeFailure, DateInput } from './changeForm.tsx';
import type { ProviderChangeTargets } from './deliveryChanges.api.ts';

export interface ChangeValues {
  deliveryIds: string[];
  toProviderUnitId: string;
  changeDate: string;
  note: string;
}

interface ProviderChangeFormProps {
  row: DeliveryRow;
  candidates: readonly DeliveryRow[];
  targets: UseQueryResult<ProviderChangeTargets>;
  form: ReturnType<typeof useForm<ChangeValues>>;
  failure: unknown;
  onReview: () => void;
  onClose: () => void;
}

export function ProviderChangeForm({
  row,
  candidates,
  targets,
  form,
  failure,
  onReview,
  onClose,
}: ProviderChangeFormProps) {
  const rowsId = useId();
  const unitsId = useId();
  const { values, errors, set } = form;
  const latestStart =
    candidates
      .filter((candidate) => values.deliveryIds.includes(candidate.id))
      .map((candidate) => candidate.periodFrom)
      .sort()
      .at(-1) ?? row.periodFrom;
  const toggleRow = (id: string, isChecked: boolean) =>
    set(
      'deliveryIds',
      candidates
        .map((candidate) => candidate.id)
        .filter((candidateId) => (candidateId === id ? isChecked : values.deliveryIds.includes(candidateId))),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onReview();
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <p>
        Insatserna flyttas till en enhet hos en annan utförare från ett datum. Den nya utföraren får ett nytt uppdrag
        att acceptera eller stoppa; insatserna avslutas här dagen före först när uppdraget accepteras.
      </p>
      <ChangeFailure
        error={failure}
        details={unmatchedErrors(errors, ['deliveryIds', 'toProviderUnitId', 'changeDate', 'note'])}
      />

      <fieldset
        className={`fieldset${errors.deliveryIds ? ' field--error' : ''}`}
        aria-describedby={errors.deliveryIds ? `${rowsId}-error` : undefined}
      >
        <legend>Insatser som flyttas</legend>
        <div className="change-options">
          {candidates.map((candidate, index) => (
            <div key={candidate.id} className="checkbox">
              <input
                type="checkbox"
                id={`${rowsId}-${index}`}
                checked={values.deliveryIds.includes(candidate.id)}
                onChange={(event) => toggleRow(candidate.id, event.target.checked)}
                aria-invalid={errors.deliveryIds && index === 0 ? true : undefined}
              />
              <label htmlFor={`${rowsId}-${index}`}>
                {rowName(candidate)}, {periodText(candidate.periodFrom, candidate.periodTo)}
              </label>
            </div>
          ))}
        </div>
        {errors.deliveryIds && <FieldError id={`${rowsId}-error`} message={errors.deliveryIds} />}
      </fieldset>

      <fieldset
        className={`fieldset${errors.toProviderUnitId ? ' field--error' : ''}`}
        aria-describedby={errors.toProviderUnitId ? `${unitsId}-error` : undefined}
      >
        <legend>Ny utförarenhet</legend>
        {targets.isPending && <Spinner label="Hämtar utförare …" />}
        {targets.isError && <ErrorAlert error={targets.error} />}
        {targets.data && targets.data.providers.length === 0 && (
          <p className="muted">Det finns ingen annan utförare med tillgång till Vardag i verksamhetsområdet.</p>
        )}
        {targets.data?.providers.map((provider, providerIndex) => (
          <fieldset key={provider.id} className="change-provider">
            <legend>
              {provider.name} <span className="muted">({OWNERSHIP_LABELS[provider.ownership]})</span>
            </legend>
            {provider.units.map((unit, unitIndex) => (
              <div key={unit.id} className="checkbox">
                <input
                  type="radio"
                  name={`${unitsId}-unit`}
                  id={`${unitsId}-${unit.id}`}
                  value={unit.id}
                  checked={values.toProviderUnitId === unit.id}
                  onChange={() => set('toProviderUnitId', unit.id)}
                  aria-invalid={errors.toProviderUnitId && providerIndex === 0 && unitIndex === 0 ? true : undefined}
                />
                <label htmlFor={`${unitsId}-${unit.id}`}>{unit.name}</label>
              </div>
            ))}
          </fieldset>
        ))}
        {errors.toProviderUnitId && <FieldError id={`${unitsId}-error`} message={errors.toProviderUnitId} />}
      </fieldset>

      <DateInput
        label="Första dag hos den nya utföraren"
        required
        hint={`ÅÅÅÅ-MM-DD, tidigast ${addDays(latestStart, 1)}. Insatserna här avslutas dagen före.`}
        {...form.text('changeDate')}
      />
      <TextInput
        label="Meddelande till den nya utföraren"
        multiline
        rows={3}
        maxLength={2000}
        hint="Kommer med i det nya uppdragets instruktioner."
        {...form.text('note')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          Granska bytet
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
