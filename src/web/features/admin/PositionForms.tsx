/** Add a position to a user, or change one (title, unit, roles, active) with its version. */
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isRole, ROLES, type Role } from '../../../domain/roles.ts';
import { Button } from '../../components/Button.tsx';
import { splitValues } from '../../components/CheckboxGroup.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import type { SelectOption } from '../../components/Select.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { ROLE_LABELS } from '../../i18n/labels.ts';
import { addPosition, reloadUser, updatePosition, type Position } from './admin.api.ts';

interface PositionValues {
  unitId: string;
  title: string;
  roles: string;
  isActive: boolean;
}

function fieldsFor(unitOptions: readonly SelectOption[], withActive: boolean): FieldSpec<PositionValues>[] {
  return [
    { key: 'unitId', label: 'Enhet', kind: 'select', required: true, placeholder: 'Välj enhet', options: unitOptions },
    {
      key: 'title',
      label: 'Titel',
      kind: 'text',
      required: true,
      maxLength: 120,
      hint: 'Till exempel Undersköterska, Enhetschef.',
    },
    {
      key: 'roles',
      label: 'Roller',
      kind: 'checkboxes',
      required: true,
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      hint: 'Rollerna styr vad befattningen får göra.',
    },
    ...(withActive
      ? [
          {
            key: 'isActive',
            label: 'Aktiv',
            kind: 'checkbox',
            hint: 'En inaktiv befattning kan inte väljas vid inloggning.',
          } as const,
        ]
      : []),
  ];
}

const rolesOf = (value: string): Role[] => splitValues(value).filter(isRole);
const checkRoles = (values: PositionValues): FieldErrors =>
  rolesOf(values.roles).length === 0 ? { roles: 'Välj minst en roll.' } : {};

interface FormProps {
  userId: string;
  unitOptions: readonly SelectOption[];
  onDone: (message: string | null) => void;
}

export function NewPositionForm({ userId, unitOptions, onDone }: FormProps) {
  const queryClient = useQueryClient();
  const fields = fieldsFor(unitOptions, false);
  const form = useForm<PositionValues>({ unitId: '', title: '', roles: '', isActive: true });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = { ...checkFields(fields, form.values), ...checkRoles(form.values) };
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      await addPosition(userId, {
        unitId: form.values.unitId,
        title: form.values.title.trim(),
        roles: rolesOf(form.values.roles),
      });
      await reloadUser(queryClient, userId);
      onDone(`Befattningen ${form.values.title.trim()} är tillagd.`);
    });
  };

  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="form form--boxed"
      aria-labelledby="new-position-title"
    >
      <h3 id="new-position-title">Ny befattning</h3>
      <ErrorAlert
        error={failure}
        details={unmatchedErrors(
          form.errors,
          fields.map((field) => field.key),
        )}
        focusable
      />
      <FieldList fields={fields} form={form} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Lägg till
        </Button>
        <Button onClick={() => onDone(null)}>Avbryt</Button>
      </div>
    </form>
  );
}

export function EditPositionForm({ userId, position, unitOptions, onDone }: FormProps & { position: Position }) {
  const queryClient = useQueryClient();
  // The position's own unit stays choosable even if it has been deactivated since.
  const options = unitOptions.map((option) =>
    option.value === position.unitId ? { ...option, disabled: false } : option,
  );
  const fields = fieldsFor(options, true);
  const find = async () => {
    const user = await reloadUser(queryClient, userId);
    const latest = user.positions.find((p) => p.id === position.id);
    if (!latest) throw new Error('Befattningen finns inte längre.');
    return latest;
  };
  const state = useVersionedForm<Position, PositionValues>({
    entity: position,
    fields,
    validate: checkRoles,
    toValues: (p) => ({ unitId: p.unitId, title: p.title, roles: p.roles.join(','), isActive: p.isActive }),
    save: async (v, version) => {
      await updatePosition(position.id, {
        version,
        unitId: v.unitId,
        title: v.title.trim(),
        roles: rolesOf(v.roles),
        isActive: v.isActive,
      });
      return find();
    },
    reload: find,
  });
  return (
    <div className="form--boxed">
      <VersionedForm
        title={`Ändra befattning: ${position.title}, ${position.unitName}`}
        headingLevel={3}
        state={state}
        fields={fields}
        onCancel={() => onDone(null)}
      />
    </div>
  );
}
