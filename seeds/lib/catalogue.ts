/**
 * Builds a municipality's catalogues (legal bases, intervention types) as the owner role. Used by
 * the demo seed, the benchmark generator and the test factories.
 */
import type { ServiceAreaCode } from '../../src/domain/organisation.ts';
import type { OwnerDb } from './builders.ts';

export type ScopeUnit =
  | 'hours_per_month'
  | 'hours_per_week'
  | 'times_per_day'
  | 'times_per_week'
  | 'times_per_month'
  | 'days_per_month'
  | 'nights_per_month'
  | 'none';

export interface LegalBasisSpec {
  code: string;
  description?: string;
  validFrom: string;
  validTo?: string;
  /** The service areas whose decisions may rest on it, in the order AO, FH, LSS, IFO. */
  serviceAreas: ServiceAreaCode[];
}

/** Bistånd under SoL is granted in ÄO, FH and IFO; LSS decisions rest on LSS. */
export const SOL_AREAS: ServiceAreaCode[] = ['AO', 'FH', 'IFO'];

export interface InterventionTypeSpec {
  serviceArea: ServiceAreaCode;
  name: string;
  keyCode?: string;
  /** Code of a legal basis in the same catalogue. */
  legalBasis?: string;
  scopeUnit: ScopeUnit;
  isCarePlanExempt?: boolean;
  isPersonalAlarm?: boolean;
  /** Korttidsvistelse, korttidsboende: watched for a short-term place (issue 16). */
  isShortTermStay?: boolean;
  nationalStatisticsCode?: string;
  /** False for a type no longer offered; true when left out. */
  isActive?: boolean;
}

export interface CatalogueIds {
  /** By code; the latest row when a code has several validity periods. */
  legalBases: Map<string, string>;
  /** By `${serviceArea}:${name}`. */
  interventionTypes: Map<string, string>;
}

export async function createCatalogue(
  db: OwnerDb,
  municipalityId: string,
  spec: { legalBases: LegalBasisSpec[]; interventionTypes: InterventionTypeSpec[] },
): Promise<CatalogueIds> {
  const legalBases = new Map<string, string>();
  for (const basis of spec.legalBases) {
    const row = await db
      .insertInto('legal_bases')
      .values({
        municipality_id: municipalityId,
        code: basis.code,
        description: basis.description ?? null,
        valid_from: basis.validFrom,
        valid_to: basis.validTo ?? null,
        service_areas: basis.serviceAreas,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    legalBases.set(basis.code, row.id);
  }
  const interventionTypes = new Map<string, string>();
  if (spec.interventionTypes.length) {
    const rows = await db
      .insertInto('intervention_types')
      .values(
        spec.interventionTypes.map((type) => ({
          municipality_id: municipalityId,
          service_area: type.serviceArea,
          name: type.name,
          key_code: type.keyCode ?? null,
          default_legal_basis_id: type.legalBasis ? required(legalBases.get(type.legalBasis), type.legalBasis) : null,
          scope_unit: type.scopeUnit,
          is_care_plan_exempt: type.isCarePlanExempt ?? false,
          is_personal_alarm: type.isPersonalAlarm ?? false,
          is_short_term_stay: type.isShortTermStay ?? false,
          national_statistics_code: type.nationalStatisticsCode ?? null,
          is_active: type.isActive ?? true,
        })),
      )
      .returning(['id', 'service_area', 'name'])
      .execute();
    for (const row of rows) interventionTypes.set(`${row.service_area}:${row.name}`, row.id);
  }
  return { legalBases, interventionTypes };
}

function required(id: string | undefined, code: string): string {
  if (!id) throw new Error(`Catalogue: unknown legal basis ${code}`);
  return id;
}

/** A small catalogue for tests: the 2001 SoL numbering until 2025-06-30, the 2025:400 numbering after, and one LSS paragraph. */
export const TEST_CATALOGUE: { legalBases: LegalBasisSpec[]; interventionTypes: InterventionTypeSpec[] } = {
  legalBases: [
    {
      code: 'SoL 4 kap. 1 §',
      description: 'Bistånd (SoL 2001:453)',
      validFrom: '2002-01-01',
      validTo: '2025-06-30',
      serviceAreas: SOL_AREAS,
    },
    {
      code: 'SoL 11 kap. 1 §',
      description: 'Bistånd (SoL 2025:400)',
      validFrom: '2025-07-01',
      serviceAreas: SOL_AREAS,
    },
    { code: 'LSS 9 § 3', description: 'Ledsagarservice', validFrom: '1994-01-01', serviceAreas: ['LSS'] },
  ],
  interventionTypes: [
    {
      serviceArea: 'AO',
      name: 'Personlig omvårdnad',
      keyCode: 'HTJ-PO',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'hours_per_month',
    },
    {
      serviceArea: 'AO',
      name: 'Service',
      keyCode: 'HTJ-SE',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'hours_per_month',
    },
    {
      serviceArea: 'AO',
      name: 'Trygghetslarm',
      keyCode: 'TRL',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'none',
      isCarePlanExempt: true,
      isPersonalAlarm: true,
    },
    {
      serviceArea: 'AO',
      name: 'Matdistribution',
      keyCode: 'MAT',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'times_per_week',
    },
    {
      serviceArea: 'AO',
      name: 'Tillsyn',
      keyCode: 'HTJ-TI',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'times_per_day',
    },
    {
      serviceArea: 'IFO',
      name: 'Familjestöd',
      keyCode: 'IFO-FS',
      legalBasis: 'SoL 11 kap. 1 §',
      scopeUnit: 'hours_per_week',
    },
  ],
};
