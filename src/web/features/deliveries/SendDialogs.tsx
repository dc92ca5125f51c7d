/**
 * The two questions around "Till genomförande", as the provider manual asks them: first a
 * confirmation that lists the rows (Insats, Utförarenhet, Genomförandeform, Resurs, Period), then,
 * once sent, "Vill du skicka ett meddelande till berörda?" — Ja opens the message form with the
 * units' send lists and staff and the person already filled in, Nej is done.
 */
import { useNavigate } from 'react-router-dom';
import type { ComposeDraft } from '../../api/messageDraft.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import type { SentToDelivery } from './deliveries.api.ts';
import { periodText } from './deliveryForm.ts';

export interface RowToConfirm {
  key: string;
  intervention: string;
  unit: string;
  formOfDelivery: string | null;
  resource: string | null;
  periodFrom: string;
  periodTo: string | null;
}

interface SendConfirmDialogProps {
  open: boolean;
  rows: readonly RowToConfirm[];
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
  error: string | null;
  /** What else happens on confirming, e.g. that the assignment is accepted. */
  note?: string;
}

export function SendConfirmDialog({ open, rows, onConfirm, onCancel, busy, error, note }: SendConfirmDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      title="Till genomförande"
      confirmLabel="Skicka till genomförande"
      danger={false}
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={busy}
      error={error}
    >
      {note && <p>{note}</p>}
      <p>Vill du skicka följande insatser till genomförande?</p>
      {/* Focusable, so the rows can be scrolled sideways with the keyboard on a narrow screen. */}
      <div
        className="table-wrap send-confirm"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
        tabIndex={0}
        role="region"
        aria-label="Insatser som skickas till genomförande"
      >
        <table className="table">
          <caption className="visually-hidden">Insatser som skickas till genomförande</caption>
          <thead>
            <tr>
              <th scope="col">Insats</th>
              <th scope="col">Utförarenhet</th>
              <th scope="col">Genomförandeform</th>
              <th scope="col">Resurs</th>
              <th scope="col">Period</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.intervention}</th>
                <td>{row.unit}</td>
                <td>{row.formOfDelivery ?? '–'}</td>
                <td>{row.resource ?? '–'}</td>
                <td className="nowrap">{periodText(row.periodFrom, row.periodTo)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ConfirmDialog>
  );
}

interface MessageOfferDialogProps {
  sent: SentToDelivery | null;
  assignmentId: string | null;
  /** Nej: the caller says what was done and moves on. */
  onDone: () => void;
}

export function MessageOfferDialog({ sent, assignmentId, onDone }: MessageOfferDialogProps) {
  const navigate = useNavigate();
  const write = () => {
    if (!sent) return;
    const units = [...new Set(sent.rows.map((row) => row.providerUnit.name))].join(', ');
    const draft: ComposeDraft = {
      recipients: sent.concerned.map(({ kind, id, label, detail }) => ({ kind, id, label, detail })),
      subject: `Ny verkställighet till genomförande – ${units}`,
      personId: sent.personId,
    };
    navigate(`/meddelanden/nytt${assignmentId ? `?uppdrag=${encodeURIComponent(assignmentId)}` : ''}`, {
      state: { draft },
    });
  };
  return (
    <Dialog open={sent !== null} title="Skicka meddelande?" onClose={onDone}>
      <div className="dialog__body">
        <p>{sent?.rows.length === 1 ? 'Insatsen är skickad' : 'Insatserna är skickade'} till genomförande.</p>
        <p>Vill du skicka ett meddelande till berörda?</p>
        {sent && sent.concerned.length > 0 && (
          <p className="muted">
            Meddelandet förifylls med {sent.concerned.length} mottagare på enheten. Du kan ta bort och lägga till
            mottagare.
          </p>
        )}
      </div>
      <div className="button-row">
        <Button variant="primary" onClick={write}>
          Ja, skriv meddelande
        </Button>
        <Button onClick={onDone} autoFocus>
          Nej
        </Button>
      </div>
    </Dialog>
  );
}
