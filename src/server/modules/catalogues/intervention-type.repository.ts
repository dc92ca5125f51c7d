/**
 * All SQL for intervention types. Row-level security keeps every query inside the municipality;
 * rows become the contract's InterventionType here and go no further.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { InterventionType, ScopeUnit } from '../../../contract/catalogues.ts';

function selectInterventionTypes(trx: Trx) {
  return trx
    .selectFrom('intervention_types')
    .leftJoin('legal_bases', (join) =>
      join
        .onRef('legal_bases.municipality_id', '=', 'intervention_types.municipality_id')
        .onRef('legal_bases.id', '=', 'intervention_types.default_legal_basis_id'),
    )
    .selectAll('intervention_types')
    .select('legal_bases.code as default_legal_basis_code')
    .select(
      sql<boolean>`exists (select 1 from decision_interventions di where di.intervention_type_id = intervention_types.id)`.as(
        'is_in_use',
      ),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof selectInterventionTypes>['executeTakeFirstOrThrow']>>;

function toInterventionType(row: Row): InterventionType {
  return {
    id: row.id,
    serviceArea: row.service_area as ServiceAreaCode,
    name: row.name,
    keyCode: row.key_code,
    defaultLegalBasisId: row.default_legal_basis_id,
    defaultLegalBasisCode: row.default_legal_basis_code,
    scopeUnit: row.scope_unit as ScopeUnit,
    isCarePlanExempt: row.is_care_plan_exempt,
    isPersonalAlarm: row.is_personal_alarm,
    isShortTermStay: row.is_short_term_stay,
    nationalStatisticsCode: row.national_statistics_code,
    isActive: row.is_active,
    isInUse: row.is_in_use,
    version: row.version,
  };
}

export interface InterventionTypeFilter {
  serviceArea?: ServiceAreaCode | undefined;
  includeInactive: boolean;
}

/** In Swedish name order; the same name in two service areas keeps the areas' order. */
export async function listInterventionTypes(trx: Trx, filter: InterventionTypeFilter): Promise<InterventionType[]> {
  let query = selectInterventionTypes(trx);
  if (filter.serviceArea) query = query.where('intervention_types.service_area', '=', filter.serviceArea);
  if (!filter.includeInactive) query = query.where('intervention_types.is_active', '=', true);
  const rows = await query
    .orderBy(sql`intervention_types.name collate "sv-x-icu"`)
    .orderBy('intervention_types.service_area')
    .orderBy('intervention_types.id')
    .execute();
  return rows.map(toInterventionType);
}

export async function findInterventionType(
  trx: Trx,
  interventionTypeId: string,
): Promise<InterventionType | undefined> {
  const row = await selectInterventionTypes(trx)
    .where('intervention_types.id', '=', interventionTypeId)
    .executeTakeFirst();
  return row && toInterventionType(row);
}

/** Whether another type of the service area already has the name. */
export async function isNameTaken(
  trx: Trx,
  serviceArea: ServiceAreaCode,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = trx
    .selectFrom('intervention_types')
    .select('id')
    .where('service_area', '=', serviceArea)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface InterventionTypeFields {
  serviceArea: ServiceAreaCode;
  name: string;
  keyCode: string | null;
  defaultLegalBasisId: string | null;
  scopeUnit: ScopeUnit;
  isCarePlanExempt: boolean;
  isPersonalAlarm: boolean;
  isShortTermStay: boolean;
  nationalStatisticsCode: string | null;
  isActive: boolean;
}

function columnsOf(fields: InterventionTypeFields) {
  return {
    service_area: fields.serviceArea,
    name: fields.name,
    key_code: fields.keyCode,
    default_legal_basis_id: fields.defaultLegalBasisId,
    scope_unit: fields.scopeUnit,
    is_care_plan_exempt: fields.isCarePlanExempt,
    is_personal_alarm: fields.isPersonalAlarm,
    is_short_term_stay: fields.isShortTermStay,
    national_statistics_code: fields.nationalStatisticsCode,
    is_active: fields.isActive,
  };
}

export async function insertInterventionType(
  trx: Trx,
  municipalityId: string,
  fields: InterventionTypeFields,
): Promise<string> {
  const row = await trx
    .insertInto('intervention_types')
    .values({ municipality_id: municipalityId, ...columnsOf(fields) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the change if the version still matches; false means someone else saved first. */
export async function updateInterventionType(
  trx: Trx,
  interventionTypeId: string,
  version: number,
  fields: InterventionTypeFields,
): Promise<boolean> {
  const result = await trx
    .updateTable('intervention_types')
    .set({ ...columnsOf(fields), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', interventionTypeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
