/**
 * Intervention types: read by everyone with a position, kept by administrators. Names are unique
 * within a service area; near-duplicates are allowed, since real catalogues hold them (the
 * "Stöd i boendet" variants that differ by agreement).
 * Once a decision grants a type, its service area is fixed: the decision, its statistics and its
 * assignments belong to the area it was made in. The legal basis it proposes must serve its area.
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { proposedLegalBasisProblem } from '../../../domain/catalogue-rules.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type * as contract from '../../../contract/catalogues.ts';
import * as repo from './intervention-type.repository.ts';
import { findLegalBasis, lockCatalogues } from './legal-basis.repository.ts';
import { assertCanManageCatalogues } from './legal-basis.service.ts';

type CreateInput = z.output<typeof contract.CreateInterventionTypeRequest>;
type UpdateInput = z.output<typeof contract.UpdateInterventionTypeRequest>;

export async function listInterventionTypes(
  db: Db,
  actor: PositionedActor,
  filter: repo.InterventionTypeFilter,
): Promise<{ interventionTypes: contract.InterventionType[] }> {
  return inTenant(db, actor.municipalityId, async (trx) => ({
    interventionTypes: await repo.listInterventionTypes(trx, filter),
  }));
}

/** Adds a type to a service area; its default legal basis must be the municipality's and still valid. */
export async function createInterventionType(
  db: Db,
  actor: PositionedActor,
  input: CreateInput,
): Promise<contract.InterventionType> {
  assertCanManageCatalogues(actor);
  const fields = fieldsOf(input);
  return inTenant(db, actor.municipalityId, async (trx) => {
    await lockCatalogues(trx, actor.municipalityId);
    await assertUsableLegalBasis(trx, fields.defaultLegalBasisId, fields.serviceArea);
    await assertNameFree(trx, fields.serviceArea, fields.name);
    const interventionTypeId = await repo.insertInterventionType(trx, actor.municipalityId, fields);
    await writeAudit(trx, actor, {
      action: 'catalogue.create',
      entityType: 'intervention_type',
      entityId: interventionTypeId,
      details: { serviceArea: fields.serviceArea, name: fields.name },
    });
    return getInterventionTypeIn(trx, interventionTypeId);
  });
}

/** Changes a type if the version still matches; the audit row names the fields changed. */
export async function updateInterventionType(
  db: Db,
  actor: PositionedActor,
  interventionTypeId: string,
  input: UpdateInput,
): Promise<contract.InterventionType> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Missing (or another municipality's) is 404 for everyone; only then 403.
    const current = await getInterventionTypeIn(trx, interventionTypeId);
    assertCanManageCatalogues(actor);
    if (current.version !== input.version) throw new ConflictError();
    const fields = fieldsOf(input);
    await lockCatalogues(trx, actor.municipalityId);
    if (fields.serviceArea !== current.serviceArea && current.isInUse) {
      const message =
        'Insatstypen används i beslut och kan inte flyttas till ett annat verksamhetsområde. Lägg upp en ny insatstyp där i stället.';
      throw new ConflictError(message, { fieldErrors: { serviceArea: message } });
    }
    // A default that has since expired may stay while the type is otherwise edited; a new choice must be valid.
    if (fields.defaultLegalBasisId !== current.defaultLegalBasisId)
      await assertUsableLegalBasis(trx, fields.defaultLegalBasisId, fields.serviceArea);
    else if (fields.defaultLegalBasisId && fields.serviceArea !== current.serviceArea)
      await assertLegalBasisOfArea(trx, fields.defaultLegalBasisId, fields.serviceArea);
    if (fields.serviceArea !== current.serviceArea || fields.name !== current.name)
      await assertNameFree(trx, fields.serviceArea, fields.name, interventionTypeId);
    const changed = (Object.keys(fields) as (keyof repo.InterventionTypeFields)[]).filter(
      (key) => fields[key] !== current[key],
    );
    if (!(await repo.updateInterventionType(trx, interventionTypeId, input.version, fields))) throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'catalogue.update',
      entityType: 'intervention_type',
      entityId: interventionTypeId,
      details: { changed },
    });
    return getInterventionTypeIn(trx, interventionTypeId);
  });
}

async function getInterventionTypeIn(trx: Trx, interventionTypeId: string): Promise<contract.InterventionType> {
  const interventionType = await repo.findInterventionType(trx, interventionTypeId);
  if (!interventionType) throw new NotFoundError('Insatstypen hittades inte.');
  return interventionType;
}

function fieldsOf(input: CreateInput): repo.InterventionTypeFields {
  return {
    serviceArea: input.serviceArea,
    name: input.name,
    keyCode: input.keyCode,
    defaultLegalBasisId: input.defaultLegalBasisId,
    scopeUnit: input.scopeUnit,
    isCarePlanExempt: input.isCarePlanExempt,
    isPersonalAlarm: input.isPersonalAlarm,
    isShortTermStay: input.isShortTermStay,
    nationalStatisticsCode: input.nationalStatisticsCode,
    isActive: input.isActive,
  };
}

/**
 * The default legal basis is proposed on every new decision, so it must exist in this
 * municipality (404, as for any id the caller cannot see), serve the type's area and not have
 * expired (400).
 */
async function assertUsableLegalBasis(
  trx: Trx,
  legalBasisId: string | null,
  serviceArea: ServiceAreaCode,
): Promise<void> {
  if (!legalBasisId) return;
  const legalBasis = await assertLegalBasisOfArea(trx, legalBasisId, serviceArea);
  if (legalBasis.validTo !== null && legalBasis.validTo < todayInSweden()) {
    throw new ValidationError({
      defaultLegalBasisId: `${legalBasis.code} gäller bara till ${legalBasis.validTo}. Välj ett lagrum som gäller nu.`,
    });
  }
}

/** The proposed legal basis (404 when missing) if it serves the area, else 400 on the field. */
async function assertLegalBasisOfArea(
  trx: Trx,
  legalBasisId: string,
  serviceArea: ServiceAreaCode,
): Promise<contract.LegalBasis> {
  const legalBasis = await findLegalBasis(trx, legalBasisId);
  if (!legalBasis) {
    const message = 'Lagrummet hittades inte.';
    throw new AppError(404, 'not_found', message, { fieldErrors: { defaultLegalBasisId: message } });
  }
  const problem = proposedLegalBasisProblem(legalBasis, serviceArea);
  if (problem) throw new ValidationError({ defaultLegalBasisId: problem });
  return legalBasis;
}

async function assertNameFree(trx: Trx, serviceArea: ServiceAreaCode, name: string, exceptId?: string): Promise<void> {
  if (!(await repo.isNameTaken(trx, serviceArea, name, exceptId))) return;
  const message = 'Det finns redan en insatstyp med det namnet i verksamhetsområdet.';
  throw new ConflictError(message, { fieldErrors: { name: message } });
}
