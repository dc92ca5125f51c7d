/**
 * Administration → Tidsfrister (/admin/tidsfrister): the municipality's times for the statutory
 * watches — when the three-month reminder goes out, how long an assignment may wait unreceived
 * before the provider's manager (and as long again the case officer) is told, and how early a
 * decision's end shows as a new assessment due. The server checks the ranges and says what is wrong
 * on each field.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { onWatchSettingsSaved, saveWatchSettings, useWatchSettings, type WatchSettings } from './watches.api.ts';

type SettingsValues = Record<keyof WatchSettings, string>;

const FIELDS: readonly { key: keyof WatchSettings; label: string; hint: string }[] = [
  {
    key: 'reminderMonths',
    label: 'Påminnelse om ej verkställt beslut',
    hint: 'Månader efter beslutsdatum (1–3). Handläggaren och utföraren påminns innan tre månader har gått.',
  },
  {
    key: 'acknowledgeHours',
    label: 'Timmar innan okvitterat uppdrag går till utförarens chef',
    hint: 'Och lika länge till innan handläggaren som skickade uppdraget får veta (1–720).',
  },
  {
    key: 'acknowledgeHoursAlarm',
    label: 'Timmar innan okvitterat uppdrag med trygghetslarm går till utförarens chef',
    hint: 'Samma sak för uppdrag med trygghetslarm, som inte får vänta lika länge (1–720).',
  },
  {
    key: 'periodEndingDays',
    label: 'Dagar innan beslutsperiod löper ut',
    hint: 'Så långt innan beslutets sista dag ser handläggaren att en ny bedömning behövs (1–365).',
  },
];
const KEYS = FIELDS.map((field) => field.key);

export function WatchSettingsPage() {
  const settings = useWatchSettings();
  return (
    <section className="page">
      <PageTitle>Tidsfrister</PageTitle>
      <p className="lead">
        Tiderna för kommunens bevakning av lagstadgade frister. Varje påminnelse skickas som meddelande en gång.
      </p>
      {settings.isPending && <Spinner />}
      <ErrorAlert error={settings.error} />
      {settings.data && <SettingsForm settings={settings.data} />}
    </section>
  );
}

function toValues(settings: WatchSettings): SettingsValues {
  return {
    reminderMonths: String(settings.reminderMonths),
    acknowledgeHours: String(settings.acknowledgeHours),
    acknowledgeHoursAlarm: String(settings.acknowledgeHoursAlarm),
    periodEndingDays: String(settings.periodEndingDays),
  };
}

/** Whole numbers only here; the ranges are the server's to check, so they are said in one place. */
function parse(values: SettingsValues): { body: WatchSettings | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body = {} as WatchSettings;
  for (const key of KEYS) {
    const text = values[key].trim();
    if (!/^\d{1,6}$/.test(text)) errors[key] = text === '' ? 'Obligatoriskt.' : 'Ange ett helt tal.';
    else body[key] = Number(text);
  }
  return { body: Object.keys(errors).length > 0 ? null : body, errors };
}

function SettingsForm({ settings }: { settings: WatchSettings }) {
  const queryClient = useQueryClient();
  const form = useForm<SettingsValues>(() => toValues(settings));
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setDone(null);
    const { body, errors } = parse(form.values);
    if (!body) return form.fail(errors);
    await run(async () => {
      const saved = await saveWatchSettings(body);
      onWatchSettingsSaved(queryClient, saved);
      form.setValues(toValues(saved));
      form.setErrors({});
      setDone('Tidsfristerna är sparade.');
    });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" aria-label="Tidsfrister">
      <ErrorAlert error={failure} details={unmatchedErrors(form.errors, KEYS)} focusable />
      <div className="form-grid">
        {FIELDS.map((field) => (
          <div key={field.key} className="form-grid__wide">
            <TextInput
              label={field.label}
              hint={field.hint}
              required
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              {...form.text(field.key)}
            />
          </div>
        ))}
      </div>
      <Button type="submit" variant="primary" busy={isBusy}>
        Spara
      </Button>
      <StatusMessage message={done} />
    </form>
  );
}
