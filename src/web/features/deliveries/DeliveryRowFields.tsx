/**
 * The fields of one delivery row, laid out as the provider manual's "Registrera verkställighet":
 * Utförarenhet, Genomförandeform, Resurs, Resursanvändning, Bevakning, Period Fr.o.m.–T.o.m., and
 * Tidsåtgång (Timmar, + Dubbel, Utförs, Tid/Frekv, Enhet). Errors arrive keyed by field name. A
 * correction shows the unit and the period without changing them. A personal alarm is not planned
 * as visits (src/domain/delivery-fields.ts isPlannedInVisits): it has no Tidsåtgång.
 */
import { Select } from '../../components/Select.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { DELIVERY_DAYS_LABELS, FREQUENCY_UNIT_LABELS, optionsOf } from '../../i18n/labels.ts';
import { periodText, type RowField, type RowValues } from './deliveryForm.ts';

interface DeliveryRowFieldsProps {
  values: RowValues;
  onChange: (values: RowValues) => void;
  errors: Partial<Record<RowField, string>>;
  units: readonly { id: string; name: string }[];
  /** Makes every label unique on a page with many rows: "Utförarenhet (Personlig omvårdnad, rad 2)". */
  context?: string;
  /** A correction (Rätta): the unit and the period are shown, not changed — those are other actions. */
  isUnitAndPeriodFixed?: boolean;
  /** False for a personal alarm: no hours, days or frequency are asked. */
  isPlannedInVisits?: boolean;
}

const DAY_OPTIONS = optionsOf(DELIVERY_DAYS_LABELS);
const UNIT_OPTIONS = optionsOf(FREQUENCY_UNIT_LABELS);

export function DeliveryRowFields({
  values,
  onChange,
  errors,
  units,
  context,
  isUnitAndPeriodFixed = false,
  isPlannedInVisits = true,
}: DeliveryRowFieldsProps) {
  const bind = (key: RowField) => ({
    value: values[key],
    onChange: (value: string) => onChange({ ...values, [key]: value }),
    error: errors[key],
    name: key,
  });
  const hidden = context ? <span className="visually-hidden"> ({context})</span> : null;
  return (
    <div className="delivery-row-fields">
      {isUnitAndPeriodFixed && (
        <p>
          Utförarenhet {units.find((unit) => unit.id === values.providerUnitId)?.name ?? '–'}, period{' '}
          {periodText(values.periodFrom, values.periodTo || null)}. Enhet och period rättas inte här: använd Byt
          utförare, Återkalla (ändra tid) eller Rätta/Avsluta.
        </p>
      )}
      <div className="form-grid">
        {!isUnitAndPeriodFixed && (
          <Select
            label={<>Utförarenhet{hidden}</>}
            required
            placeholder="Välj utförarenhet"
            options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            {...bind('providerUnitId')}
          />
        )}
        <TextInput
          label={<>Benämning{hidden}</>}
          maxLength={120}
          hint="Vid uppdelning, t.ex. Morgonhjälp"
          autoComplete="off"
          {...bind('label')}
        />
        <TextInput
          label={<>Genomförandeform{hidden}</>}
          maxLength={120}
          hint="T.ex. Hemtjänst dag"
          autoComplete="off"
          {...bind('formOfDelivery')}
        />
        <TextInput label={<>Resurs{hidden}</>} maxLength={120} autoComplete="off" {...bind('resource')} />
        <TextInput label={<>Resursanvändning{hidden}</>} maxLength={120} autoComplete="off" {...bind('resourceUse')} />
        <DateInput
          label={<>Bevakning{hidden}</>}
          maxLength={10}
          hint="ÅÅÅÅ-MM-DD"
          inputMode="numeric"
          autoComplete="off"
          {...bind('watchDate')}
        />
      </div>
      {!isUnitAndPeriodFixed && (
        <fieldset className="fieldset fieldset--inline">
          <legend>Period{hidden}</legend>
          <div className="form-grid">
            <DateInput
              label={<>Fr.o.m.{hidden}</>}
              required
              maxLength={10}
              hint="ÅÅÅÅ-MM-DD"
              inputMode="numeric"
              autoComplete="off"
              {...bind('periodFrom')}
            />
            <DateInput
              label={<>T.o.m.{hidden}</>}
              maxLength={10}
              hint="Tomt = tills vidare"
              inputMode="numeric"
              autoComplete="off"
              {...bind('periodTo')}
            />
          </div>
        </fieldset>
      )}
      {!isPlannedInVisits && <p className="muted">Trygghetslarm planeras inte i besök, så ingen tidsåtgång anges.</p>}
      {isPlannedInVisits && (
        <fieldset className="fieldset fieldset--inline">
          <legend>Tidsåtgång{hidden}</legend>
          <div className="form-grid form-grid--narrow">
            <TextInput
              label={<>Timmar per besök{hidden}</>}
              maxLength={6}
              hint="T.ex. 0,33"
              inputMode="decimal"
              autoComplete="off"
              {...bind('hoursPerVisit')}
            />
            <TextInput
              label={<>+ Dubbel{hidden}</>}
              maxLength={6}
              hint="Extra timmar med två personal"
              inputMode="decimal"
              autoComplete="off"
              {...bind('extraHoursTwoStaff')}
            />
            <Select label={<>Utförs{hidden}</>} placeholder="Välj" options={DAY_OPTIONS} {...bind('days')} />
            <TextInput
              label={<>Tid/Frekv{hidden}</>}
              maxLength={7}
              inputMode="decimal"
              autoComplete="off"
              {...bind('frequency')}
            />
            <Select
              label={
                <>
                  Enhet<span className="visually-hidden"> för tid/frekvens</span>
                  {hidden}
                </>
              }
              placeholder="Välj enhet"
              options={UNIT_OPTIONS}
              {...bind('frequencyUnit')}
            />
          </div>
        </fieldset>
      )}
    </div>
  );
}
