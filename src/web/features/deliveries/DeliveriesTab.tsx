/**
 * The person page's "Insatser" tab: the person's delivery rows the reader may see, as the
 * manual's table, with per-row actions — Registrera and Till genomförande (under distribution),
 * Registrera verkställighetsdatum (sent, not yet started, not a continuation), Rätta uppgifter
 * (sent: the start date and the registered fields), Historik — and the actions of the
 * delivery-changes feature (Återkalla, Rätta/Avsluta, Avbrott, Byt utförare), which come through the
 * slot in deliveryRowExtras.tsx.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import {
  refreshDeliveries,
  sendToDelivery,
  usePersonDeliveries,
  type DeliveryRow,
  type SentToDelivery,
} from './deliveries.api.ts';
import { DeliveryTable, rowName } from './DeliveryTable.tsx';
import { HistoryDialog, RegisterDialog, StartDialog } from './RowDialogs.tsx';
import { CorrectDialog } from './CorrectDialog.tsx';
import { MessageOfferDialog, SendConfirmDialog } from './SendDialogs.tsx';
import { useDeliveryRowExtras } from './deliveryRowExtras.tsx';

type Open = { kind: 'register' | 'start' | 'correct' | 'history' | 'send'; row: DeliveryRow } | null;

export function DeliveriesTab({ personId }: { personId: string }) {
  const deliveries = usePersonDeliveries(personId);
  const heading = useRef<HTMLHeadingElement>(null);
  const { Panel } = useDeliveryRowExtras();
  const asked = useAskedAction();
  return (
    <section aria-labelledby="deliveries-heading">
      <h2 id="deliveries-heading" ref={heading} tabIndex={-1}>
        Insatser
      </h2>
      {deliveries.isPending && <Spinner />}
      <ErrorAlert error={deliveries.error} />
      {deliveries.data && (
        <DeliveryRows
          rows={deliveries.data.rows}
          personId={personId}
          caption="Personens insatser och verkställighet"
          returnFocusTo={heading}
          empty="Inga insatser är registrerade som du kan se."
          asked={asked}
        />
      )}
      <Panel personId={personId} />
    </section>
  );
}

/**
 * A link from the desk's Att göra names a row and what to do with it
 * (?rad=…&atgard=verkstallighet): the tab opens that row's dialog once, and the address forgets
 * the action so a reload does not open it again.
 */
function useAskedAction(): AskedAction | null {
  const [params, setParams] = useSearchParams();
  const [asked] = useState<AskedAction | null>(() => {
    const rowId = params.get('rad');
    return rowId && params.get('atgard') === 'verkstallighet' ? { rowId, kind: 'start' } : null;
  });
  useEffect(() => {
    if (!asked) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('rad');
        next.delete('atgard');
        return next;
      },
      { replace: true },
    );
  }, [asked, setParams]);
  return asked;
}

interface AskedAction {
  rowId: string;
  kind: 'start';
}

interface DeliveryRowsProps {
  rows: readonly DeliveryRow[];
  personId: string;
  caption: string;
  empty?: string;
  /** Where focus goes when the button that opened a dialog is gone (the row changed). */
  returnFocusTo: RefObject<HTMLElement | null>;
  /** A row's action asked for by a link, opened once the rows are here. */
  asked?: AskedAction | null;
}

/** The rows with their actions and the dialogs behind them; used by the Insatser tab and the assignment page. */
export function DeliveryRows({ rows, personId, caption, empty, returnFocusTo, asked }: DeliveryRowsProps) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [sent, setSent] = useState<SentToDelivery | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const { RowActions, useHeldRowIds } = useDeliveryRowExtras();
  // A row on its way to another provider is not corrected until the new provider answers (the tab has these loaded).
  const held = useHeldRowIds(personId);

  const show = (kind: NonNullable<Open>['kind'], row: DeliveryRow) => {
    opener.current = document.activeElement as HTMLElement | null;
    setNotice(null);
    setSendError(null);
    setOpen({ kind, row });
  };
  // Focus goes back to the button that opened the dialog, or to the tab's heading when the row's buttons changed.
  const close = () => {
    setOpen(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : returnFocusTo.current)?.focus());
  };
  const done = (message: string) => {
    setNotice(message);
    close();
  };

  // Once: the rows refetch after the dialog saves, and must not open it again.
  const isAskedHandled = useRef(false);
  useEffect(() => {
    if (!asked || isAskedHandled.current) return;
    isAskedHandled.current = true;
    const row = rows.find((candidate) => candidate.id === asked.rowId);
    if (row?.permissions.canRegisterStart) setOpen({ kind: asked.kind, row });
    else if (row)
      setNotice(`Verkställighetsdatum är redan registrerat för ${rowName(row)}, eller kan inte registreras.`);
  }, [asked, rows]);

  const send = async (row: DeliveryRow) => {
    setIsSending(true);
    setSendError(null);
    try {
      const result = await sendToDelivery({ rows: [{ deliveryId: row.id, version: row.version }] });
      void refreshDeliveries(queryClient, row.assignmentId);
      setOpen(null);
      setSent(result);
    } catch (error) {
      setSendError(
        isApiError(error)
          ? [error.message, ...Object.values(error.fieldErrors)].join(' ')
          : 'Ett oväntat fel inträffade. Försök igen.',
      );
    } finally {
      setIsSending(false);
    }
  };

  const actions = (row: DeliveryRow) => {
    const what = (
      <span className="visually-hidden">
        {' '}
        {rowName(row)} {row.periodFrom}
      </span>
    );
    return (
      <>
        {row.permissions.canRegister && (
          <Button variant="quiet" onClick={() => show('register', row)}>
            Registrera{what}
          </Button>
        )}
        {row.permissions.canSendToDelivery && (
          <Button variant="quiet" onClick={() => show('send', row)}>
            Till genomförande{what}
          </Button>
        )}
        {row.permissions.canRegisterStart && (
          <Button variant="quiet" onClick={() => show('start', row)}>
            Registrera verkställighetsdatum{what}
          </Button>
        )}
        {row.permissions.canCorrect && !held.has(row.id) && (
          <Button variant="quiet" onClick={() => show('correct', row)}>
            Rätta uppgifter{what}
          </Button>
        )}
        <Button variant="quiet" onClick={() => show('history', row)}>
          Historik{what}
        </Button>
        <RowActions row={row} personId={personId} />
      </>
    );
  };

  return (
    <>
      <StatusMessage message={notice} />
      <DeliveryTable rows={rows} caption={caption} captionHidden actions={actions} empty={empty} />
      {open?.kind === 'register' && <RegisterDialog row={open.row} onClose={close} onDone={done} />}
      {open?.kind === 'start' && <StartDialog row={open.row} onClose={close} onDone={done} />}
      {open?.kind === 'correct' && <CorrectDialog row={open.row} onClose={close} onDone={done} />}
      {open?.kind === 'history' && <HistoryDialog row={open.row} onClose={close} />}
      <SendConfirmDialog
        open={open?.kind === 'send'}
        busy={isSending}
        error={sendError}
        onCancel={close}
        onConfirm={() => open && void send(open.row)}
        rows={
          open?.kind === 'send'
            ? [
                {
                  key: open.row.id,
                  intervention: rowName(open.row),
                  unit: open.row.providerUnit.name,
                  formOfDelivery: open.row.formOfDelivery,
                  resource: open.row.resource,
                  periodFrom: open.row.periodFrom,
                  periodTo: open.row.periodTo,
                },
              ]
            : []
        }
      />
      <MessageOfferDialog
        sent={sent}
        assignmentId={sent?.rows[0]?.assignmentId ?? null}
        onDone={() => {
          setNotice(`${sent?.rows.map(rowName).join(', ') ?? 'Insatsen'} är skickad till genomförande.`);
          setSent(null);
          requestAnimationFrame(() => returnFocusTo.current?.focus());
        }}
      />
    </>
  );
}
