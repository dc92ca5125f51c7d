/** Sets a new password for a user (e.g. when they have forgotten theirs). */
import { useState, type FormEvent } from 'react';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { setPassword } from './admin.api.ts';
import { checkPassword } from './userRules.ts';

interface PasswordValues {
  password: string;
  repeat: string;
}
const FIELDS: readonly FieldSpec<PasswordValues>[] = [
  {
    key: 'password',
    label: 'Nytt lösenord',
    kind: 'text',
    type: 'password',
    autoComplete: 'new-password',
    required: true,
    maxLength: 200,
    hint: 'Minst 10 tecken.',
  },
  {
    key: 'repeat',
    label: 'Upprepa lösenordet',
    kind: 'text',
    type: 'password',
    autoComplete: 'new-password',
    required: true,
    maxLength: 200,
  },
];

export function PasswordForm({ userId }: { userId: string }) {
  const form = useForm<PasswordValues>({ password: '', repeat: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    const errors: FieldErrors = { ...checkFields(FIELDS, form.values), ...checkPassword(form.values.password) };
    if (!errors.repeat && form.values.repeat !== form.values.password) errors.repeat = 'Lösenorden är inte lika.';
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      await setPassword(userId, form.values.password);
      form.setValues({ password: '', repeat: '' });
      form.setErrors({});
      setDone('Lösenordet är bytt.');
    });
  };

  return (
    <section className="section">
      <h2>Nytt lösenord</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert error={failure} focusable />
        <FieldList fields={FIELDS} form={form} />
        <Button type="submit" variant="primary" busy={isBusy}>
          Sätt lösenord
        </Button>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}
