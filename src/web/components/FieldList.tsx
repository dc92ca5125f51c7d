/**
 * Renders a form's fields from a short description, either as inputs or, for someone who may
 * only read, as a list of facts. Keeps the many small person and admin forms alike.
 */
import type { ReactNode } from 'react';
import { Checkbox } from './Checkbox.tsx';
import { CheckboxGroup, splitValues } from './CheckboxGroup.tsx';
import { DateInput } from './DateInput.tsx';
import { dateTextProblem } from './dateText.ts';
import { Select, type SelectOption } from './Select.tsx';
import { TextInput } from './TextInput.tsx';
import type { useForm } from './form.ts';

interface Common<T> {
  key: keyof T & string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  /** Spans the whole row of the form grid. */
  wide?: boolean;
}

export type FieldSpec<T> = Common<T> &
  (
    | { kind: 'text'; type?: 'text' | 'email' | 'tel' | 'password'; autoComplete?: string; maxLength?: number }
    | { kind: 'date' }
    | { kind: 'textarea'; rows?: number; maxLength?: number }
    | { kind: 'checkbox' }
    | { kind: 'select'; options: readonly SelectOption[]; placeholder?: string }
    /** Value: the chosen option values joined by commas. */
    | { kind: 'checkboxes'; options: readonly SelectOption[] }
  );

type Form<T extends object> = ReturnType<typeof useForm<T>>;

export function FieldList<T extends object>({ fields, form }: { fields: readonly FieldSpec<T>[]; form: Form<T> }) {
  return (
    <div className="form-grid">
      {fields.map((field) => (
        <div
          key={field.key}
          className={
            field.wide || field.kind === 'textarea' || field.kind === 'checkboxes' ? 'form-grid__wide' : undefined
          }
        >
          {renderInput(field, form)}
        </div>
      ))}
    </div>
  );
}

function renderInput<T extends object>(field: FieldSpec<T>, form: Form<T>): ReactNode {
  const common = { label: field.label, hint: field.hint, required: field.required ?? false };
  switch (field.kind) {
    case 'checkbox':
      return <Checkbox label={field.label} hint={field.hint} {...form.check(field.key)} />;
    case 'checkboxes': {
      const { value, onChange, error } = form.text(field.key);
      return (
        <CheckboxGroup
          legend={field.label}
          hint={typeof field.hint === 'string' ? field.hint : undefined}
          required={field.required ?? false}
          options={field.options}
          value={value}
          onChange={onChange}
          error={error}
        />
      );
    }
    case 'select':
      return <Select {...common} options={field.options} placeholder={field.placeholder} {...form.text(field.key)} />;
    case 'textarea':
      return (
        <TextInput {...common} multiline rows={field.rows ?? 5} maxLength={field.maxLength} {...form.text(field.key)} />
      );
    case 'date':
      return <DateInput {...common} hint={field.hint ?? 'ÅÅÅÅ-MM-DD'} {...form.text(field.key)} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.type ?? 'text'}
          autoComplete={field.autoComplete ?? 'off'}
          maxLength={field.maxLength}
          {...form.text(field.key)}
        />
      );
  }
}

/** The same fields for someone who may only read them. */
export function FactList<T extends object>({ fields, values }: { fields: readonly FieldSpec<T>[]; values: T }) {
  return (
    <dl className="facts">
      {fields.map((field) => (
        <div
          key={field.key}
          className={field.wide || field.kind === 'textarea' ? 'facts__row facts__row--wide' : 'facts__row'}
        >
          <dt>{field.label}</dt>
          <dd className={field.kind === 'textarea' ? 'preserve-lines' : undefined}>
            {displayValue(field, values[field.key])}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function displayValue<T>(field: FieldSpec<T>, value: unknown): string {
  if (field.kind === 'checkbox') return value ? 'Ja' : 'Nej';
  if (value === null || value === undefined || value === '') return '–';
  if (field.kind === 'select') return field.options.find((option) => option.value === value)?.label ?? String(value);
  if (field.kind === 'checkboxes')
    return splitValues(String(value))
      .map((v) => field.options.find((option) => option.value === v)?.label ?? v)
      .join(', ');
  return String(value);
}

/** Client-side checks every form shares: required fields and the date format. */
export function checkFields<T extends object>(fields: readonly FieldSpec<T>[], values: T): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    const text = typeof value === 'string' ? value.trim() : value;
    if (field.required && (text === '' || text === null || text === undefined)) errors[field.key] = 'Obligatoriskt.';
    else if (field.kind === 'date' && typeof text === 'string' && text !== '') {
      const error = dateTextProblem(text);
      if (error) errors[field.key] = error;
    }
  }
  return errors;
}
