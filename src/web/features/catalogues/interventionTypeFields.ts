/**
 * The intervention type form's fields, shared by "Ny insatstyp" and the edit page: Swedish labels,
 * help text for the flags, and only the choices the server will accept.
 */
import { todayInSweden } from '../../../domain/dates.ts';
import { isLegalBasisForServiceArea } from '../../../domain/decision-rules.ts';
import { SERVICE_AREAS, type ServiceAreaCode } from '../../../domain/organisation.ts';
import { SCOPE_UNITS, type ScopeUnit } from '../../../domain/vocabulary.ts';
import type { FieldSpec } from '../../components/FieldList.tsx';
import type { SelectOption } from '../../components/Select.tsx';
import { orNull } from '../../components/form.ts';
import { SCOPE_UNIT_LABELS, serviceAreaOptionLabel } from '../../i18n/labels.ts';
import type { InterventionType, LegalBasis } from './catalogues.api.ts';
import { serviceAreasText } from './legalBasisFields.ts';

export interface InterventionTypeValues {
  serviceArea: string;
  name: string;
  keyCode: string;
  defaultLegalBasisId: string;
  scopeUnit: string;
  isCarePlanExempt: boolean;
  isPersonalAlarm: boolean;
  isShortTermStay: boolean;
  nationalStatisticsCode: string;
  isActive: boolean;
}

export const EMPTY_INTERVENTION_TYPE: InterventionTypeValues = {
  serviceArea: '',
  name: '',
  keyCode: '',
  defaultLegalBasisId: '',
  scopeUnit: '',
  isCarePlanExempt: false,
  isPersonalAlarm: false,
  isShortTermStay: false,
  nationalStatisticsCode: '',
  isActive: true,
};

export function toValues(type: InterventionType): InterventionTypeValues {
  return {
    serviceArea: type.serviceArea,
    name: type.name,
    keyCode: type.keyCode ?? '',
    defaultLegalBasisId: type.defaultLegalBasisId ?? '',
    scopeUnit: type.scopeUnit,
    isCarePlanExempt: type.isCarePlanExempt,
    isPersonalAlarm: type.isPersonalAlarm,
    isShortTermStay: type.isShortTermStay,
    nationalStatisticsCode: type.nationalStatisticsCode ?? '',
    isActive: type.isActive,
  };
}

/** The request body from the form (checkFields has already required area, name and scope unit). */
export function toRequest(values: InterventionTypeValues) {
  return {
    serviceArea: values.serviceArea as ServiceAreaCode,
    name: values.name.trim(),
    keyCode: orNull(values.keyCode),
    defaultLegalBasisId: values.defaultLegalBasisId || null,
    scopeUnit: values.scopeUnit as ScopeUnit,
    isCarePlanExempt: values.isCarePlanExempt,
    isPersonalAlarm: values.isPersonalAlarm,
    isShortTermStay: values.isShortTermStay,
    nationalStatisticsCode: orNull(values.nationalStatisticsCode),
    isActive: values.isActive,
  };
}

/**
 * Legal bases a new choice may be: those valid today or later, of the type's area when it is known
 * (each labelled with its areas when it is not). The type's current one stays in the list even if
 * it has expired, since the server lets an unchanged default stay.
 */
function legalBasisOptions(
  legalBases: readonly LegalBasis[],
  currentId: string | null,
  serviceArea: ServiceAreaCode | undefined,
): SelectOption[] {
  const today = todayInSweden();
  const sameCode = (basis: LegalBasis) => legalBases.filter((other) => other.code === basis.code).length > 1;
  return legalBases
    .filter(
      (basis) =>
        basis.id === currentId ||
        ((basis.validTo === null || basis.validTo >= today) &&
          (!serviceArea || isLegalBasisForServiceArea(basis, serviceArea))),
    )
    .map((basis) => {
      const note =
        basis.validTo !== null && basis.validTo < today
          ? ` (gällde till ${basis.validTo})`
          : basis.validFrom > today || sameCode(basis)
            ? ` (från ${basis.validFrom})`
            : '';
      return {
        value: basis.id,
        label: `${basis.code}${note}${serviceArea ? '' : ` – ${serviceAreasText(basis.serviceAreas)}`}`,
      };
    });
}

function isServiceArea(value: string | undefined): value is ServiceAreaCode {
  return (SERVICE_AREAS as readonly string[]).includes(value ?? '');
}

/**
 * The fields; `chosenArea` is the area picked in the form, when the form can say (the new type's
 * form does): the proposed legal basis is then chosen among that area's.
 */
export function interventionTypeFields(
  legalBases: readonly LegalBasis[],
  current?: InterventionType,
  chosenArea?: string,
): FieldSpec<InterventionTypeValues>[] {
  // Once a decision grants the type its area is fixed, so the only choice offered is the one it has.
  const areas = current?.isInUse ? [current.serviceArea] : SERVICE_AREAS;
  const basisArea = current?.isInUse ? current.serviceArea : isServiceArea(chosenArea) ? chosenArea : undefined;
  return [
    {
      key: 'serviceArea',
      label: 'Verksamhetsområde',
      kind: 'select',
      required: true,
      placeholder: current?.isInUse ? undefined : 'Välj verksamhetsområde',
      options: areas.map((area) => ({
        value: area,
        label: serviceAreaOptionLabel(area),
      })),
      hint: current?.isInUse
        ? 'Insatstypen används i beslut och kan inte flyttas till ett annat verksamhetsområde.'
        : 'Kan inte ändras när insatstypen har beviljats i ett beslut.',
    },
    {
      key: 'name',
      label: 'Namn',
      kind: 'text',
      required: true,
      maxLength: 120,
      hint: 'Som personalen känner insatsen, t.ex. Personlig omvårdnad. Unikt inom verksamhetsområdet.',
    },
    {
      key: 'keyCode',
      label: 'Nyckelkod',
      kind: 'text',
      maxLength: 30,
      hint: 'Kod för statistik och fakturering, t.ex. HTJ-PO.',
    },
    {
      key: 'defaultLegalBasisId',
      label: 'Lagrum som föreslås',
      kind: 'select',
      placeholder: 'Inget lagrum föreslås',
      options: legalBasisOptions(legalBases, current?.defaultLegalBasisId ?? null, basisArea),
      hint: 'Föreslås när insatsen beviljas. Bara lagrum för insatstypens verksamhetsområde som gäller nu eller senare kan väljas.',
    },
    {
      key: 'scopeUnit',
      label: 'Omfattning anges i',
      kind: 'select',
      required: true,
      placeholder: 'Välj enhet',
      options: SCOPE_UNITS.map((unit) => ({ value: unit, label: SCOPE_UNIT_LABELS[unit] })),
      hint: 'Hur den beviljade omfattningen anges, t.ex. tim/månad för hemtjänst. Välj ingen omfattning för t.ex. trygghetslarm.',
    },
    {
      key: 'nationalStatisticsCode',
      label: 'Kod i nationell statistik',
      kind: 'text',
      maxLength: 30,
      hint: 'Koden i Socialstyrelsens individstatistik. Lämna tomt tills den är bestämd.',
    },
    {
      key: 'isCarePlanExempt',
      label: 'Undantagen från kravet på genomförandeplan',
      kind: 'checkbox',
      wide: true,
      hint: 'Kryssa i för insatser som inte kräver en genomförandeplan när de är ensamma, t.ex. enbart trygghetslarm eller enbart HSL-insatser.',
    },
    {
      key: 'isPersonalAlarm',
      label: 'Trygghetslarm',
      kind: 'checkbox',
      wide: true,
      hint: 'Uppdrag med insatsen skickas till larmgruppen, som installerar och sköter larmet.',
    },
    {
      key: 'isShortTermStay',
      label: 'Korttidsvistelse',
      kind: 'checkbox',
      wide: true,
      hint: 'Den som beviljas insatsen ska ha en korttidsplats. Ett beslut utan plats visas under Tidsfrister.',
    },
    ...(current
      ? [
          {
            key: 'isActive',
            label: 'Aktiv',
            kind: 'checkbox',
            wide: true,
            hint: 'En inaktiv insatstyp kan inte väljas i nya beslut. Beslut som redan har den påverkas inte.',
          } as const,
        ]
      : []),
  ];
}
