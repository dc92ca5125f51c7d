/**
 * Parts of the assignment form: one granted intervention (include it, minutes per occasion,
 * weekdays, times, two staff, note — a personal alarm, not planned as visits, only the note), the
 * ten life areas, and the live total.
 */
import { LIFE_AREAS, LIFE_AREA_NAMES, WEEKDAYS } from '../../../domain/vocabulary.ts';
import { needsMinutesPerOccasion, type TimeScopeUnit } from '../../../domain/assignment-time.ts';
import { isPlannedInVisits } from '../../../domain/delivery-fields.ts';
import { Checkbox } from '../../components/Checkbox.tsx';
import { CheckboxGroup } from '../../components/CheckboxGroup.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldErrors } from '../../components/form.ts';
import { WEEKDAY_LABELS, minutesText, scopeText } from './assignmentLabels.ts';
import type { GrantedIntervention, InterventionValues, LifeAreaValues } from './assignmentForm.ts';

const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }));

interface InterventionFieldsProps {
  granted: GrantedIntervention;
  values: InterventionValues;
  onChange: (values: InterventionValues) => void;
  /** Errors for this row, keyed by its field names (minutesPerOccasion, plannedDays …). */
  errors: FieldErrors;
}

export function InterventionFields({ granted, values, onChange, errors }: InterventionFieldsProps) {
  const set = <K extends keyof InterventionValues>(key: K, value: InterventionValues[K]) =>
    onChange({ ...values, [key]: value });
  const scope = scopeText(granted.grantedAmount, granted.scopeUnit);
  const isCountedInOccasions = needsMinutesPerOccasion(granted.scopeUnit as TimeScopeUnit);
  return (
    <fieldset className="fieldset assignment-intervention">
      <legend>
        {granted.name} <span className="muted">({scope})</span>
      </legend>
      {errors.decisionInterventionId && (
        <p className="field__error" role="alert">
          {errors.decisionInterventionId}
        </p>
      )}
      <Checkbox
        label={`Ta med ${granted.name} i uppdraget`}
        checked={values.isIncluded}
        onChange={(checked) => set('isIncluded', checked)}
      />
      {values.isIncluded && !isPlannedInVisits(granted) && (
        <div className="form-grid">
          <p className="form-grid__wide muted">
            Trygghetslarm planeras inte i besök, så inga minuter, dagar, tider eller dubbelbemanning anges.
          </p>
          <div className="form-grid__wide">
            <TextInput
              label="Anteckning till utföraren"
              multiline
              rows={2}
              maxLength={2000}
              value={values.note}
              onChange={(value) => set('note', value)}
              error={errors.note}
            />
          </div>
        </div>
      )}
      {values.isIncluded && isPlannedInVisits(granted) && (
        <div className="form-grid">
          <TextInput
            label="Minuter per tillfälle"
            inputMode="decimal"
            autoComplete="off"
            maxLength={7}
            hint={
              isCountedInOccasions
                ? 'Behövs för att räkna ut tiden per månad.'
                : granted.scopeUnit === 'none'
                  ? 'Insatsen har ingen omfattning i tid; fältet är frivilligt.'
                  : 'Omfattningen är redan i timmar; fältet är frivilligt.'
            }
            value={values.minutesPerOccasion}
            onChange={(value) => set('minutesPerOccasion', value)}
            error={errors.minutesPerOccasion}
          />
          <TextInput
            label="Planerade tider"
            maxLength={200}
            hint="T.ex. morgon och kväll"
            value={values.plannedTimes}
            onChange={(value) => set('plannedTimes', value)}
            error={errors.plannedTimes}
          />
          <div className="form-grid__wide">
            <CheckboxGroup
              legend="Planerade dagar"
              options={WEEKDAY_OPTIONS}
              value={values.plannedDays}
              onChange={(value) => set('plannedDays', value)}
              error={errors.plannedDays}
            />
          </div>
          <Checkbox
            label="Kräver två personal (dubbelbemanning)"
            checked={values.isTwoStaff}
            onChange={(checked) => set('isTwoStaff', checked)}
          />
          <div className="form-grid__wide">
            <TextInput
              label="Anteckning till utföraren"
              multiline
              rows={2}
              maxLength={2000}
              value={values.note}
              onChange={(value) => set('note', value)}
              error={errors.note}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}

export function LifeAreaFields({
  values,
  onChange,
}: {
  values: LifeAreaValues;
  onChange: (values: LifeAreaValues) => void;
}) {
  return (
    <div className="life-areas">
      {LIFE_AREAS.map((area) => {
        const own = values[area];
        const set = (key: 'need' | 'goal', text: string) => onChange({ ...values, [area]: { ...own, [key]: text } });
        return (
          <details
            key={area}
            className="life-area"
            open={own.need !== '' || own.goal !== '' || area === 'sense_of_security'}
          >
            <summary>
              {LIFE_AREA_NAMES[area]}
              {(own.need || own.goal) && <span className="visually-hidden"> (ifyllt)</span>}
            </summary>
            <div className="form-grid">
              <TextInput
                label={`Behov – ${LIFE_AREA_NAMES[area]}`}
                multiline
                rows={3}
                maxLength={4000}
                value={own.need}
                onChange={(text) => set('need', text)}
              />
              <TextInput
                label={`Mål – ${LIFE_AREA_NAMES[area]}`}
                multiline
                rows={3}
                maxLength={4000}
                value={own.goal}
                onChange={(text) => set('goal', text)}
              />
            </div>
          </details>
        );
      })}
    </div>
  );
}

interface TotalsProps {
  totals: { granted: number; staff: number; hasTwoStaff: boolean; missingMinutes: readonly GrantedIntervention[] };
}

/** The total as it will be stored, updated as the officer types; announced politely. */
export function LiveTotal({ totals }: TotalsProps) {
  return (
    <div className="assignment-total" role="status" aria-live="polite">
      <p className="assignment-total__main">
        Beviljad tid totalt: <strong>{minutesText(totals.granted)} per månad</strong>, avrundat uppåt till närmaste
        kvart.
      </p>
      {totals.hasTwoStaff && <p>Personaltid med dubbelbemanning: {minutesText(totals.staff)} per månad.</p>}
      {totals.missingMinutes.length > 0 && (
        <p className="muted">
          Ange minuter per tillfälle för {totals.missingMinutes.map((row) => row.name).join(', ')} för att räkna in dem.
        </p>
      )}
    </div>
  );
}
