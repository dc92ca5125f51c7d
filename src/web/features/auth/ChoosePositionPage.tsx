/**
 * Välj befattning: a user with several positions chooses which one to work in; the position
 * decides which persons they see. Reached after sign-in and from "Byt befattning".
 */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SERVICE_AREA_LABELS, SERVICE_AREA_SHORT, rolesText } from '../../i18n/labels.ts';

export function ChoosePositionPage() {
  const { session, position: current, choosePosition, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!session) return null;

  // One position is chosen by the server at sign-in: nothing to ask.
  if (session.positions.length === 1 && current) return <Navigate to="/" replace />;

  const choose = async (positionId: string) => {
    setBusyId(positionId);
    setFailure(null);
    try {
      await choosePosition(positionId);
      navigate(from?.startsWith('/') && from !== '/befattning' ? from : '/', { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="choose-position">
      <PageTitle>Välj befattning</PageTitle>
      <p>
        Hej {session.user.displayName}! Du har flera befattningar i {session.municipality.name}. Välj den du ska arbeta
        i nu; den styr vilka personer du ser.
      </p>
      <ErrorAlert error={failure} />
      {session.positions.length === 0 ? (
        <p>Du har ingen aktiv befattning. Kontakta systemadministratören.</p>
      ) : (
        <ul className="position-list">
          {session.positions.map((position) => (
            <li key={position.id} className="position-card">
              <h2 className="position-card__title">{position.title}</h2>
              <dl className="position-card__facts">
                <dt>Enhet</dt>
                <dd>{position.unitName}</dd>
                <dt>Verksamhetsområde</dt>
                <dd>
                  <abbr title={SERVICE_AREA_LABELS[position.serviceArea]}>
                    {SERVICE_AREA_SHORT[position.serviceArea]}
                  </abbr>{' '}
                  – {SERVICE_AREA_LABELS[position.serviceArea]}
                </dd>
                <dt>Roller</dt>
                <dd>{rolesText(position.roles)}</dd>
              </dl>
              {position.id === current?.id && (
                <p className="position-card__current">
                  <span aria-hidden="true">✓ </span>Din nuvarande befattning
                </p>
              )}
              <Button
                variant="primary"
                busy={busyId === position.id}
                disabled={busyId !== null}
                aria-label={`Välj ${position.title}, ${position.unitName}`}
                onClick={() => void choose(position.id)}
              >
                Välj
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Button variant="quiet" onClick={() => void signOut()}>
          Logga ut
        </Button>
      </p>
    </section>
  );
}
