/**
 * Several checkboxes under one legend (e.g. a position's roles). The value is the chosen option
 * values joined by commas, so a form can compare it like any other text value.
 */
import { useId } from 'react';
import { FieldError } from './Field.tsx';
import type { SelectOption } from './Select.tsx';

interface CheckboxGroupProps {
  legend: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
}

export function CheckboxGroup({ legend, options, value, onChange, error, hint, required }: CheckboxGroupProps) {
  const id = useId();
  const chosen = new Set(splitValues(value));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const toggle = (option: string, isChecked: boolean) => {
    const next = options.map((o) => o.value).filter((o) => (o === option ? isChecked : chosen.has(o)));
    onChange(next.join(','));
  };
  return (
    <fieldset className={`fieldset checkbox-group${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend>
        {legend}
        {required && <span className="field__required"> (obligatoriskt)</span>}
      </legend>
      {hint && (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      )}
      <div className="checkbox-group__options">
        {options.map((option, index) => (
          <div key={option.value} className="checkbox">
            <input
              type="checkbox"
              id={`${id}-${index}`}
              checked={chosen.has(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
              // The first box carries the error, so "focus the first error" lands in the group.
              aria-invalid={error && index === 0 ? true : undefined}
            />
            <label htmlFor={`${id}-${index}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error && <FieldError id={`${id}-error`} message={error} />}
    </fieldset>
  );
}

export function splitValues(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
