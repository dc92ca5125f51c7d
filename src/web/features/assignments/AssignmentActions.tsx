/**
 * What the reader may do with an assignment: for a draft, change, preview, send (with a
 * confirmation naming the provider and who gets the message, and warning when a personal alarm
 * reaches no alarm group) or download and record as sent outside Vardag (by secure mail or by
 * post), and delete; for a sent one, read the PDF and write one that replaces it.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import type { SentOutsideVia, SentVia } from '../../../domain/vocabulary.ts';
import { AlarmGroupNotice } from './AlarmGroupNotice.tsx';
import { SentOutsideChoice } from './SentOutsideChoice.tsx';
import { SENT_VIA_LABELS } from './assignmentLabels.ts';
import {
  applyAssignment,
  assignmentKeys,
  deleteAssignment,
  documentUrl,
  recordSentOutside,
  sendAssignment,
  type AssignmentDetail,
} from './assignments.api.ts';

type Dialog = 'send' | 'outside' | 'delete' | null;

export function AssignmentActions({ assignment }: { assignment: AssignmentDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outsideVia, setOutsideVia] = useState<SentOutsideVia>('secure_mail');
  const { permissions } = assignment;
  const isDraft = assignment.status === 'draft';
  const pdf = documentUrl(assignment.id);

  const open = (next: Dialog) => {
    setError(null);
    setDialog(next);
  };
  const run = async (action: () => Promise<void>) => {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      setDialog(null);
    } catch (failure) {
      // The hand-over fields are on the form; say which are missing here.
      const fields = isApiError(failure) ? Object.values(failure.fieldErrors) : [];
      setError(
        [isApiError(failure) ? failure.message : 'Ett oväntat fel inträffade. Försök igen.', ...fields].join(' '),
      );
    } finally {
      setIsBusy(false);
    }
  };
  const send = (via: SentVia) =>
    run(async () => {
      const sent =
        via === 'system'
          ? await sendAssignment(assignment.id, assignment.version)
          : await recordSentOutside(assignment.id, assignment.version, via);
      applyAssignment(queryClient, sent);
      navigate('.', {
        replace: true,
        state: {
          notice:
            via === 'system'
              ? `Uppdraget är skickat till ${assignment.provider.name}.`
              : `Uppdraget är registrerat som ${SENT_VIA_LABELS[via].toLowerCase()}.`,
        },
      });
    });
  const remove = () =>
    run(async () => {
      await deleteAssignment(assignment.id, assignment.version);
      queryClient.removeQueries({ queryKey: assignmentKeys.detail(assignment.id) });
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.ofCase(assignment.caseId) });
      navigate(`/arenden/${assignment.caseId}`, {
        state: { notice: `Utkastet ${assignment.assignmentNumber} är borttaget.` },
      });
    });

  if (!isDraft) {
    return (
      <div className="button-row">
        <a className="button button--primary" href={pdf} target="_blank" rel="noopener">
          Läs uppdrag (PDF)<span className="visually-hidden"> – öppnas i ny flik</span>
        </a>
        {permissions.canWriteReplacement && (
          <Link
            className="button button--secondary"
            to={`/uppdrag/nytt?decisionId=${assignment.decision.id}&ersatter=${assignment.id}`}
          >
            Skriv nytt uppdrag som ersätter detta
          </Link>
        )}
      </div>
    );
  }
  if (!permissions.canEdit) return null;
  return (
    <>
      <div className="button-row">
        <Link className="button button--secondary" to={`/uppdrag/${assignment.id}/redigera`}>
          Ändra utkast
        </Link>
        <a className="button button--secondary" href={pdf} target="_blank" rel="noopener">
          Förhandsgranska (PDF)<span className="visually-hidden"> – öppnas i ny flik</span>
        </a>
        {permissions.canSend && (
          <Button variant="primary" onClick={() => open('send')}>
            Skicka
          </Button>
        )}
        {permissions.canRecordSentOutside && (
          <>
            <a className="button button--secondary" href={pdf} download={`uppdrag-${assignment.assignmentNumber}.pdf`}>
              Ladda ned PDF
            </a>
            <Button variant="primary" onClick={() => open('outside')}>
              Registrera som skickat
            </Button>
          </>
        )}
        <Button variant="quiet" onClick={() => open('delete')}>
          Ta bort utkast
        </Button>
      </div>
      <ConfirmDialog
        open={dialog === 'send'}
        title={`Skicka uppdrag ${assignment.assignmentNumber}?`}
        confirmLabel="Skicka uppdraget"
        danger={false}
        onConfirm={() => void send('system')}
        onCancel={() => setDialog(null)}
        busy={isBusy}
        error={error}
      >
        <p>
          Uppdraget skickas till <strong>{assignment.provider.name}</strong> och hamnar under Nya uppdrag.
        </p>
        {assignment.receivers.length > 0 ? (
          <>
            <p>Ett meddelande om det nya uppdraget går till:</p>
            <ul>
              {assignment.receivers.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>Ingen hos utföraren tar emot meddelanden om nya uppdrag just nu; uppdraget syns ändå under Nya uppdrag.</p>
        )}
        <AlarmGroupNotice assignment={assignment} via="system" />
        <p>Ett skickat uppdrag kan inte ändras. En ändring görs med ett nytt uppdrag som ersätter det.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'outside'}
        title={`Registrera ${assignment.assignmentNumber} som skickat?`}
        confirmLabel="Registrera som skickat"
        danger={false}
        onConfirm={() => void send(outsideVia)}
        onCancel={() => setDialog(null)}
        busy={isBusy}
        error={error}
      >
        <p>
          Bekräfta att du har skickat uppdraget till <strong>{assignment.provider.name}</strong>, som inte har tillgång
          till Vardag. Uppdraget kan sedan inte ändras.
        </p>
        <SentOutsideChoice value={outsideVia} onChange={setOutsideVia} />
        <AlarmGroupNotice assignment={assignment} via="outside" />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Ta bort utkastet ${assignment.assignmentNumber}?`}
        confirmLabel="Ta bort utkastet"
        onConfirm={() => void remove()}
        onCancel={() => setDialog(null)}
        busy={isBusy}
        error={error}
      >
        <p>Utkastet tas bort. Det går inte att ångra.</p>
      </ConfirmDialog>
    </>
  );
}
