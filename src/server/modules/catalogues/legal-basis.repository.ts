/**
 * All SQL for legal bases. Row-level security keeps every query inside the municipality; rows
 * become the contract's LegalBasis here and go no further.
 */
import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { LegalBasisTable } from '../../platform/db/schema.ts';
import type { LegalBasis } from '../../../contract/catalogues.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';

type LegalBasisRow = Selectable<LegalBasisTable> & { is_in_use: boolean };

// Natural order, so "LSS 9 § 10" follows "LSS 9 § 9" rather than "LSS 9 § 1"; the lists are short.
const byCode = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

function toLegalBasis(row: LegalBasisRow): LegalBasis {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    serviceAreas: row.service_areas as ServiceAreaCode[],
    isInUse: row.is_in_use,
    version: row.version,
  };
}

/**
 * Serialises changes to one municipality's catalogues: the overlap and duplicate-name checks read
 * and then write, and two administrators must not both pass them with colliding entries.
 */
export async function lockCatalogues(trx: Trx, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`vardag.catalogues:${municipalityId}`}, 0))`.execute(trx);
}

function selectLegalBases(trx: Trx) {
  return trx
    .selectFrom('legal_bases')
    .selectAll()
    .select(sql<boolean>`exists (select 1 from decisions d where d.legal_basis_id = legal_bases.id)`.as('is_in_use'));
}

export interface LegalBasisFilter {
  /** Only those valid on the day. */
  validOn?: string | undefined;
  /** Only those decisions of the area may rest on. */
  serviceArea?: ServiceAreaCode | undefined;
}

/** Every legal basis, or those the filter asks for, by code in natural order and then by validity. */
export async function listLegalBases(trx: Trx, { validOn, serviceArea }: LegalBasisFilter = {}): Promise<LegalBasis[]> {
  let query = selectLegalBases(trx);
  if (serviceArea) query = query.where(sql<boolean>`${serviceArea} = any(service_areas)`);
  if (validOn) {
    query = query
      .where('valid_from', '<=', validOn)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', validOn)]));
  }
  const rows = await query.execute();
  return rows
    .map(toLegalBasis)
    .sort((a, b) => byCode.compare(a.code, b.code) || a.validFrom.localeCompare(b.validFrom));
}

/**
 * One legal basis; `forUpdate` locks the row until the transaction ends, so a decision (which
 * reads its legal basis FOR SHARE) cannot come to rest on it between a change's checks and the change.
 */
export async function findLegalBasis(
  trx: Trx,
  legalBasisId: string,
  { forUpdate = false } = {},
): Promise<LegalBasis | undefined> {
  const query = selectLegalBases(trx).where('id', '=', legalBasisId);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row && toLegalBasis(row);
}

/** The service areas of the cases whose decisions rest on the legal basis. */
export async function listServiceAreasOfDecisions(trx: Trx, legalBasisId: string): Promise<ServiceAreaCode[]> {
  const rows = await trx
    .selectFrom('decisions')
    .innerJoin('cases', (join) =>
      join.onRef('cases.municipality_id', '=', 'decisions.municipality_id').onRef('cases.id', '=', 'decisions.case_id'),
    )
    .select('cases.service_area')
    .distinct()
    .where('decisions.legal_basis_id', '=', legalBasisId)
    .execute();
  return rows.map((row) => row.service_area as ServiceAreaCode);
}

/** The intervention types that propose the legal basis on new decisions, by name. */
export async function listTypesProposing(
  trx: Trx,
  legalBasisId: string,
): Promise<{ serviceArea: ServiceAreaCode; name: string }[]> {
  const rows = await trx
    .selectFrom('intervention_types')
    .select(['service_area', 'name'])
    .where('default_legal_basis_id', '=', legalBasisId)
    .orderBy(sql`name collate "sv-x-icu"`)
    .orderBy('service_area')
    .execute();
  return rows.map((row) => ({ serviceArea: row.service_area as ServiceAreaCode, name: row.name }));
}

/** The validity periods held by a code (compared without regard to case), except one row's. */
export async function listPeriodsOfCode(
  trx: Trx,
  code: string,
  exceptId?: string,
): Promise<{ code: string; validFrom: string; validTo: string | null }[]> {
  let query = trx
    .selectFrom('legal_bases')
    .select(['code', 'valid_from', 'valid_to'])
    .where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  const rows = await query.orderBy('valid_from').execute();
  return rows.map((row) => ({ code: row.code, validFrom: row.valid_from, validTo: row.valid_to }));
}

/** Decision dates outside a period among the decisions resting on the legal basis: the first and last, or undefined. */
export async function findDecisionDatesOutside(
  trx: Trx,
  legalBasisId: string,
  period: { from: string; to: string | null },
): Promise<{ first: string; last: string } | undefined> {
  const row = await trx
    .selectFrom('decisions')
    .select((eb) => [eb.fn.min('decision_date').as('first'), eb.fn.max('decision_date').as('last')])
    .where('legal_basis_id', '=', legalBasisId)
    .where((eb) =>
      eb.or([
        eb('decision_date', '<', period.from),
        ...(period.to === null ? [] : [eb('decision_date', '>', period.to)]),
      ]),
    )
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : undefined;
}

export interface LegalBasisFields {
  code: string;
  description: string | null;
  validFrom: string;
  validTo: string | null;
  serviceAreas: ServiceAreaCode[];
}

export async function insertLegalBasis(trx: Trx, municipalityId: string, fields: LegalBasisFields): Promise<string> {
  const row = await trx
    .insertInto('legal_bases')
    .values({
      municipality_id: municipalityId,
      code: fields.code,
      description: fields.description,
      valid_from: fields.validFrom,
      valid_to: fields.validTo,
      service_areas: fields.serviceAreas,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the change if the version still matches; false means someone else saved first. */
export async function updateLegalBasis(
  trx: Trx,
  legalBasisId: string,
  version: number,
  fields: LegalBasisFields,
): Promise<boolean> {
  const result = await trx
    .updateTable('legal_bases')
    .set({
      code: fields.code,
      description: fields.description,
      valid_from: fields.validFrom,
      valid_to: fields.validTo,
      service_areas: fields.serviceAreas,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', legalBasisId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
