/** Route guards: signed in, a chosen position, the right role. The server checks all of it again. */
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ROLES, type Role } from '../../domain/roles.ts';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { useSession } from './session.tsx';

/** An administrator alone keeps the organisation and sees no persons (src/domain/access.ts). */
export const WORKS_WITH_PERSONS: readonly Role[] = ROLES.filter((role) => role !== 'administrator');

/** `standalone`: not inside a layout, so the waiting and error views bring their own main landmark. */
export function RequireSession({ children, standalone }: { children?: ReactNode; standalone?: boolean }) {
  const { status, refresh } = useSession();
  const location = useLocation();
  if (status === 'loading' || status === 'unavailable') {
    const content =
      status === 'loading' ? (
        <Spinner />
      ) : (
        <>
          <PageTitle>Vardag kan inte nås just nu</PageTitle>
          <Alert tone="error">Servern svarar inte. Försök igen om en stund.</Alert>
          <Button variant="primary" onClick={() => void refresh().catch(() => undefined)}>
            Försök igen
          </Button>
        </>
      );
    return standalone ? (
      <main id="main" className="page-center">
        {content}
      </main>
    ) : (
      <div className="page-center">{content}</div>
    );
  }
  if (status === 'signedOut')
    return <Navigate to="/logga-in" replace state={{ from: location.pathname + location.search }} />;
  return children ?? <Outlet />;
}

export function RequirePosition() {
  const { position } = useSession();
  const location = useLocation();
  if (!position) return <Navigate to="/befattning" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { roles: held } = useSession();
  if (!held.some((role) => roles.includes(role))) return <Forbidden />;
  return <Outlet />;
}

function Forbidden() {
  return (
    <>
      <PageTitle>Ingen behörighet</PageTitle>
      <p>Din befattning ger inte tillgång till den här sidan. Byt befattning om du har flera.</p>
    </>
  );
}
