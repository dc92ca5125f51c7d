/**
 * Builds authority cases and decisions straight into the database as the owner role, the way the
 * app records them: running numbers from number_series, and the person linked to the authority unit
 * (person_unit_links source 'case'). Shared by the demo seed, benchmarks and tests.
 */
import type { ServiceAreaCode } from '../../src/domain/organisation.ts';
import { CASE_NUMBER_PREFIX, DECISION_NUMBER_PREFIX } from '../../src/domain/decision-rules.ts';
import { formatRunningNumber, takeNextNumber } from '../../src/server/platform/db/number-series.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import type { OwnerDb } from './builders.ts';
import type { ScopeUnit } from './catalogue.ts';

/** Re-exported: the benchmark generator numbers cases and decisions in bulk the same way. */
export { CASE_NUMBER_PREFIX, DECISION_NUMBER_PREFIX };

export interface CaseSpec {
  municipalityId: string;
  personId: string;
  serviceArea: ServiceAreaCode;
  authorityUnitId: string;
  caseOfficerId: string;
  /** Defaults to 2026-01-01, a fixed day so tests do not depend on the clock. */
  openedOn?: string;
  /**
   * Defaults to true. False leaves person_unit_links alone: the permission matrix needs a case for
   * a person who must stay outside a user's scope.
   */
  linkPerson?: boolean;
}

export interface CreatedCase {
  id: string;
  caseNumber: string;
}

/** Opens a case with its number and links the person to the authority unit. */
export async function createCase(db: OwnerDb, spec: CaseSpec): Promise<CreatedCase> {
  const openedOn = spec.openedOn ?? '2026-01-01';
  return inTransaction(db, async (trx) => {
    const year = Number(openedOn.slice(0, 4));
    const value = await takeNextNumber(trx, spec.municipalityId, 'case', year);
    const caseNumber = formatRunningNumber(CASE_NUMBER_PREFIX[spec.serviceArea], year, value);
    const row = await trx
      .insertInto('cases')
      .values({
        municipality_id: spec.municipalityId,
        person_id: spec.personId,
        service_area: spec.serviceArea,
        authority_unit_id: spec.authorityUnitId,
        case_officer_id: spec.caseOfficerId,
        case_number: caseNumber,
        opened_on: openedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (spec.linkPerson ?? true) {
      await trx
        .insertInto('person_unit_links')
        .values({
          municipality_id: spec.municipalityId,
          person_id: spec.personId,
          unit_id: spec.authorityUnitId,
          source: 'case',
          source_id: row.id,
          valid_from: openedOn,
        })
        .execute();
    }
    return { id: row.id, caseNumber };
  });
}

export interface DecisionInterventionSpec {
  interventionTypeId: string;
  /** Null when the scope unit is 'none'. */
  grantedAmount: number | null;
  scopeUnit: ScopeUnit;
  note?: string;
}

export interface DecisionSpec {
  municipalityId: string;
  caseId: string;
  decidedById: string;
  legalBasisId: string;
  /** Defaults to granted. */
  outcome?: 'granted' | 'refused';
  decisionDate: string;
  periodFrom: string;
  /** Null or missing = tills vidare. */
  periodTo?: string | null;
  justification?: string;
  interventions: DecisionInterventionSpec[];
}

export interface CreatedDecision {
  id: string;
  decisionNumber: string;
  /** decision_interventions ids, in the order given. */
  interventionIds: string[];
}

/** Records a decision with its interventions and a decision number. */
export async function createDecision(db: OwnerDb, spec: DecisionSpec): Promise<CreatedDecision> {
  return inTransaction(db, async (trx) => {
    const year = Number(spec.decisionDate.slice(0, 4));
    const value = await takeNextNumber(trx, spec.municipalityId, 'decision', year);
    const decisionNumber = formatRunningNumber(DECISION_NUMBER_PREFIX, year, value);
    const row = await trx
      .insertInto('decisions')
      .values({
        municipality_id: spec.municipalityId,
        case_id: spec.caseId,
        decision_number: decisionNumber,
        outcome: spec.outcome ?? 'granted',
        legal_basis_id: spec.legalBasisId,
        decision_date: spec.decisionDate,
        period_from: spec.periodFrom,
        period_to: spec.periodTo ?? null,
        justification: spec.justification ?? null,
        decided_by_id: spec.decidedById,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const interventionIds: string[] = [];
    if (spec.interventions.length) {
      const rows = await trx
        .insertInto('decision_interventions')
        .values(
          spec.interventions.map((intervention) => ({
            municipality_id: spec.municipalityId,
            decision_id: row.id,
            intervention_type_id: intervention.interventionTypeId,
            granted_amount: intervention.scopeUnit === 'none' ? null : intervention.grantedAmount,
            scope_unit: intervention.scopeUnit,
            note: intervention.note ?? null,
          })),
        )
        .returning('id')
        .execute();
      interventionIds.push(...rows.map((inserted) => inserted.id));
    }
    return { id: row.id, decisionNumber, interventionIds };
  });
}

// The number, the row and the link belong together; a caller already in a transaction keeps its own.
function inTransaction<T>(db: OwnerDb, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Trx);
  return db.transaction().execute(fn);
}
