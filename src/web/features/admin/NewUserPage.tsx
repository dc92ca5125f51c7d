/** Ny användare: user name, name, e-mail and a first password; positions are added afterwards. */
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { orNull, unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { adminKeys, createUser, fetchUsersFresh } from './admin.api.ts';
import { USERNAME_HINT, checkPassword, checkUsername } from './userRules.ts';

interface NewUserValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
}

const FIELDS: readonly FieldSpec<NewUserValues>[] = [
  { key: 'username', label: 'Användarnamn', kind: 'text', required: true, maxLength: 60, hint: USERNAME_HINT },
  {
    key: 'displayName',
    label: 'Namn',
    kind: 'text',
    required: true,
    maxLength: 120,
    hint: 'Som det visas för andra, t.ex. Eva Lind.',
  },
  { key: 'email', label: 'E-post', kind: 'text', type: 'email', maxLength: 200 },
  {
    key: 'password',
    label: 'Första lösenord',
    kind: 'text',
    type: 'password',
    autoComplete: 'new-password',
    required: true,
    maxLength: 200,
    hint: 'Minst 10 tecken. Lämna det till användaren på ett säkert sätt.',
  },
];

export function NewUserPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NewUserValues>({ username: '', displayName: '', email: '', password: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const v = form.values;
    const errors = { ...checkFields(FIELDS, v), ...checkUsername(v.username), ...checkPassword(v.password) };
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const username = v.username.trim().toLowerCase();
      const created = await createUser({
        username,
        displayName: v.displayName.trim(),
        email: orNull(v.email),
        password: v.password,
      });
      const users = await fetchUsersFresh(queryClient);
      const id = created?.id ?? users.find((user) => user.username === username)?.id;
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      navigate(id ? `/admin/anvandare/${id}` : '/admin/anvandare', {
        state: { notice: `Användaren ${username} är skapad. Lägg till en befattning.` },
      });
    });
  };

  return (
    <section className="page">
      <PageTitle>Ny användare</PageTitle>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(
            form.errors,
            FIELDS.map((field) => field.key),
          )}
          focusable
        />
        <FieldList fields={FIELDS} form={form} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Skapa användare
          </Button>
          <Button onClick={() => navigate('/admin/anvandare')}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}
