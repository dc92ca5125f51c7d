/** A labelled text box (or text area with `multiline`) that reports plain strings. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './Field.tsx';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
}

export function TextInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  required,
  multiline,
  rows = 4,
  className,
  ...rest
}: TextInputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required ?? false} className={className}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            className="input"
            rows={rows}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            readOnly={rest.readOnly}
            disabled={rest.disabled}
            name={rest.name}
            maxLength={rest.maxLength}
            placeholder={rest.placeholder}
          />
        ) : (
          <input
            {...rest}
            {...control}
            className="input"
            value={value}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
