/**
 * Test data for the catalogue tests: a decision resting on a legal basis and granting an
 * intervention type, written as the owner, so a test can put a catalogue entry "in use" without
 * depending on the cases module.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type { TestWorld } from '../../../../test/factories.ts';

export interface DecisionSpec {
  legalBasisId: string;
  decisionDate: string;
  interventionTypeId?: string;
}

/** A granted ÄO decision for a new person; returns the decision id. */
export async function createDecisionUsing(ownerDb: Db, world: TestWorld, spec: DecisionSpec): Promise<string> {
  const person = await world.createPerson(['aoAuthority']);
  const suffix = randomBytes(4).toString('hex');
  const caseRow = await ownerDb.insertInto('cases').values({
    municipality_id: world.municipalityId, person_id: person.id, service_area: 'AO', authority_unit_id: world.units.aoAuthority,
    case_officer_id: world.users.caseOfficer.userId, case_number: `ÄO-T-${suffix}`, opened_on: spec.decisionDate,
  }).returning('id').executeTakeFirstOrThrow();
  const decision = await ownerDb.insertInto('decisions').values({
    municipality_id: world.municipalityId, case_id: caseRow.id, decision_number: `B-T-${suffix}`, outcome: 'granted',
    legal_basis_id: spec.legalBasisId, decision_date: spec.decisionDate, period_from: spec.decisionDate, period_to: null,
    justification: null, decided_by_id: world.users.caseOfficer.userId,
  }).returning('id').executeTakeFirstOrThrow();
  if (spec.interventionTypeId) {
    await ownerDb.insertInto('decision_interventions').values({
      municipality_id: world.municipalityId, decision_id: decision.id, intervention_type_id: spec.interventionTypeId,
      granted_amount: 10, scope_unit: 'hours_per_month', note: null,
    }).execute();
  }
  return decision.id;
}
