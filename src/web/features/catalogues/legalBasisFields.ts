/** The legal basis form's fields, shared by "Nytt lagrum" and the edit page. */
import { SERVICE_AREAS, type ServiceAreaCode } from '../../../domain/organisation.ts';
import { splitValues } from '../../components/CheckboxGroup.tsx';
import type { FieldSpec } from '../../components/FieldList.tsx';
import { orNull, type FieldErrors } from '../../components/form.ts';
import { SERVICE_AREA_SHORT, serviceAreaOptionLabel } from '../../i18n/labels.ts';
import type { LegalBasis } from './catalogues.api.ts';

export interface LegalBasisValues {
  code: string;
  description: string;
  validFrom: string;
  validTo: string;
  /** The chosen areas joined by commas, as the check boxes keep them. */
  serviceAreas: string;
}

export const EMPTY_LEGAL_BASIS: LegalBasisValues = {
  code: '',
  description: '',
  validFrom: '',
  validTo: '',
  serviceAreas: '',
};

export function toValues(basis: LegalBasis): LegalBasisValues {
  return {
    code: basis.code,
    description: basis.description ?? '',
    validFrom: basis.validFrom,
    validTo: basis.validTo ?? '',
    serviceAreas: basis.serviceAreas.join(','),
  };
}

export function toRequest(values: LegalBasisValues) {
  return {
    code: values.code.trim(),
    description: orNull(values.description),
    validFrom: values.validFrom.trim(),
    validTo: orNull(values.validTo),
    serviceAreas: splitValues(values.serviceAreas) as ServiceAreaCode[],
  };
}

/** The same check the server makes, so the message comes before the round trip. */
export function checkValidity(values: LegalBasisValues): FieldErrors {
  const from = values.validFrom.trim();
  const to = values.validTo.trim();
  const errors: FieldErrors =
    from && to && to < from ? { validTo: 'Sista giltighetsdag kan inte vara före första.' } : {};
  if (splitValues(values.serviceAreas).length === 0) errors.serviceAreas = 'Välj minst ett verksamhetsområde.';
  return errors;
}

/** "ÄO, FH, IFO", for lists. */
export function serviceAreasText(areas: readonly ServiceAreaCode[]): string {
  return areas.map((area) => SERVICE_AREA_SHORT[area]).join(', ');
}

export function legalBasisFields(current?: LegalBasis): FieldSpec<LegalBasisValues>[] {
  return [
    {
      key: 'code',
      label: 'Lagrum',
      kind: 'text',
      required: true,
      maxLength: 60,
      hint: current?.isInUse
        ? 'Lagrummet används i beslut, så koden kan inte ändras.'
        : 'Som det skrivs i beslut, t.ex. SoL 11 kap. 1 § eller LSS 9 § 2.',
    },
    {
      key: 'serviceAreas',
      label: 'Verksamhetsområden',
      kind: 'checkboxes',
      required: true,
      options: SERVICE_AREAS.map((area) => ({
        value: area,
        label: serviceAreaOptionLabel(area),
      })),
      hint: current?.isInUse
        ? 'Bara beslut i ärenden inom de valda områdena kan grundas på lagrummet. Områden där beslut redan grundas på det kan inte tas bort.'
        : 'Bara beslut i ärenden inom de valda områdena kan grundas på lagrummet, t.ex. ÄO, FH och IFO för bistånd enligt SoL, LSS för LSS.',
    },
    {
      key: 'validFrom',
      label: 'Gäller från',
      kind: 'date',
      required: true,
      hint: 'ÅÅÅÅ-MM-DD. Första dagen nya beslut kan använda lagrummet.',
    },
    {
      key: 'validTo',
      label: 'Gäller till och med',
      kind: 'date',
      hint: 'ÅÅÅÅ-MM-DD. Lämna tomt om lagrummet gäller tills vidare. Beslut som redan har fattats behåller sitt lagrum.',
    },
    {
      key: 'description',
      label: 'Beskrivning',
      kind: 'textarea',
      rows: 2,
      maxLength: 300,
      hint: 'Vad lagrummet ger rätt till, t.ex. Bistånd till försörjning och livsföring i övrigt.',
    },
  ];
}
