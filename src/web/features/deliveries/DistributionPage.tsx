/**
 * Acceptera och fördela (/uppdrag/:assignmentId/fordela): per intervention of the assignment, one
 * or more delivery rows ("Dela upp" adds one) with unit, form of delivery, resource, period and
 * time, each filled in from what the officer granted so the provider changes only what differs
 * (a personal alarm takes no time). "Till genomförande" is ticked: the rows go on after a
 * confirmation listing them, and then a message to those concerned is offered. Every rule the
 * server checks is checked first, on every field at once, before the confirmation opens. An
 * assignment from a change of provider says so, and its rows start on the change date. If another
 * manager answered first, the page says who and keeps every row typed here. Once accepted, the
 * page says so (not that it can no longer be distributed) until the manager moves on.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { dayBefore } from '../../../domain/periods.ts';
import { isPlannedInVisits } from '../../../domain/delivery-fields.ts';
import { personName } from '../../format.ts';
import { scopeText } from '../assignments/assignmentLabels.ts';
import { assignmentKeys } from '../../api/queryKeys.ts';
import {
  distributeAssignment,
  refreshDeliveries,
  useDistributionOptions,
  type DistributionOptions,
  type SentToDelivery,
} from './deliveries.api.ts';
import { grantedRow, rowContextOf, rowsErrors, toFields, type RowField, type RowValues } from './deliveryForm.ts';
import { DeliveryRowFields } from './DeliveryRowFields.tsx';
import { MessageOfferDialog, SendConfirmDialog } from './SendDialogs.tsx';
import './deliveries.css';

export function DistributionPage() {
  const { assignmentId = '' } = useParams();
  const options = useDistributionOptions(assignmentId);
  if (options.isPending)
    return (
      <section className="page">
        <PageTitle>Acceptera och fördela</PageTitle>
        <Spinner />
      </section>
    );
  if (options.error || !options.data) {
    return (
      <section className="page">
        <PageTitle>Uppdraget kunde inte visas</PageTitle>
        <ErrorAlert error={options.error} />
      </section>
    );
  }
  return <DistributionForm options={options.data} />;
}

type Intervention = DistributionOptions['interventions'][number];

function DistributionForm({ options }: { options: DistributionOptions }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { assignment } = options;
  const [rows, setRows] = useState<RowValues[]>(() => options.interventions.map((row) => grantedRow(options, row)));
  // Ticked: most assignments go straight on to the units; untick to keep the rows under distribution.
  const form = useForm({ sendToDelivery: true });
  const { isBusy: isSaving, failure, setFailure, run } = useSubmit(form);
  const [isConfirming, setIsConfirming] = useState(false);
  const [sent, setSent] = useState<SentToDelivery | null>(null);
  // Accepted and sent: what the page says behind the message offer, instead of the form.
  const [accepted, setAccepted] = useState<string | null>(null);
  // Where to go when done: back to the assignment, or — when every row went to units the manager does
  // not have, so the assignment is no longer theirs to read (need to know) — to Nya uppdrag.
  const [isReadableAfter, setIsReadableAfter] = useState(true);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const unitName = (id: string) => options.providerUnits.find((unit) => unit.id === id)?.name ?? '–';
  const interventionName = (id: string) => options.interventions.find((row) => row.id === id)?.name ?? '–';
  const backTo = `/uppdrag/${assignment.id}`;

  // "Dela upp" moves focus to the new row, so keyboard users land where they type next.
  useEffect(() => {
    if (focusKey) document.getElementById(`${focusKey}-title`)?.focus();
  }, [focusKey]);

  const split = (intervention: Intervention) => {
    const own = rows.filter((row) => row.assignmentInterventionId === intervention.id);
    const added = grantedRow(options, intervention, own[own.length - 1]);
    const last = rows.lastIndexOf(own[own.length - 1]!);
    setRows([...rows.slice(0, last + 1), added, ...rows.slice(last + 1)]);
    setFocusKey(added.key);
  };
  const remove = (key: string) => {
    const index = rows.findIndex((row) => row.key === key);
    setRows(rows.filter((row) => row.key !== key));
    // The server counts rows by position: old errors would now point at the wrong rows.
    form.setErrors({});
    setFocusKey(rows[index - 1]?.key ?? null);
  };
  /** A field's error goes once the field changes, so what is still wrong stands out. */
  const change = (index: number, values: RowValues) => {
    const before = rows[index]!;
    const changed = (Object.keys(values) as (keyof RowValues)[]).filter((key) => values[key] !== before[key]);
    setRows((current) => current.map((item) => (item.key === before.key ? values : item)));
    if (changed.some((key) => form.errors[`rows.${index}.${key}`])) {
      form.setErrors(
        Object.fromEntries(
          Object.entries(form.errors).filter(([key]) => !changed.some((field) => key === `rows.${index}.${field}`)),
        ),
      );
    }
  };
  const errorsOf = (index: number): Partial<Record<RowField, string>> => {
    const prefix = `rows.${index}.`;
    return Object.fromEntries(
      Object.entries(form.errors)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, message]) => [key.slice(prefix.length), message]),
    );
  };

  const save = async () => {
    setFailure(null);
    await run(
      async () => {
        const result = await distributeAssignment(assignment.id, {
          stateVersion: assignment.stateVersion,
          sendToDelivery: form.values.sendToDelivery,
          rows: rows.map((row) => ({ assignmentInterventionId: row.assignmentInterventionId, ...toFields(row) })),
        });
        void refreshDeliveries(queryClient, assignment.id);
        setIsConfirming(false);
        setIsReadableAfter(result.isReadableAfter);
        if (result.sent) {
          setAccepted(
            `Uppdraget är accepterat och ${result.sent.rows.length === 1 ? 'insatsen är skickad' : 'insatserna är skickade'} till genomförande.`,
          );
          setSent(result.sent);
        } else
          leave(
            result.isReadableAfter,
            `Uppdraget är accepterat och fördelat på ${result.rows.length} ${result.rows.length === 1 ? 'rad' : 'rader'} under fördelning.`,
          );
      },
      {
        // Whatever went wrong, the typed rows stay: a conflict says who answered first.
        onError: (error) => {
          setIsConfirming(false);
          // Answered by someone else: the desk's count of new assignments should stop offering it.
          // Not the form's own options, whose reload could replace the rows typed here.
          if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: assignmentKeys.newList });
          return false;
        },
      },
    );
  };

  const leave = (isReadable: boolean, notice: string) => {
    if (isReadable) navigate(backTo, { state: { notice } });
    else navigate('/nya-uppdrag', { state: { notice: `${notice} Uppdraget visas nu för enheterna som utför det.` } });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    // Every rule the server checks, on every field at once: nothing is confirmed that would be refused.
    const errors: FieldErrors = rowsErrors(rows, rowContextOf(options));
    if (Object.keys(errors).length > 0) return form.fail(errors);
    form.setErrors({});
    if (form.values.sendToDelivery) setIsConfirming(true);
    else void save();
  };

  const unmatched = unmatchedErrors(form.errors, ['rows']).filter(
    (line) =>
      !/^rows\.\d+\.(providerUnitId|label|formOfDelivery|resource|resourceUse|watchDate|periodFrom|periodTo|hoursPerVisit|extraHoursTwoStaff|days|frequency|frequencyUnit):/.test(
        line,
      ),
  );
  const name = personName(options.person) ?? 'Skyddad identitet';
  return (
    <section className="page">
      <PageTitle documentTitle={`Acceptera och fördela ${assignment.assignmentNumber}`}>
        Acceptera och fördela uppdrag {assignment.assignmentNumber}
      </PageTitle>
      <dl className="facts">
        <div>
          <dt>Person</dt>
          <dd>
            {name} <span className="muted">{options.person.identityNumber}</span>
          </dd>
        </div>
        <div>
          <dt>Utförare</dt>
          <dd>{assignment.provider.name}</dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>{options.decision.decisionNumber}</dd>
        </div>
        <div>
          <dt>Beslutsperiod</dt>
          <dd>
            {options.decision.periodFrom} – {options.decision.endedOn ?? options.decision.periodTo ?? 'tills vidare'}
          </dd>
        </div>
      </dl>
      {options.providerChange && (
        <Alert tone="info">
          Byte av utförare fr.o.m. {options.providerChange.changeDate}: insatserna flyttas hit från{' '}
          {options.providerChange.fromUnitName}, där de avslutas {dayBefore(options.providerChange.changeDate)} när
          uppdraget accepteras. Raderna kan därför börja tidigast {options.providerChange.changeDate}.
        </Alert>
      )}
      {accepted && (
        <Alert tone="success" title={accepted}>
          <p>
            {isReadableAfter ? (
              <Link to={backTo}>Till uppdraget</Link>
            ) : (
              <Link to="/nya-uppdrag">Till Nya uppdrag</Link>
            )}
          </p>
        </Alert>
      )}
      {!options.permissions.canDistribute && !failure && !accepted && (
        <Alert tone="info">
          Uppdraget kan inte fördelas här längre (det är inte nytt, eller så är du inte chef eller samordnare hos
          utföraren). <Link to={backTo}>Tillbaka till uppdraget</Link>
        </Alert>
      )}
      {!accepted && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <p>
            Raderna är ifyllda med det handläggaren beviljade i uppdraget. Ändra det som skiljer, eller dela upp en
            insats på flera rader.
          </p>
          <ErrorAlert error={failure} details={unmatched} focusable>
            {isApiError(failure, 409) && (
              <p>
                Det du har skrivit finns kvar nedan. <Link to={backTo}>Öppna uppdraget</Link> för att se hur det
                fördelades.
              </p>
            )}
          </ErrorAlert>
          {form.errors.rows && <Alert tone="error">{form.errors.rows}</Alert>}
          {options.interventions.map((intervention) => {
            const own = rows.filter((row) => row.assignmentInterventionId === intervention.id);
            return (
              <fieldset key={intervention.id} className="fieldset distribution-intervention">
                <legend>
                  {intervention.name}{' '}
                  <span className="muted">
                    ({scopeText(intervention.grantedAmount, intervention.scopeUnit)}
                    {intervention.isTwoStaff ? ', två personal' : ''})
                  </span>
                </legend>
                {own.map((row, position) => {
                  const index = rows.indexOf(row);
                  const context = `${intervention.name}, rad ${position + 1}`;
                  return (
                    <div key={row.key} className="delivery-row">
                      <h3 id={`${row.key}-title`} tabIndex={-1} className="delivery-row__title">
                        Rad {position + 1}
                        {own.length > 1 && row.label ? `: ${row.label}` : ''}
                      </h3>
                      <DeliveryRowFields
                        values={row}
                        units={options.providerUnits}
                        errors={errorsOf(index)}
                        context={context}
                        isPlannedInVisits={isPlannedInVisits(intervention)}
                        onChange={(values) => change(index, values)}
                      />
                      {own.length > 1 && (
                        <div className="button-row">
                          <Button variant="quiet" onClick={() => remove(row.key)}>
                            Ta bort rad {position + 1}
                            <span className="visually-hidden"> för {intervention.name}</span>
                          </Button>
                        </div>
                      )}
                    </div>
                  );
                })}
                <div className="button-row">
                  <Button onClick={() => split(intervention)}>
                    Dela upp<span className="visually-hidden"> {intervention.name} på en rad till</span>
                  </Button>
                </div>
              </fieldset>
            );
          })}
          <div className="send-panel">
            <Checkbox
              label="Till genomförande"
              hint="Skickar raderna vidare till utförarenheterna direkt. Utan bock blir raderna kvar under fördelning."
              {...form.check('sendToDelivery')}
            />
          </div>
          <div className="button-row">
            <Button
              type="submit"
              variant="primary"
              busy={isSaving && !isConfirming}
              disabled={!options.permissions.canDistribute}
            >
              Acceptera och fördela
            </Button>
            <Link className="button button--secondary" to={backTo}>
              Avbryt
            </Link>
          </div>
        </form>
      )}
      <SendConfirmDialog
        open={isConfirming}
        busy={isSaving}
        error={null}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => void save()}
        note={`Uppdraget ${assignment.assignmentNumber} accepteras och fördelas.`}
        rows={rows.map((row) => ({
          key: row.key,
          intervention: row.label
            ? `${interventionName(row.assignmentInterventionId)} (${row.label})`
            : interventionName(row.assignmentInterventionId),
          unit: unitName(row.providerUnitId),
          formOfDelivery: row.formOfDelivery.trim() || null,
          resource: row.resource.trim() || null,
          periodFrom: row.periodFrom,
          periodTo: row.periodTo.trim() || null,
        }))}
      />
      <MessageOfferDialog
        sent={sent}
        assignmentId={isReadableAfter ? assignment.id : null}
        onDone={() =>
          leave(
            isReadableAfter,
            `Uppdraget är accepterat och ${sent?.rows.length === 1 ? 'insatsen är skickad' : 'insatserna är skickade'} till genomförande.`,
          )
        }
      />
    </section>
  );
}
