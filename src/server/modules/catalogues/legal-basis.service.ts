/**
 * Legal bases: read by everyone with a position, kept by administrators. A code may come back
 * with a new validity period (the same words after a law is renumbered), never with one that
 * overlaps, so "the legal basis valid on the decision date" always has one answer. Once a decision
 * rests on a legal basis, its code is fixed and its validity keeps covering that decision's date:
 * an old decision must go on reading the law it was made under. A legal basis serves one or more
 * service areas (an ÄO decision never rests on an LSS paragraph); the areas its decisions were made
 * in, and those of the intervention types that propose it, stay (src/domain/catalogue-rules.ts).
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isValidPeriod, periodsOverlap, type Period } from '../../../domain/periods.ts';
import { areasInDecisionsProblem, areasOfProposingTypesProblem } from '../../../domain/catalogue-rules.ts';
import type * as contract from '../../../contract/catalogues.ts';
import * as repo from './legal-basis.repository.ts';
import { canManageCatalogues } from './catalogues.policy.ts';

type CreateInput = z.output<typeof contract.CreateLegalBasisRequest>;
type UpdateInput = z.output<typeof contract.UpdateLegalBasisRequest>;

/** Throws 403 unless the actor keeps the catalogues; the catalogues are no secret, so not 404. */
export function assertCanManageCatalogues(actor: PositionedActor): void {
  if (!canManageCatalogues(actor.position)) throw new ForbiddenError('Bara en administratör kan ändra katalogerna.');
}

export async function listLegalBases(
  db: Db,
  actor: PositionedActor,
  filter: repo.LegalBasisFilter,
): Promise<{ legalBases: contract.LegalBasis[] }> {
  return inTenant(db, actor.municipalityId, async (trx) => ({ legalBases: await repo.listLegalBases(trx, filter) }));
}

/** Adds a legal basis; the same code again only with validity that does not overlap (409). */
export async function createLegalBasis(
  db: Db,
  actor: PositionedActor,
  input: CreateInput,
): Promise<contract.LegalBasis> {
  assertCanManageCatalogues(actor);
  const fields = fieldsOf(input);
  return inTenant(db, actor.municipalityId, async (trx) => {
    await repo.lockCatalogues(trx, actor.municipalityId);
    await assertNoOverlap(trx, fields);
    const legalBasisId = await repo.insertLegalBasis(trx, actor.municipalityId, fields);
    await writeAudit(trx, actor, {
      action: 'catalogue.create',
      entityType: 'legal_basis',
      entityId: legalBasisId,
      details: {
        code: fields.code,
        validFrom: fields.validFrom,
        validTo: fields.validTo,
        serviceAreas: fields.serviceAreas,
      },
    });
    return getLegalBasisIn(trx, legalBasisId);
  });
}

/** Changes a legal basis if the version still matches; the audit row names the fields changed. */
export async function updateLegalBasis(
  db: Db,
  actor: PositionedActor,
  legalBasisId: string,
  input: UpdateInput,
): Promise<contract.LegalBasis> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Missing (or another municipality's) is 404 for everyone; only then 403.
    const found = await getLegalBasisIn(trx, legalBasisId);
    assertCanManageCatalogues(actor);
    if (found.version !== input.version) throw new ConflictError();
    const fields = fieldsOf(input);
    await repo.lockCatalogues(trx, actor.municipalityId);
    // Read again under the row lock: no decision can come to rest on it while the checks run.
    const current = await getLegalBasisIn(trx, legalBasisId, true);
    if (current.version !== input.version) throw new ConflictError();
    await assertNoOverlap(trx, fields, legalBasisId);
    if (current.isInUse) await assertDecisionsKeepTheirBasis(trx, current, fields);
    if (current.serviceAreas.some((area) => !fields.serviceAreas.includes(area)))
      await assertUsersKeepTheirAreas(trx, legalBasisId, fields);
    const changed = (Object.keys(fields) as (keyof repo.LegalBasisFields)[]).filter(
      (key) => String(fields[key]) !== String(current[key]),
    );
    if (!(await repo.updateLegalBasis(trx, legalBasisId, input.version, fields))) throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'catalogue.update',
      entityType: 'legal_basis',
      entityId: legalBasisId,
      details: { changed },
    });
    return getLegalBasisIn(trx, legalBasisId);
  });
}

async function getLegalBasisIn(trx: Trx, legalBasisId: string, forUpdate = false): Promise<contract.LegalBasis> {
  const legalBasis = await repo.findLegalBasis(trx, legalBasisId, { forUpdate });
  if (!legalBasis) throw new NotFoundError('Lagrummet hittades inte.');
  return legalBasis;
}

function fieldsOf(input: CreateInput): repo.LegalBasisFields {
  const fields = {
    code: input.code,
    description: input.description,
    validFrom: input.validFrom,
    validTo: input.validTo,
    serviceAreas: input.serviceAreas,
  };
  if (!isValidPeriod(periodOf(fields)))
    throw new ValidationError({ validTo: 'Sista giltighetsdag kan inte vara före första.' });
  return fields;
}

function periodOf(fields: { validFrom: string; validTo: string | null }): Period {
  return { from: fields.validFrom, to: fields.validTo };
}

/** "2025-07-01 – tills vidare", as the messages show a validity period. */
function periodText(period: Period): string {
  return `${period.from} – ${period.to ?? 'tills vidare'}`;
}

async function assertNoOverlap(trx: Trx, fields: repo.LegalBasisFields, exceptId?: string): Promise<void> {
  const clash = (await repo.listPeriodsOfCode(trx, fields.code, exceptId)).find((other) =>
    periodsOverlap(periodOf(other), periodOf(fields)),
  );
  if (!clash) return;
  const message = `${clash.code} finns redan med giltighet ${periodText(periodOf(clash))}. Samma lagrum får inte gälla två gånger samma dag.`;
  throw new ConflictError(message, { fieldErrors: { validFrom: message } });
}

/**
 * A decision keeps pointing at the row it was made under, so the row must go on saying what it
 * said then: the code stays, and the validity may change only while it still covers the date of
 * every decision resting on it.
 */
async function assertDecisionsKeepTheirBasis(
  trx: Trx,
  current: contract.LegalBasis,
  fields: repo.LegalBasisFields,
): Promise<void> {
  if (fields.code !== current.code) {
    const message =
      'Lagrummet används i beslut och koden kan inte ändras. Lägg upp det nya lagrummet som ett eget lagrum.';
    throw new ConflictError(message, { fieldErrors: { code: message } });
  }
  if (fields.validFrom === current.validFrom && fields.validTo === current.validTo) return;
  const outside = await repo.findDecisionDatesOutside(trx, current.id, periodOf(fields));
  if (!outside) return;
  const dates = outside.first === outside.last ? outside.first : `${outside.first} – ${outside.last}`;
  const message = `Lagrummet används i beslut fattade ${dates}. Giltighetstiden måste täcka dem.`;
  throw new ConflictError(message, {
    fieldErrors: { [fields.validFrom > outside.first ? 'validFrom' : 'validTo']: message },
  });
}

/**
 * An area may be taken away only while nothing rests on the legal basis there: a decision made in
 * it would no longer be allowed to rest on it, and an intervention type of it would propose a legal
 * basis its own decisions cannot use.
 */
async function assertUsersKeepTheirAreas(trx: Trx, legalBasisId: string, fields: repo.LegalBasisFields): Promise<void> {
  const message =
    areasInDecisionsProblem(fields.serviceAreas, await repo.listServiceAreasOfDecisions(trx, legalBasisId)) ??
    areasOfProposingTypesProblem(fields.serviceAreas, await repo.listTypesProposing(trx, legalBasisId));
  if (message) throw new ConflictError(message, { fieldErrors: { serviceAreas: message } });
}
