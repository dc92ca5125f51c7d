/**
 * Writing or changing a draft assignment: the provider (only the case's service area; those
 * without system access say so), the decision's interventions, the live total, needs and goals per
 * life area, instructions, and for a new client the telephone hand-over. Saving leads to the
 * assignment's page, where it is previewed as PDF and sent.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { ASSIGNMENT_STATUS_LABELS } from './assignmentLabels.ts';
import { InterventionFields, LifeAreaFields, LiveTotal } from './AssignmentFormParts.tsx';
import {
  initialInterventions,
  initialLifeAreas,
  initialValues,
  liveTotals,
  minutesError,
  toRequest,
  type AssignmentValues,
} from './assignmentForm.ts';
import {
  applyAssignment,
  assignmentKeys,
  createAssignment,
  documentUrl,
  saveAssignment,
  type AssignmentDetail,
  type AssignmentOptions,
} from './assignments.api.ts';
import { HANDOVER_IN_FUTURE, handoverTimeProblem } from '../../../domain/handover.ts';
import { isPlannedInVisits } from '../../../domain/delivery-fields.ts';

interface AssignmentFormProps {
  options: AssignmentOptions;
  /** The saved draft when changing one. */
  existing?: AssignmentDetail;
  /** Where a new draft starts from, e.g. the assignment it replaces. */
  template?: AssignmentDetail;
}

export function AssignmentForm({ options, existing, template }: AssignmentFormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const granted = options.decision.interventions;
  const start = existing ?? template;
  const form = useForm<AssignmentValues>(() => initialValues(start));
  const [rows, setRows] = useState(() => initialInterventions(granted, start));
  const [lifeAreas, setLifeAreas] = useState(() => initialLifeAreas(start));
  const [order, setOrder] = useState<string[]>([]);
  const { isBusy: isSaving, failure, setFailure, run } = useSubmit(form);
  const totals = liveTotals(granted, rows);
  const v = form.values;

  /** A row's errors: the server counts rows in the order they were sent; the form's own checks name the row. */
  const rowErrors = (id: string): FieldErrors => {
    const own: FieldErrors = {};
    const prefix = `interventions.${order.indexOf(id)}.`;
    if (order.includes(id))
      for (const [key, message] of Object.entries(form.errors))
        if (key.startsWith(prefix)) own[key.slice(prefix.length).split('.')[0]!] = message;
    const local = form.errors[`local.${id}`];
    if (local) own.minutesPerOccasion = local;
    return own;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = {};
    if (!v.providerId) errors.providerId = 'Välj utförare.';
    for (const row of granted) {
      // A personal alarm's minutes are not asked (nor sent), so nothing typed earlier can be wrong.
      const isAsked = rows[row.id]!.isIncluded && isPlannedInVisits(row);
      const typed = isAsked ? minutesError(rows[row.id]!.minutesPerOccasion) : undefined;
      if (typed) errors[`local.${row.id}`] = typed;
    }
    if (!granted.some((row) => rows[row.id]!.isIncluded)) errors.interventions = 'Ta med minst en insats.';
    // The server says the same; saying it here keeps a typo in the year from a round trip. A
    // malformed time is left to the server, whose message names the format.
    if (v.isNewClient && v.handoverAt.trim() && handoverTimeProblem(v.handoverAt, new Date()) === HANDOVER_IN_FUTURE)
      errors.handoverAt = HANDOVER_IN_FUTURE;
    if (Object.keys(errors).length > 0) return form.fail(errors);
    const request = toRequest(v, granted, rows, lifeAreas);
    setOrder(request.order);
    // A 409 says why in words (someone saved first, or it has been sent meanwhile); the typed input stays.
    await run(async () => {
      if (existing) {
        const saved = await saveAssignment(existing.id, { ...request.body, version: existing.version });
        applyAssignment(queryClient, saved);
        navigate(`/uppdrag/${saved.id}`, { state: { notice: 'Utkastet är sparat.' } });
      } else {
        const created = await createAssignment(options.decision.id, request.body);
        void queryClient.invalidateQueries({ queryKey: assignmentKeys.ofCase(options.caseId) });
        navigate(`/uppdrag/${created.id}`, {
          state: {
            notice: `Uppdrag ${created.assignmentNumber} är sparat som utkast. Förhandsgranska det och skicka det när det är klart.`,
          },
        });
      }
    });
  };

  const providerOptions = options.providers.map((provider) => ({
    value: provider.id,
    label: provider.hasSystemAccess ? provider.name : `${provider.name} (utan systemåtkomst)`,
  }));
  const chosen = options.providers.find((provider) => provider.id === v.providerId);
  const known = [
    'providerId',
    'instructions',
    'isNewClient',
    'handoverBy',
    'handoverAt',
    'replacesAssignmentId',
    'version',
    'interventions',
    'lifeAreas',
  ];
  const unmatched = unmatchedErrors(form.errors, known).filter(
    (line) => !line.startsWith('interventions.') && !line.startsWith('local.') && !line.startsWith('lifeAreas.'),
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form assignment-form">
      <ErrorAlert error={failure} details={unmatched} focusable>
        {existing && isApiError(failure, 409) && (
          <p>
            <a href={`/uppdrag/${existing.id}`} target="_blank" rel="noopener">
              Öppna det sparade uppdraget i en ny flik
            </a>{' '}
            för att jämföra.
          </p>
        )}
      </ErrorAlert>
      {form.errors.interventions && <Alert tone="error">{form.errors.interventions}</Alert>}

      <fieldset className="fieldset">
        <legend>Utförare</legend>
        <Select
          label="Utförare"
          required
          placeholder="Välj utförare"
          options={providerOptions}
          {...form.text('providerId')}
          hint="Utförare inom ärendets verksamhetsområde."
        />
        {chosen && !chosen.hasSystemAccess && (
          <Alert tone="info">
            {chosen.name} har inte tillgång till Vardag. När utkastet är sparat laddar du ned uppdraget som PDF, skickar
            det med säker e-post eller per post och registrerar det som skickat.
          </Alert>
        )}
        {options.replaceable.length > 0 && (
          <Select
            label="Ersätter uppdrag"
            placeholder="Inget – ett nytt uppdrag"
            {...form.text('replacesAssignmentId')}
            options={options.replaceable.map((row) => ({
              value: row.id,
              label: `${row.assignmentNumber}, ${row.providerName} (${ASSIGNMENT_STATUS_LABELS[row.status].toLowerCase()})`,
            }))}
            hint="Ett skickat uppdrag ändras aldrig. Det nya ersätter det när det skickas."
          />
        )}
      </fieldset>

      <h2>Insatser</h2>
      {granted.map((row) => (
        <InterventionFields
          key={row.id}
          granted={row}
          values={rows[row.id]!}
          errors={rowErrors(row.id)}
          onChange={(values) => setRows((current) => ({ ...current, [row.id]: values }))}
        />
      ))}
      <LiveTotal totals={totals} />

      <h2>Behov och mål per livsområde</h2>
      <p className="muted">
        Öppna ett livsområde för att beskriva behov och mål. Tomma livsområden kommer inte med i uppdraget.
      </p>
      <LifeAreaFields values={lifeAreas} onChange={setLifeAreas} />

      <h2>Instruktioner och överlämning</h2>
      <TextInput
        label="Instruktioner till utföraren"
        multiline
        rows={4}
        maxLength={8000}
        {...form.text('instructions')}
      />
      <Checkbox
        label="Ny brukare"
        hint="Rutinen kräver en muntlig överlämning per telefon innan uppdraget skickas."
        {...form.check('isNewClient')}
      />
      {v.isNewClient && (
        <div className="form-grid">
          <TextInput
            label="Överlämning per telefon till"
            maxLength={120}
            hint="Vem hos utföraren tog emot överlämningen."
            autoComplete="off"
            {...form.text('handoverBy')}
          />
          <TextInput
            label="När gjordes överlämningen"
            maxLength={16}
            hint="ÅÅÅÅ-MM-DD TT:MM"
            inputMode="numeric"
            autoComplete="off"
            {...form.text('handoverAt')}
          />
        </div>
      )}

      <div className="button-row">
        <Button type="submit" variant="primary" busy={isSaving}>
          Spara utkast
        </Button>
        {existing && (
          <a className="button button--secondary" href={documentUrl(existing.id)} target="_blank" rel="noopener">
            Förhandsgranska sparat utkast (PDF)<span className="visually-hidden"> (öppnas i ny flik)</span>
          </a>
        )}
        <Button onClick={() => navigate(-1)}>Avbryt</Button>
      </div>
    </form>
  );
}
