/**
 * The dialogs behind a delivery row's actions on the person's Insatser tab: Registrera (a row
 * under distribution), Registrera verkställighetsdatum, and Historik (every event with the row as
 * it stood after it).
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { todayInSweden } from '../../../domain/dates.ts';
import { hasEndedBeforeStart } from '../../../domain/delivery-rules.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import {
  DELIVERY_DAYS_LABELS,
  DELIVERY_EVENT_LABELS,
  DELIVERY_STATUS_LABELS,
  FREQUENCY_UNIT_LABELS,
} from '../../i18n/labels.ts';
import type { DeliveryDays, DeliveryStatus, FrequencyUnit } from '../../../contract/deliveries.ts';
import {
  refreshDeliveries,
  startDelivery,
  updateDelivery,
  useDeliveryHistory,
  useDistributionOptions,
  type DeliveryRow,
} from './deliveries.api.ts';
import {
  rowContextOf,
  rowErrors,
  rowValuesOf,
  toFields,
  periodText,
  type RowField,
  type RowValues,
} from './deliveryForm.ts';
import { DeliveryRowFields } from './DeliveryRowFields.tsx';
import { correctionChanges } from './correction.ts';
import { rowName } from './DeliveryTable.tsx';

interface RowDialogProps {
  row: DeliveryRow;
  onClose: () => void;
  /** Said on the page after a change. */
  onDone: (notice: string) => void;
}

/** Registrera: the fields of a row under distribution, with the units of its provider. */
export function RegisterDialog({ row, onClose, onDone }: RowDialogProps) {
  const options = useDistributionOptions(row.assignmentId);
  const queryClient = useQueryClient();
  const [values, setValues] = useState<RowValues>(() => rowValuesOf(row));
  const [errors, setErrors] = useState<Partial<Record<RowField, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const local = rowErrors(values, options.data ? rowContextOf(options.data) : null);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setIsBusy(true);
    try {
      await updateDelivery(row.id, { ...toFields(values), version: row.version });
      void refreshDeliveries(queryClient, row.assignmentId);
      onDone(`${rowName(row)} är registrerad.`);
    } catch (error) {
      setFailure(error);
      setErrors(isApiError(error) ? (error.fieldErrors as Partial<Record<RowField, string>>) : {});
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog open title={`Registrera ${rowName(row)}`} onClose={onClose}>
      {options.isPending ? (
        <Spinner />
      ) : (
        <form onSubmit={onSubmit} noValidate className="form">
          <ErrorAlert error={failure} />
          <DeliveryRowFields
            values={values}
            onChange={setValues}
            errors={errors}
            units={options.data?.providerUnits ?? [row.providerUnit]}
            isPlannedInVisits={!row.isPersonalAlarm}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={isBusy}>
              Spara
            </Button>
            <Button onClick={onClose}>Avbryt</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Registrera verkställighetsdatum: the day support actually started; the case officer is told. */
export function StartDialog({ row, onClose, onDone }: RowDialogProps) {
  const queryClient = useQueryClient();
  const today = todayInSweden();
  const [startedOn, setStartedOn] = useState(row.periodFrom > today ? '' : today);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn.trim())) {
      setError('Ange datum som ÅÅÅÅ-MM-DD.');
      document.getElementById('started-on')?.focus();
      return;
    }
    setIsBusy(true);
    try {
      await startDelivery(row.id, { startedOn: startedOn.trim(), version: row.version });
      void refreshDeliveries(queryClient, row.assignmentId);
      onDone(
        `Verkställighetsdatum ${startedOn.trim()} är registrerat för ${rowName(row)}. Handläggaren har fått ett meddelande.`,
      );
    } catch (caught) {
      if (isApiError(caught) && caught.fieldErrors.startedOn) {
        setError(caught.fieldErrors.startedOn);
        document.getElementById('started-on')?.focus();
      } else setFailure(caught);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog open title={`Verkställighetsdatum för ${rowName(row)}`} onClose={onClose} describedBy="start-intro">
      <form onSubmit={onSubmit} noValidate className="form">
        <p id="start-intro">
          Ange den dag insatsen faktiskt började ges, inom perioden {periodText(row.periodFrom, row.periodTo)}. Datumet
          styr debitering och rapportering, och handläggaren får ett meddelande.
        </p>
        <ErrorAlert error={failure} />
        <DateInput
          id="started-on"
          label="Verkställighetsdatum"
          required
          maxLength={10}
          hint="ÅÅÅÅ-MM-DD, i dag eller tidigare"
          inputMode="numeric"
          autoComplete="off"
          value={startedOn}
          onChange={(value) => {
            setStartedOn(value);
            setError(undefined);
          }}
          error={error}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Registrera
          </Button>
          <Button onClick={onClose}>Avbryt</Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Historik: what happened to the row, who did it, and the row as it stood after; a correction lists what it changed. */
export function HistoryDialog({ row, onClose }: Omit<RowDialogProps, 'onDone'>) {
  const history = useDeliveryHistory(row.id, true);
  return (
    <Dialog open title={`Historik för ${rowName(row)}`} onClose={onClose}>
      {history.isPending && <Spinner />}
      <ErrorAlert error={history.error} />
      {history.data && (
        <ol className="history-list">
          {history.data.events.map((event, index) => {
            const s = event.snapshot;
            const before = history.data.events[index - 1]?.snapshot;
            const corrected = event.event === 'corrected' && before ? correctionChanges(before, s) : [];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's history only grows at its end and is never reordered
              <li key={index}>
                <strong>{DELIVERY_EVENT_LABELS[event.event]}</strong> {formatDateTime(event.occurredAt)}
                {event.actorName && <> av {event.actorName}</>}
                {event.note && (
                  <p className="preserve-lines">{event.event === 'corrected' ? `Orsak: ${event.note}` : event.note}</p>
                )}
                {corrected.length > 0 && (
                  <ul className="history-changes" aria-label="Rättat">
                    {corrected.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
                <dl>
                  <dt>Status</dt>
                  <dd>
                    {s.status === 'ended' && hasEndedBeforeStart(s)
                      ? 'Avbruten före start'
                      : (DELIVERY_STATUS_LABELS[s.status as DeliveryStatus] ?? s.status)}
                  </dd>
                  <dt>Utförarenhet</dt>
                  <dd>{event.providerUnitName}</dd>
                  <dt>Period</dt>
                  <dd>{periodText(s.periodFrom, s.periodTo)}</dd>
                  <dt>Tid</dt>
                  <dd>{timeText(s)}</dd>
                  {s.startedOn && (
                    <>
                      <dt>Verkställd från</dt>
                      <dd>{s.startedOn}</dd>
                    </>
                  )}
                  {s.endReason && (
                    <>
                      <dt>Avslutsorsak</dt>
                      <dd>{s.endReason}</dd>
                    </>
                  )}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
      {history.data?.events.length === 0 && <Alert tone="info">Ingen historik.</Alert>}
      <div className="button-row">
        <Button onClick={onClose} autoFocus>
          Stäng
        </Button>
      </div>
    </Dialog>
  );
}

function timeText(s: {
  hoursPerVisit: number | null;
  extraHoursTwoStaff: number | null;
  days: string | null;
  frequency: number | null;
  frequencyUnit: string | null;
}): string {
  const parts = [
    s.hoursPerVisit !== null
      ? `${formatNumber(s.hoursPerVisit)} tim/besök${s.extraHoursTwoStaff !== null ? ` + ${formatNumber(s.extraHoursTwoStaff)} dubbel` : ''}`
      : null,
    s.days ? DELIVERY_DAYS_LABELS[s.days as DeliveryDays] : null,
    s.frequency !== null && s.frequencyUnit
      ? `${formatNumber(s.frequency)} ${FREQUENCY_UNIT_LABELS[s.frequencyUnit as FrequencyUnit]}`
      : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : '–';
}
