/**
 * Catalogues kept as data per municipality: legal bases (lagrum) with validity dates, and the
 * intervention types (insatstyper) of each service area. Everyone with a position reads them
 * (every decision form needs them); only administrators change them.
 */
import { z } from 'zod';
import { SERVICE_AREAS } from '../domain/organisation.ts';
import { orderedServiceAreas } from '../domain/catalogue-rules.ts';
import { Id, IsoDate, Version, optionalText, requiredText } from './common.ts';
import { SCOPE_UNITS } from '../domain/vocabulary.ts';
export { SCOPE_UNITS, type ScopeUnit } from '../domain/vocabulary.ts';

export const LegalBasis = z.object({
  id: Id,
  code: z.string().describe('The reference as written in decisions, e.g. "SoL 11 kap. 1 §" or "LSS 9 § 2"'),
  description: z.string().nullable().describe('What it grants, e.g. "Bistånd (SoL 2025:400)"'),
  validFrom: IsoDate.describe('First day new decisions may use it'),
  validTo: IsoDate.nullable().describe(
    'Last day new decisions may use it; null while valid. Decisions made earlier keep it',
  ),
  serviceAreas: z
    .array(z.enum(SERVICE_AREAS))
    .describe('The service areas whose decisions may rest on it, in the order AO, FH, LSS, IFO'),
  isInUse: z
    .boolean()
    .describe(
      "Some decision rests on it: its code is fixed and its validity must keep covering those decisions' dates",
    ),
  version: z.number().int(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;
export const LegalBasisList = z.object({ legalBases: z.array(LegalBasis) });

export const LegalBasisQuery = z.object({
  validOn: IsoDate.optional().describe('Only legal bases valid on this day (YYYY-MM-DD), e.g. a decision date'),
  serviceArea: z
    .enum(SERVICE_AREAS, { error: 'Okänt verksamhetsområde.' })
    .optional()
    .describe("Only legal bases decisions of this service area may rest on, e.g. the case's"),
});
export const LegalBasisParams = z.object({ legalBasisId: Id });

export const CreateLegalBasisRequest = z.object({
  code: requiredText(60).describe(
    'Unique per validity period: the same code may come back only with validity that does not overlap',
  ),
  description: optionalText(300),
  validFrom: IsoDate,
  validTo: IsoDate.nullish()
    .transform((value) => value ?? null)
    .describe('Null or left out: valid until further notice'),
  serviceAreas: z
    .array(z.enum(SERVICE_AREAS, { error: 'Okänt verksamhetsområde.' }), { error: 'Välj minst ett verksamhetsområde.' })
    .min(1, 'Välj minst ett verksamhetsområde.')
    .transform(orderedServiceAreas)
    .describe(
      'The service areas whose decisions may rest on it, at least one; areas of decisions already resting on it must stay',
    ),
});
export type CreateLegalBasisRequest = z.input<typeof CreateLegalBasisRequest>;

export const UpdateLegalBasisRequest = CreateLegalBasisRequest.extend({ version: Version });
export type UpdateLegalBasisRequest = z.input<typeof UpdateLegalBasisRequest>;

export const InterventionType = z.object({
  id: Id,
  serviceArea: z.enum(SERVICE_AREAS),
  name: z.string().describe('As staff know it, e.g. "Personlig omvårdnad"; unique within the service area'),
  keyCode: z.string().nullable().describe('Nyckelkod used in statistics and billing'),
  defaultLegalBasisId: Id.nullable().describe('The legal basis proposed when the type is granted'),
  defaultLegalBasisCode: z.string().nullable().describe('Its code, for lists'),
  scopeUnit: z.enum(SCOPE_UNITS).describe('How the granted scope is measured; none for e.g. trygghetslarm'),
  isCarePlanExempt: z.boolean().describe('Needs no care plan on its own (personal alarm only, HSL only)'),
  isPersonalAlarm: z.boolean().describe('Trygghetslarm: its assignments go to the alarm group'),
  isShortTermStay: z
    .boolean()
    .describe('Korttidsvistelse/korttidsboende: a decision without a short-term place is watched (Tidsfrister)'),
  nationalStatisticsCode: z
    .string()
    .nullable()
    .describe("Code in Socialstyrelsen's individual-based statistics; null until mapped"),
  isActive: z.boolean().describe('False: no longer offered for new decisions'),
  isInUse: z.boolean().describe('Some decision grants it: its service area is fixed'),
  version: z.number().int(),
});
export type InterventionType = z.infer<typeof InterventionType>;
export const InterventionTypeList = z.object({ interventionTypes: z.array(InterventionType) });

export const InterventionTypeQuery = z.object({
  serviceArea: z
    .enum(SERVICE_AREAS, { error: 'Okänt verksamhetsområde.' })
    .optional()
    .describe("Only this service area's types"),
  includeInactive: z
    .enum(['true', 'false'], { error: 'Ange true eller false.' })
    .optional()
    .describe('true: also types no longer offered (default false)'),
});
export const InterventionTypeParams = z.object({ interventionTypeId: Id });

export const CreateInterventionTypeRequest = z.object({
  serviceArea: z
    .enum(SERVICE_AREAS, { error: 'Välj verksamhetsområde.' })
    .describe('Cannot change once a decision grants the type'),
  name: requiredText(120),
  keyCode: optionalText(30),
  defaultLegalBasisId: Id.nullish()
    .transform((value) => value ?? null)
    .describe("A legal basis of the municipality still valid today and serving the type's service area, or null"),
  scopeUnit: z.enum(SCOPE_UNITS, { error: 'Välj hur omfattningen mäts.' }),
  isCarePlanExempt: z.boolean().default(false),
  isPersonalAlarm: z.boolean().default(false),
  isShortTermStay: z.boolean().default(false),
  nationalStatisticsCode: optionalText(30),
  isActive: z.boolean().default(true),
});
export type CreateInterventionTypeRequest = z.input<typeof CreateInterventionTypeRequest>;

export const UpdateInterventionTypeRequest = CreateInterventionTypeRequest.extend({
  version: Version,
  isCarePlanExempt: z.boolean(),
  isPersonalAlarm: z.boolean(),
  isShortTermStay: z.boolean(),
  isActive: z.boolean(),
});
export type UpdateInterventionTypeRequest = z.input<typeof UpdateInterventionTypeRequest>;
