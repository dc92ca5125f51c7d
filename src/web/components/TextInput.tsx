/**
 * A labelled text box (or text area with `multiline`) that reports plain strings. A field with a
 * length limit that is met in practice (multi-line, or 100 characters and more) counts its
 * characters under the field, and tells screen readers politely once the text nears the limit.
 */
import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { counterText, hasCounter, isNearLimit, limitAnnouncement } from './characterCount.ts';
import { Field } from './Field.tsx';

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
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
  const { maxLength } = rest;
  const isCounted = hasCounter(maxLength, Boolean(multiline), value.length) && !rest.readOnly && !rest.disabled;
  const announcement = useSettled(isCounted && maxLength ? limitAnnouncement(value.length, maxLength) : '');
  const count =
    isCounted && maxLength ? (
      <span className={isNearLimit(value.length, maxLength) ? 'field__count--near' : undefined}>
        {counterText(value.length, maxLength)}
      </span>
    ) : undefined;
  return (
    <Field
      id={id}
      label={label}
      error={error}
      hint={hint}
      required={required ?? false}
      className={className}
      count={count}
    >
      {(control) => (
        <>
          {multiline ? (
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
          )}
          {/* Always there while counted: a live region must exist before its text changes to be heard. */}
          {isCounted && (
            <span className="visually-hidden" aria-live="polite">
              {announcement}
            </span>
          )}
        </>
      )}
    </Field>
  );
}

/** The text once it has stayed the same for a moment: said when the typing pauses, not per key. */
function useSettled(text: string, delayMs = 1000): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return settled;
}
