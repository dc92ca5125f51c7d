/**
 * A form over something saved with optimistic concurrency (a `version` the client last read).
 *
 * When the thing changes under the form (the user saved elsewhere, or it was read in again), the
 * form follows along if nothing is typed, and merely takes the new version if its own fields are
 * unchanged, so saving one part never makes another part conflict. If someone else changed the
 * form's fields while the user was typing, saving answers 409; the user may then read the latest
 * version in: the fields they changed keep what they typed (the other person's values for those are
 * listed), and every other field takes the latest saved value.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client.ts';
import { formatTime } from '../format.ts';
import { checkFields, displayValue, type FieldSpec } from './FieldList.tsx';
import { shallowEqual, useForm, type FieldErrors } from './form.ts';
import { useSubmit } from './useSubmit.ts';

export interface VersionedFormOptions<E extends { version: number }, V extends object> {
  entity: E;
  fields: readonly FieldSpec<V>[];
  toValues: (entity: E) => V;
  /** Saves with the given version and answers the saved thing. */
  save: (values: V, version: number) => Promise<E>;
  /** Reads the latest version (after a conflict). */
  reload: () => Promise<E>;
  /** Checks beyond required fields and dates. */
  validate?: (values: V) => FieldErrors;
}

export function useVersionedForm<E extends { version: number }, V extends object>(options: VersionedFormOptions<E, V>) {
  const { entity, fields, toValues, save, reload, validate } = options;
  const form = useForm<V>(() => toValues(entity));
  const [base, setBase] = useState(() => ({ version: entity.version, snapshot: toValues(entity) }));
  const { isBusy: isSaving, failure, setFailure, run } = useSubmit(form);
  const [hasConflict, setHasConflict] = useState(false);
  const [differences, setDifferences] = useState<string[] | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const isDirty = !shallowEqual(form.values, base.snapshot);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the server's copy changes, reading the form as it is then; on every keystroke it would overwrite what the user types
  useEffect(() => {
    if (entity.version === base.version) return;
    const fresh = toValues(entity);
    if (shallowEqual(fresh, base.snapshot)) {
      setBase({ version: entity.version, snapshot: base.snapshot });
    } else if (!isDirty) {
      form.setValues(fresh);
      setBase({ version: entity.version, snapshot: fresh });
    }
    // Otherwise keep the old version on purpose: saving will tell the user about the conflict.
  }, [entity]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSavedAt(null);
    const errors = { ...checkFields(fields, form.values), ...validate?.(form.values) };
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(
      async () => {
        const saved = await save(form.values, base.version);
        const fresh = toValues(saved);
        form.setValues(fresh);
        form.setErrors({});
        setBase({ version: saved.version, snapshot: fresh });
        setHasConflict(false);
        setDifferences(null);
        setSavedAt(formatTime(new Date()));
      },
      {
        // A stale version names no field; a 409 that does (a name taken, validity that overlaps) is a
        // rule the user can fix in the form, so it shows on the field like any other error.
        onError: (error) => {
          const isStale = isApiError(error, 409) && Object.keys(error.fieldErrors).length === 0;
          if (isStale) setHasConflict(true);
          return isStale;
        },
      },
    );
  };

  const reloadKeepingInput = async () => {
    setIsReloading(true);
    try {
      const latest = await reload();
      const fresh = toValues(latest) as Record<string, unknown>;
      const typed = form.values as Record<string, unknown>;
      const before = base.snapshot as Record<string, unknown>;
      // Keep only what the user changed; every other field takes the other person's saved value,
      // so saving again cannot silently undo their change.
      const isTouched = (key: string) => typed[key] !== before[key];
      const merged: Record<string, unknown> = { ...fresh };
      for (const field of fields) if (isTouched(field.key)) merged[field.key] = typed[field.key];
      form.setValues(merged as V);
      setBase({ version: latest.version, snapshot: fresh as V });
      setDifferences(
        fields
          .filter((field) => isTouched(field.key) && fresh[field.key] !== typed[field.key])
          .map((field) => `${field.label}: ${displayValue(field, fresh[field.key])}`),
      );
      setHasConflict(false);
    } catch (error) {
      setFailure(error);
    } finally {
      setIsReloading(false);
    }
  };

  return {
    form,
    onSubmit,
    failure,
    hasConflict,
    differences,
    savedAt,
    isSaving,
    isReloading,
    isDirty,
    reloadKeepingInput,
  };
}

export type VersionedFormState<V extends object> = ReturnType<typeof useVersionedForm<{ version: number }, V>>;
