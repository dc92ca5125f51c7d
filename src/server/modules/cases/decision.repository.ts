/**
 * All SQL for decisions and their interventions, and the catalogue facts a decision is checked
 * against. Rows become DecisionRecords here; pg's numeric strings become numbers.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type {
  DecisionOutcome,
  InterventionTypeFacts,
  LegalBasisFacts,
  ScopeUnitCode,
} from '../../../domain/decision-rules.ts';

export interface DecisionInterventionRecord {
  id: string;
  decisionId: string;
  interventionTypeId: string;
  name: string;
  keyCode: string | null;
  grantedAmount: number | null;
  scopeUnit: ScopeUnitCode;
  note: string | null;
}

export interface DecisionRecord {
  id: string;
  caseId: string;
  decisionNumber: string;
  outcome: DecisionOutcome;
  legalBasis: { id: string; code: string; description: string | null };
  decisionDate: string;
  periodFrom: string;
  periodTo: string | null;
  justification: string | null;
  decidedBy: { id: string; name: string };
  endedOn: string | null;
  endReason: string | null;
  endedBy: { id: string; name: string } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  interventions: DecisionInterventionRecord[];
}

function selectDecisions(trx: Trx) {
  return trx
    .selectFrom('decisions')
    .innerJoin('legal_bases', 'legal_bases.id', 'decisions.legal_basis_id')
    .innerJoin('users as decider', 'decider.id', 'decisions.decided_by_id')
    .leftJoin('users as ender', 'ender.id', 'decisions.ended_by_id')
    .select([
      'decisions.id',
      'decisions.case_id',
      'decisions.decision_number',
      'decisions.outcome',
      'decisions.legal_basis_id',
      'legal_bases.code as legal_basis_code',
      'legal_bases.description as legal_basis_description',
      'decisions.decision_date',
      'decisions.period_from',
      'decisions.period_to',
      'decisions.justification',
      'decisions.decided_by_id',
      'decider.display_name as decider_name',
      'decisions.ended_on',
      'decisions.end_reason',
      'decisions.ended_by_id',
      'ender.display_name as ender_name',
      'decisions.version',
      'decisions.created_at',
      'decisions.updated_at',
    ]);
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof selectDecisions>['executeTakeFirstOrThrow']>>;

function toDecision(row: DecisionRow, interventions: DecisionInterventionRecord[]): DecisionRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    decisionNumber: row.decision_number,
    outcome: row.outcome as DecisionOutcome,
    legalBasis: { id: row.legal_basis_id, code: row.legal_basis_code, description: row.legal_basis_description },
    decisionDate: row.decision_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    justification: row.justification,
    decidedBy: { id: row.decided_by_id, name: row.decider_name },
    endedOn: row.ended_on,
    endReason: row.end_reason,
    endedBy: row.ended_by_id && row.ender_name !== null ? { id: row.ended_by_id, name: row.ender_name } : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    interventions,
  };
}

/** The decisions of the cases with their interventions, newest decision first. */
export async function listDecisionsOfCases(trx: Trx, caseIds: readonly string[]): Promise<DecisionRecord[]> {
  if (caseIds.length === 0) return [];
  const rows = await selectDecisions(trx)
    .where('decisions.case_id', 'in', [...caseIds])
    .orderBy('decisions.decision_date', 'desc')
    .orderBy('decisions.created_at', 'desc')
    .execute();
  const interventions = await listInterventions(
    trx,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toDecision(
      row,
      interventions.filter((intervention) => intervention.decisionId === row.id),
    ),
  );
}

/** A decision whose person is in scope, locked for the ending; undefined when missing or out of scope. */
export async function findDecisionInScopeForUpdate(
  trx: Trx,
  scopeUnitIds: readonly string[],
  decisionId: string,
): Promise<DecisionRecord | undefined> {
  const row = await selectDecisions(trx)
    .innerJoin('cases', 'cases.id', 'decisions.case_id')
    .where('decisions.id', '=', decisionId)
    .where(isPersonInScope('cases.person_id', scopeUnitIds))
    .forUpdate('decisions')
    .executeTakeFirst();
  return row && toDecision(row, await listInterventions(trx, [row.id]));
}

async function listInterventions(trx: Trx, decisionIds: readonly string[]): Promise<DecisionInterventionRecord[]> {
  if (decisionIds.length === 0) return [];
  const rows = await trx
    .selectFrom('decision_interventions')
    .innerJoin('intervention_types', 'intervention_types.id', 'decision_interventions.intervention_type_id')
    .select([
      'decision_interventions.id',
      'decision_interventions.decision_id',
      'decision_interventions.intervention_type_id',
      'intervention_types.name',
      'intervention_types.key_code',
      'decision_interventions.granted_amount',
      'decision_interventions.scope_unit',
      'decision_interventions.note',
    ])
    .where('decision_interventions.decision_id', 'in', [...decisionIds])
    .orderBy('decision_interventions.created_at')
    .orderBy(sql`intervention_types.name collate "sv-x-icu"`)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    decisionId: row.decision_id,
    interventionTypeId: row.intervention_type_id,
    name: row.name,
    keyCode: row.key_code,
    grantedAmount: row.granted_amount === null ? null : Number(row.granted_amount),
    scopeUnit: row.scope_unit as ScopeUnitCode,
    note: row.note,
  }));
}

/**
 * The catalogue facts of a legal basis, read FOR SHARE: a change of its areas or validity (which
 * locks it FOR UPDATE) then waits for the decision, or the decision for the change, never both at once.
 */
export async function findLegalBasis(trx: Trx, legalBasisId: string): Promise<LegalBasisFacts | undefined> {
  const row = await trx
    .selectFrom('legal_bases')
    .select(['valid_from', 'valid_to', 'service_areas'])
    .where('id', '=', legalBasisId)
    .forShare()
    .executeTakeFirst();
  return (
    row && { validFrom: row.valid_from, validTo: row.valid_to, serviceAreas: row.service_areas as ServiceAreaCode[] }
  );
}

/** The catalogue facts of the given intervention types, by id; missing ids are absent. */
export async function findInterventionTypes(
  trx: Trx,
  ids: readonly string[],
): Promise<Map<string, InterventionTypeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('intervention_types')
    .select(['id', 'service_area', 'is_active', 'scope_unit'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        serviceArea: row.service_area as ServiceAreaCode,
        isActive: row.is_active,
        scopeUnit: row.scope_unit as ScopeUnitCode,
      },
    ]),
  );
}

export interface NewDecision {
  municipalityId: string;
  caseId: string;
  decisionNumber: string;
  outcome: DecisionOutcome;
  legalBasisId: string;
  decisionDate: string;
  periodFrom: string;
  periodTo: string | null;
  justification: string | null;
  decidedById: string;
  interventions: {
    interventionTypeId: string;
    grantedAmount: number | null;
    scopeUnit: ScopeUnitCode;
    note: string | null;
  }[];
}

export async function insertDecision(trx: Trx, input: NewDecision): Promise<string> {
  const row = await trx
    .insertInto('decisions')
    .values({
      municipality_id: input.municipalityId,
      case_id: input.caseId,
      decision_number: input.decisionNumber,
      outcome: input.outcome,
      legal_basis_id: input.legalBasisId,
      decision_date: input.decisionDate,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      justification: input.justification,
      decided_by_id: input.decidedById,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('decision_interventions')
    .values(
      input.interventions.map((intervention) => ({
        municipality_id: input.municipalityId,
        decision_id: row.id,
        intervention_type_id: intervention.interventionTypeId,
        granted_amount: intervention.grantedAmount,
        scope_unit: intervention.scopeUnit,
        note: intervention.note,
      })),
    )
    .execute();
  return row.id;
}

/** Sets the ending; false when the version no longer matches or it was already ended. */
export async function endDecision(
  trx: Trx,
  decisionId: string,
  version: number,
  ending: { endedOn: string; endReason: string; endedById: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('decisions')
    .set({
      ended_on: ending.endedOn,
      end_reason: ending.endReason,
      ended_by_id: ending.endedById,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', decisionId)
    .where('version', '=', version)
    .where('ended_on', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
