/**
 * Test data for the assignment tests and permission-matrix rows, written as the owner through the
 * seeds/lib builders: a granted decision in a case, extra providers (one without system access,
 * one no test user works at), and request bodies for drafts.
 */
import type { Db } from '../../platform/db/database.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import { createCase, createDecision } from '../../../../seeds/lib/cases.ts';
import { createAssignment, type CreatedAssignment } from '../../../../seeds/lib/assignments.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { AssignmentDraftRequest } from '../../../contract/assignments.ts';

export interface FixtureDecision {
  caseId: string;
  decisionId: string;
  personId: string;
  serviceArea: ServiceAreaCode;
  /** decision_interventions ids: ÄO personal care 20 h/month, meals 7 times/week, personal alarm; IFO family support 3 h/week. */
  interventions: { id: string; interventionTypeId: string; grantedAmount: number | null; scopeUnit: 'hours_per_month' | 'hours_per_week' | 'times_per_week' | 'none' }[];
}

export interface DecisionOptions {
  serviceArea?: ServiceAreaCode;
  /** Link the person to the authority unit (default true); false keeps the person out of scope. */
  linkPerson?: boolean;
  outcome?: 'granted' | 'refused';
  periodTo?: string | null;
  /** Include a personal alarm (ÄO only). */
  withAlarm?: boolean;
}

/** The person's open case in the area (made when there is none) and a fresh granted decision in it. */
export async function createFixtureDecision(ownerDb: Db, world: TestWorld, personId: string, options: DecisionOptions = {}): Promise<FixtureDecision> {
  const serviceArea = options.serviceArea ?? 'AO';
  const isIfo = serviceArea === 'IFO';
  const officer = world.users[isIfo ? 'ifoCaseOfficer' : 'caseOfficer'].userId;
  const open = await ownerDb.selectFrom('cases').select('id').where('municipality_id', '=', world.municipalityId)
    .where('person_id', '=', personId).where('service_area', '=', serviceArea).where('closed_on', 'is', null).executeTakeFirst();
  const caseId = open?.id ?? (await createCase(ownerDb, {
    municipalityId: world.municipalityId, personId, serviceArea, authorityUnitId: world.units[isIfo ? 'ifoAuthority' : 'aoAuthority'],
    caseOfficerId: officer, openedOn: '2026-01-01', linkPerson: options.linkPerson ?? true,
  })).id;
  const type = (name: string) => world.catalogue.interventionTypes.get(name)!;
  const granted: Omit<FixtureDecision['interventions'][number], 'id'>[] = isIfo
    ? [{ interventionTypeId: type('IFO:Familjestöd'), grantedAmount: 3, scopeUnit: 'hours_per_week' }]
    : [
      { interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 20, scopeUnit: 'hours_per_month' },
      { interventionTypeId: type('AO:Matdistribution'), grantedAmount: 7, scopeUnit: 'times_per_week' },
      ...(options.withAlarm ? [{ interventionTypeId: type('AO:Trygghetslarm'), grantedAmount: null, scopeUnit: 'none' as const }] : []),
    ];
  const decision = await createDecision(ownerDb, {
    municipalityId: world.municipalityId, caseId, decidedById: officer, legalBasisId: world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
    outcome: options.outcome ?? 'granted', decisionDate: '2026-01-15', periodFrom: '2026-02-01', periodTo: options.periodTo ?? null,
    interventions: granted.map((row) => ({ ...row })),
  });
  return {
    caseId, decisionId: decision.id, personId, serviceArea,
    interventions: granted.map((row, index) => ({ ...row, id: decision.interventionIds[index]! })),
  };
}

/** A provider of the area beyond the test world's, made once per world and name. */
export async function ensureProvider(ownerDb: Db, world: TestWorld, spec: { name: string; serviceArea: ServiceAreaCode; hasSystemAccess: boolean; ownership?: 'municipal' | 'private' }): Promise<string> {
  const existing = await ownerDb.selectFrom('units').select('id').where('municipality_id', '=', world.municipalityId).where('name', '=', spec.name).executeTakeFirst();
  if (existing) return existing.id;
  const row = await ownerDb.insertInto('units').values({
    municipality_id: world.municipalityId, parent_id: world.units[spec.serviceArea === 'IFO' ? 'ifoArea' : 'aoArea'], kind: 'provider', name: spec.name,
    service_area: spec.serviceArea, ownership: spec.ownership ?? 'private', has_system_access: spec.hasSystemAccess,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A draft body with every granted intervention of the decision and a need and goal for "Känsla av trygghet". */
export function draftBody(decision: FixtureDecision, providerId: string, overrides: Partial<AssignmentDraftRequest> = {}): AssignmentDraftRequest {
  return {
    providerId,
    interventions: decision.interventions.map((row) => ({
      decisionInterventionId: row.id, minutesPerOccasion: row.scopeUnit === 'times_per_week' ? 6 : null,
      plannedDays: ['mon', 'wed', 'fri'], plannedTimes: 'morgon', isTwoStaff: false, note: null,
    })),
    lifeAreas: [{ lifeArea: 'sense_of_security', need: 'Känner sig otrygg på natten.', goal: 'Sova tryggt hemma.' }],
    instructions: 'Ring på två gånger.',
    isNewClient: false,
    ...overrides,
  };
}

/** A sent (or draft) assignment of the decision to the provider, straight into the database. */
export async function createFixtureAssignment(ownerDb: Db, world: TestWorld, decision: FixtureDecision, providerId: string, options: { isSent: boolean; linkPerson?: boolean }): Promise<CreatedAssignment> {
  const officer = world.users[decision.serviceArea === 'IFO' ? 'ifoCaseOfficer' : 'caseOfficer'].userId;
  return createAssignment(ownerDb, {
    municipalityId: world.municipalityId, caseId: decision.caseId, decisionId: decision.decisionId, personId: decision.personId, providerId,
    createdById: officer,
    interventions: decision.interventions.map((row) => ({
      decisionInterventionId: row.id, interventionTypeId: row.interventionTypeId, grantedAmount: row.grantedAmount, scopeUnit: row.scopeUnit,
      minutesPerOccasion: row.scopeUnit === 'times_per_week' ? 6 : null,
    })),
    lifeAreas: [{ lifeArea: 'self_care', need: 'Hjälp med dusch.', goal: 'Duscha två gånger i veckan.' }],
    ...(options.isSent ? { sent: { byId: officer } } : {}),
    linkPerson: options.linkPerson ?? true,
  });
}
