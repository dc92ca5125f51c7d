/**
 * A label, the control, an optional hint and the error text, linked by id and aria-describedby so
 * screen readers read the hint and error with the control. Every form control goes through here.
 */
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** When something else must point at the control (e.g. a link that focuses it). */
  id?: string | undefined;
  /** A character count under the hint, read with the control like the hint. */
  count?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, error, hint, required, className, id: givenId, count, children }: FieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy =
    [hint ? hintId : null, count ? countId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id} className="field__label">
        {label}
        {/* Screen readers hear "required" from the control itself. */}
        {required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            (obligatoriskt)
          </span>
        )}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(required ? { required } : {}),
      })}
      {/* Under the control, so the controls of a form grid line up whatever their hints. */}
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
      {count && (
        <div id={countId} className="field__count">
          {count}
        </div>
      )}
      {error && <FieldError id={errorId} message={error} />}
    </div>
  );
}

/** Shown with an icon and a text prefix, so colour is never the only sign of an error. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field__error">
      <span aria-hidden="true" className="field__error-icon">
        !
      </span>{' '}
      {message}
    </p>
  );
}
