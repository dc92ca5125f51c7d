/** One user: their details, a new password, and their positions (befattningar). */
import { useLocation, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { FieldSpec } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { orNull } from '../../components/form.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { formatDateTime } from '../../format.ts';
import { reloadUser, updateUser, useUser, type User } from './admin.api.ts';
import { PasswordForm } from './PasswordForm.tsx';
import { PositionsSection } from './PositionsSection.tsx';
import { USERNAME_HINT, checkUsername } from './userRules.ts';

export function UserPage() {
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (user.isPending)
    return (
      <section className="page">
        <PageTitle>Användare</PageTitle>
        <Spinner />
      </section>
    );
  if (!user.data) {
    return (
      <section className="page">
        <PageTitle>
          {isApiError(user.error, 404) ? 'Användaren hittades inte' : 'Användaren kunde inte visas'}
        </PageTitle>
        <ErrorAlert error={user.error} />
      </section>
    );
  }
  return (
    <section className="page">
      <PageTitle documentTitle={user.data.displayName}>{user.data.displayName}</PageTitle>
      <p className="lead">
        {user.data.username} · {user.data.isActive ? 'Aktiv' : 'Inaktiv'} · Senast inloggad{' '}
        {formatDateTime(user.data.lastSignInAt)}
        {!user.data.hasPassword && ' · Har inget lösenord'}
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <UserDetailsForm user={user.data} />
      <PasswordForm userId={user.data.id} />
      <PositionsSection user={user.data} />
    </section>
  );
}

interface UserValues {
  username: string;
  displayName: string;
  email: string;
  isActive: boolean;
}
const FIELDS: readonly FieldSpec<UserValues>[] = [
  { key: 'username', label: 'Användarnamn', kind: 'text', required: true, maxLength: 60, hint: USERNAME_HINT },
  { key: 'displayName', label: 'Namn', kind: 'text', required: true, maxLength: 120 },
  { key: 'email', label: 'E-post', kind: 'text', type: 'email', maxLength: 200 },
  {
    key: 'isActive',
    label: 'Aktiv',
    kind: 'checkbox',
    hint: 'En inaktiv användare loggas ut direkt och kan inte logga in.',
  },
];

function UserDetailsForm({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const state = useVersionedForm<User, UserValues>({
    entity: user,
    fields: FIELDS,
    toValues: (u) => ({ username: u.username, displayName: u.displayName, email: u.email ?? '', isActive: u.isActive }),
    validate: (v) => checkUsername(v.username),
    save: async (v, version) => {
      await updateUser(user.id, {
        version,
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        email: orNull(v.email),
        isActive: v.isActive,
      });
      return reloadUser(queryClient, user.id);
    },
    reload: () => reloadUser(queryClient, user.id),
  });
  return <VersionedForm title="Uppgifter" state={state} fields={FIELDS} />;
}
