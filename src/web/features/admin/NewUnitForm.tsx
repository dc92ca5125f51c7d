/** "Skapa underenhet": only the kinds the tree allows under this parent are offered. */
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { UnitKind } from '../../../domain/organisation.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { OWNERSHIP_LABELS, UNIT_KIND_LABELS, optionsOf } from '../../i18n/labels.ts';
import { createUnit, reloadUnits, type Unit } from './admin.api.ts';
import { childKinds } from './unitTree.ts';

interface NewUnitValues {
  kind: string;
  name: string;
  ownership: string;
  hasSystemAccess: boolean;
}

export function NewUnitForm({ parent, onCreated }: { parent: Unit; onCreated: (unitId: string) => void }) {
  const queryClient = useQueryClient();
  const kinds = childKinds(parent.kind);
  const form = useForm<NewUnitValues>({
    kind: kinds.length === 1 ? kinds[0]! : '',
    name: '',
    ownership: '',
    hasSystemAccess: true,
  });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [created, setCreated] = useState<string | null>(null);
  const titleId = useId();
  if (kinds.length === 0)
    return <p className="muted">Under en {UNIT_KIND_LABELS[parent.kind].toLowerCase()} kan inga enheter skapas.</p>;

  const isProvider = form.values.kind === 'provider';
  const fields: FieldSpec<NewUnitValues>[] = [
    {
      key: 'kind',
      label: 'Typ av enhet',
      kind: 'select',
      required: true,
      placeholder: 'Välj typ',
      options: kinds.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] })),
    },
    { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 200 },
    ...(isProvider
      ? [
          {
            key: 'ownership',
            label: 'Regi',
            kind: 'select',
            placeholder: 'Ej angiven',
            options: optionsOf(OWNERSHIP_LABELS),
          } as const,
          { key: 'hasSystemAccess', label: 'Har tillgång till Vardag', kind: 'checkbox' } as const,
        ]
      : []),
  ];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setCreated(null);
    const errors = checkFields(fields, form.values);
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const name = form.values.name.trim();
      const response = await createUnit({
        parentId: parent.id,
        kind: form.values.kind as Exclude<UnitKind, 'service_area'>,
        name,
        ...(isProvider
          ? {
              ownership: form.values.ownership === '' ? null : (form.values.ownership as 'municipal' | 'private'),
              hasSystemAccess: form.values.hasSystemAccess,
            }
          : {}),
      });
      const units = await reloadUnits(queryClient);
      form.setValues({ kind: kinds.length === 1 ? kinds[0]! : '', name: '', ownership: '', hasSystemAccess: true });
      form.setErrors({});
      setCreated(`${name} är skapad.`);
      const newId = response?.id ?? units.find((unit) => unit.parentId === parent.id && unit.name === name)?.id;
      if (newId) onCreated(newId);
    });
  };

  return (
    <section className="section">
      <h3 id={titleId}>Skapa underenhet till {parent.name}</h3>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" aria-labelledby={titleId}>
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(form.errors, ['kind', 'name', 'ownership', 'hasSystemAccess'])}
          focusable
        />
        <FieldList fields={fields} form={form} />
        <Button type="submit" variant="primary" busy={isBusy}>
          Skapa enhet
        </Button>
      </form>
      <StatusMessage message={created} />
    </section>
  );
}
