/** Inloggning: user name and password. A signed-in visitor goes on to the desk or the position choice. */
import type { FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';

interface SignInState {
  from?: string;
}

export function SignInPage() {
  const { status, position, session, notice, signIn } = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInState;
  const form = useForm({ username: '', password: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  if (status === 'signedIn' && session) {
    // Only back to a desk page, never to an address from outside the app.
    const from = state.from?.startsWith('/') && !state.from.startsWith('//') ? state.from : '/';
    return <Navigate to={position ? from : '/befattning'} replace state={{ from }} />;
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!form.values.username.trim()) errors.username = 'Ange användarnamn.';
    if (!form.values.password) errors.password = 'Ange lösenord.';
    setFailure(null);
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(() => signIn(form.values.username.trim(), form.values.password), {
      onError: (error) => {
        if (isApiError(error, 401)) form.set('password', '');
        return false;
      },
    });
  };

  return (
    <section className="sign-in">
      <PageTitle>Logga in</PageTitle>
      <p className="sign-in__lead">Vardag – ärendehantering för socialtjänsten.</p>
      {notice && !failure && <Alert tone="info">{notice}</Alert>}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form sign-in__form">
        <ErrorAlert error={failure} focusable />
        <TextInput
          label="Användarnamn"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          {...form.text('username')}
        />
        <TextInput
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          required
          {...form.text('password')}
        />
        <Button type="submit" variant="primary" busy={isBusy}>
          Logga in
        </Button>
      </form>
    </section>
  );
}
