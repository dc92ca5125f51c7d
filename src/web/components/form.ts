/**
 * Form state shared by every form: values, errors per field (keys = request body keys, so the
 * server's fieldErrors land on the right field), and focus on the first error after a failed
 * submit.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type FieldErrors = Record<string, string>;

export function useForm<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failures, setFailures] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After the errors have rendered, not before: aria-invalid must already be on the fields.
  useEffect(() => {
    if (failures > 0) focusFirstError(formRef.current);
  }, [failures]);

  /** Clears these fields' errors: an error must not stay beside a field the user has since changed. */
  const clearErrors = useCallback((keys: readonly string[]) => {
    setErrors((current) => withoutKeys(current, keys));
  }, []);

  const set = useCallback(
    <K extends keyof T>(key: K, value: T[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      clearErrors([String(key)]);
    },
    [clearErrors],
  );

  /** Props for a TextInput or Select bound to a string field. */
  const text = <K extends keyof T & string>(key: K) => ({
    value: values[key] === null || values[key] === undefined ? '' : String(values[key]),
    onChange: (value: string) => set(key, value as T[K]),
    error: errors[key],
    name: key,
  });

  /** Props for a Checkbox bound to a boolean field. */
  const check = <K extends keyof T & string>(key: K) => ({
    checked: Boolean(values[key]),
    onChange: (checked: boolean) => set(key, checked as T[K]),
    error: errors[key],
    name: key,
  });

  /** Show these errors and move focus to the first one (or to the form's alert). */
  const fail = useCallback((fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setFailures((count) => count + 1);
  }, []);

  return { values, setValues, set, text, check, errors, setErrors, clearErrors, fail, formRef };
}

/** The same object when none of the keys is there, so React skips the render. */
export function withoutKeys(errors: FieldErrors, keys: readonly string[]): FieldErrors {
  if (!keys.some((key) => key in errors)) return errors;
  const rest = { ...errors };
  for (const key of keys) delete rest[key];
  return rest;
}

function focusFirstError(container: HTMLElement | null): void {
  if (!container) return;
  const target =
    container.querySelector<HTMLElement>('[aria-invalid="true"]') ??
    container.querySelector<HTMLElement>('.form-error');
  target?.focus();
}

/** Errors the form has no field for still deserve to be seen. */
export function unmatchedErrors(errors: FieldErrors, knownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !knownFields.includes(key))
    .map(([key, message]) => (key === '_' ? message : `${key}: ${message}`));
}

/** Trimmed text or null, as the API wants optional text. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function shallowEqual(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  return true;
}
