/** A labelled native select: the most robust choice for keyboards and screen readers. */
import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from './Field.tsx';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** First, empty choice, e.g. "Välj …" or "Uppgift saknas". */
  placeholder?: string;
  error?: string | undefined;
  hint?: ReactNode;
}

export function Select({
  label,
  value,
  onChange,
  options,
  placeholder,
  error,
  hint,
  required,
  className,
  ...rest
}: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} required={required ?? false} className={className}>
      {(control) => (
        <select
          {...rest}
          {...control}
          className="input select"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
