/**
 * A labelled native select: the most robust choice for keyboards and screen readers. One with long
 * option texts is marked (field--long-options), so the form gives it the width to show them whole.
 */
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

/** Option texts longer than this are cut in a column of a form grid (16rem, less its padding and arrow). */
const LONG_OPTION = 24;

/** Whether some option is too long for a column of the form grid ("SoL 11 kap. 1 § – Bistånd (SoL 2025:400)"). */
export function hasLongOptions(options: readonly SelectOption[], placeholder?: string): boolean {
  return [placeholder ?? '', ...options.map((option) => option.label)].some((label) => label.length > LONG_OPTION);
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
    <Field
      label={label}
      error={error}
      hint={hint}
      required={required ?? false}
      className={[hasLongOptions(options, placeholder) ? 'field--long-options' : '', className ?? ''].join(' ').trim()}
    >
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
