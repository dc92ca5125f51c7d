/**
 * The interventions of a decision being written: one row per intervention, picked from the
 * catalogue of the case's service area, with its scope in the type's unit (typed with a decimal
 * comma, "0,33") and a note. Errors arrive keyed as the API names them: interventions.0.grantedAmount.
 */
import { Button } from '../../components/Button.tsx';
import { FieldError } from '../../components/Field.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldErrors } from '../../components/form.ts';
import { scopeUnitLabel } from '../../i18n/labels.ts';
import type { InterventionType } from '../catalogues/catalogues.api.ts';

export interface InterventionRow {
  /** Local only: keeps React's keys stable while rows are added and removed. */
  key: number;
  interventionTypeId: string;
  amount: string;
  note: string;
}

let nextKey = 1;
export function emptyRow(): InterventionRow {
  return { key: nextKey++, interventionTypeId: '', amount: '', note: '' };
}

export function rowFieldKeys(index: number): string[] {
  return ['interventionTypeId', 'grantedAmount', 'note'].map((field) => `interventions.${index}.${field}`);
}

/** "Trygghetslarm (TRL)"; a name that already ends in its key code ("Hemsjukvård (HSL)") keeps it once. */
export function interventionTypeLabel(type: { name: string; keyCode: string | null }): string {
  if (!type.keyCode || type.name.includes(`(${type.keyCode})`)) return type.name;
  return `${type.name} (${type.keyCode})`;
}

/**
 * The error keys a change of rows makes stale: the fields that changed, and the list's own error.
 * Adding or removing a row moves the indexes, so then every row's errors go.
 */
export function staleRowErrorKeys(before: readonly InterventionRow[], after: readonly InterventionRow[]): string[] {
  if (before.length !== after.length)
    return ['interventions', ...[...before, ...after].flatMap((_, index) => rowFieldKeys(index))];
  return [
    'interventions',
    ...after.flatMap((row, index) => {
      const old = before[index];
      const [typeKey, amountKey, noteKey] = rowFieldKeys(index) as [string, string, string];
      return [
        ...(old?.interventionTypeId !== row.interventionTypeId ? [typeKey, amountKey] : []),
        ...(old?.amount !== row.amount ? [amountKey] : []),
        ...(old?.note !== row.note ? [noteKey] : []),
      ];
    }),
  ];
}

/** "0,33" or "0.33" → 0.33; empty → null; anything else → an error to show. */
export function parseAmount(text: string): { value: number | null; error: string | null } {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return { value: null, error: null };
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return { value: null, error: 'Ange omfattningen som ett tal, t.ex. 0,33.' };
  return { value: Number(trimmed.replace(',', '.')), error: null };
}

interface InterventionRowsProps {
  legend: string;
  amountLabel: string;
  rows: InterventionRow[];
  onChange: (rows: InterventionRow[]) => void;
  types: readonly InterventionType[];
  errors: FieldErrors;
  onTypeChosen: (type: InterventionType | undefined) => void;
}

export function InterventionRows({
  legend,
  amountLabel,
  rows,
  onChange,
  types,
  errors,
  onTypeChosen,
}: InterventionRowsProps) {
  const typeOptions = types.map((type) => ({
    value: type.id,
    label: interventionTypeLabel(type),
  }));
  const update = (index: number, patch: Partial<InterventionRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const listError = errors.interventions;
  return (
    <fieldset className="fieldset" aria-describedby={listError ? 'interventions-error' : undefined}>
      <legend>{legend}</legend>
      {listError && <FieldError id="interventions-error" message={listError} />}
      <div className="decision-rows">
        {rows.map((row, index) => {
          const type = types.find((candidate) => candidate.id === row.interventionTypeId);
          const hasScope = type?.scopeUnit !== 'none';
          return (
            <div key={row.key} className="decision-row" role="group" aria-label={`Insatsrad ${index + 1}`}>
              <div className="decision-row__fields">
                <Select
                  label={`Insats ${index + 1}`}
                  required
                  placeholder="Välj insats"
                  options={typeOptions}
                  value={row.interventionTypeId}
                  error={errors[`interventions.${index}.interventionTypeId`]}
                  onChange={(value) => {
                    update(index, { interventionTypeId: value });
                    onTypeChosen(types.find((candidate) => candidate.id === value));
                  }}
                />
                {hasScope ? (
                  <TextInput
                    label={type ? `${amountLabel} (${scopeUnitLabel(type.scopeUnit)})` : amountLabel}
                    required
                    inputMode="decimal"
                    autoComplete="off"
                    maxLength={12}
                    hint={type ? `Antal ${scopeUnitLabel(type.scopeUnit)}, t.ex. 0,33.` : 'Välj insats först.'}
                    value={row.amount}
                    onChange={(value) => update(index, { amount: value })}
                    error={errors[`interventions.${index}.grantedAmount`]}
                  />
                ) : (
                  <p className="muted">Insatsen anges utan omfattning.</p>
                )}
                <TextInput
                  label="Anteckning"
                  maxLength={1000}
                  value={row.note}
                  onChange={(value) => update(index, { note: value })}
                  error={errors[`interventions.${index}.note`]}
                />
              </div>
              {rows.length > 1 && (
                <div className="button-row button-row--tight">
                  <Button variant="quiet" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                    Ta bort<span className="visually-hidden"> insats {index + 1}</span>
                  </Button>
                </div>
              )}
            </div>
          );
        })}
      </div>
      <div className="button-row">
        <Button onClick={() => onChange([...rows, emptyRow()])}>Lägg till insats</Button>
      </div>
    </fieldset>
  );
}
