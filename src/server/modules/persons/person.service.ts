/**
 * Persons: search, register, read and edit. Every read of a person's data and every change
 * writes its audit row in the same transaction. Protected identities stay masked unless revealed.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { parseIdentityNumber } from '../../../domain/identity-number.ts';
import { parsePersonSearch } from '../../../domain/person-search.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import type * as contract from '../../../contract/persons.ts';
import * as repo from './person.repository.ts';
import * as policy from './person.policy.ts';

/** Hits a search shows at most (also what it costs against the read limits). */
export const SEARCH_LIMIT = 50;

export async function searchPersons(
  db: Db,
  actor: PositionedActor,
  text: string,
): Promise<contract.PersonSearchResult> {
  const search = parsePersonSearch(text);
  if (search.kind === 'invalid') throw new ValidationError({ q: search.error }, search.error);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows = await repo.searchPersons(trx, actor.position.personScopeUnitIds, search, SEARCH_LIMIT + 1);
    const hits = rows.slice(0, SEARCH_LIMIT);
    await writeAudits(
      trx,
      actor,
      hits.map((hit) => ({
        action: 'person.search_hit',
        entityType: 'person',
        entityId: hit.id,
        personId: hit.id,
        details: { search: search.kind },
      })),
    );
    return { hits: hits.map(maskSummary), hasMore: rows.length > SEARCH_LIMIT };
  });
}

/** Lists never show a protected person's name. */
export function maskSummary(person: repo.PersonSummary): contract.PersonSearchHit {
  return person.protectedIdentity ? { ...person, firstName: null, lastName: null } : person;
}

export async function getPerson(db: Db, actor: PositionedActor, personId: string): Promise<contract.PersonDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const person = await getPersonInScope(trx, actor, personId);
    const address = person.protectedIdentity ? undefined : await repo.findCurrentAddress(trx, personId);
    await writeAudit(trx, actor, { action: 'person.read', entityType: 'person', entityId: personId, personId });
    return toDetail(actor, person, address ?? null);
  });
}

/** The person if in the actor's scope; missing and out of scope are the same 404. */
export async function getPersonInScope(trx: Trx, actor: PositionedActor, personId: string): Promise<repo.PersonRecord> {
  const person = await repo.findPersonInScope(trx, actor.position.personScopeUnitIds, personId);
  if (!person) throw new NotFoundError('Personen hittades inte.');
  return person;
}

function toDetail(
  actor: PositionedActor,
  person: repo.PersonRecord,
  address: contract.Address | null,
): contract.PersonDetail {
  const isMasked = person.protectedIdentity;
  const { version, ...fields } = person;
  return {
    ...fields,
    firstName: isMasked ? null : person.firstName,
    lastName: isMasked ? null : person.lastName,
    currentAddress: isMasked ? null : address,
    version,
    permissions: {
      canEditCore: policy.canEditPersonCore(actor.position),
      canEditProviderTabs: policy.canEditPersonProviderTabs(actor.position),
      canRevealProtected: policy.canRevealProtectedIdentity(actor.position),
      canReviewAccessLog: policy.canReviewPersonAccessLog(actor.position),
    },
  };
}

export async function revealProtectedIdentity(db: Db, actor: PositionedActor, personId: string, reason: string) {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const person = await getPersonInScope(trx, actor, personId);
    if (!policy.canRevealProtectedIdentity(actor.position))
      throw new ForbiddenError('Du har inte behörighet att se skyddade personuppgifter.');
    const address = await repo.findCurrentAddress(trx, personId);
    await writeAudit(trx, actor, {
      action: 'person.reveal_protected',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { reason },
    });
    return { firstName: person.firstName, lastName: person.lastName, currentAddress: address ?? null };
  });
}

/**
 * Registers a person and links them to the actor's unit. If the number is already registered in
 * the municipality (say, by another service area), the existing person is linked instead: the
 * application that brought them here is the need to know, and the link is audited.
 */
export async function registerPerson(
  db: Db,
  actor: PositionedActor,
  input: contract.RegisterPersonRequest & { protectedIdentity: boolean },
) {
  if (!policy.canRegisterPerson(actor.position))
    throw new ForbiddenError('Du har inte behörighet att registrera personer.');
  const parsed = parseIdentityNumber(input.identityNumber);
  if (!parsed.ok) throw new ValidationError({ identityNumber: parsed.error });
  return inTenant(db, actor.municipalityId, async (trx) => {
    const existingId = await repo.findPersonIdByIdentityNumber(trx, parsed.value.normalized);
    const personId =
      existingId ??
      (await repo.insertPerson(trx, {
        municipalityId: actor.municipalityId,
        identityNumber: parsed.value.normalized,
        identityKind: parsed.value.kind,
        birthDate: parsed.value.birthDate,
        sex: parsed.value.sex,
        firstName: input.firstName,
        lastName: input.lastName,
        protectedIdentity: input.protectedIdentity,
      }));
    if (!existingId && input.address) {
      await repo.insertAddress(trx, actor.municipalityId, personId, {
        ...input.address,
        careOf: input.address.careOf ?? null,
        validFrom: input.address.validFrom ?? todayInSweden(),
      });
    }
    await repo.linkPersonToUnit(trx, actor.municipalityId, personId, actor.position.unitId, 'registered');
    await writeAudit(trx, actor, {
      action: existingId ? 'person.link' : 'person.create',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { unitId: actor.position.unitId },
    });
    return { id: personId, alreadyRegistered: existingId !== undefined };
  });
}

type Section = 'core' | 'contact' | 'visit_info' | 'important_info';

/** Saves one tab's fields if the version still matches; the audit row names the fields changed. */
export async function updatePersonSection(
  db: Db,
  actor: PositionedActor,
  personId: string,
  section: Section,
  version: number,
  patch: repo.PersonPatch,
): Promise<contract.PersonDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const person = await getPersonInScope(trx, actor, personId);
    const isAllowed =
      section === 'core' ? policy.canEditPersonCore(actor.position) : policy.canEditPersonProviderTabs(actor.position);
    if (!isAllowed) throw new ForbiddenError('Du har inte behörighet att ändra de här uppgifterna.');
    const changed = Object.keys(patch).filter(
      (key) => person[key as keyof repo.PersonPatch] !== patch[key as keyof repo.PersonPatch],
    );
    if (!(await repo.updatePerson(trx, personId, version, patch))) throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'person.update',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section, changed },
    });
    const updated = await getPersonInScope(trx, actor, personId);
    const address = updated.protectedIdentity ? undefined : await repo.findCurrentAddress(trx, personId);
    return toDetail(actor, updated, address ?? null);
  });
}

/** The core tab: a changed identity number is parsed again, and birth date and sex follow it. */
export function corePatch(
  input: contract.UpdatePersonCore & { contactLanguage: string | null; citizenship: string | null },
): repo.PersonPatch {
  const parsed = parseIdentityNumber(input.identityNumber);
  if (!parsed.ok) throw new ValidationError({ identityNumber: parsed.error });
  if (input.deceasedDate && input.deceasedDate < parsed.value.birthDate) {
    throw new ValidationError({ deceasedDate: 'Dödsdatum kan inte vara före födelsedatum.' });
  }
  return {
    identityNumber: parsed.value.normalized,
    identityKind: parsed.value.kind,
    birthDate: parsed.value.birthDate,
    sex: parsed.value.sex,
    firstName: input.firstName,
    lastName: input.lastName,
    protectedIdentity: input.protectedIdentity,
    contactLanguage: input.contactLanguage,
    needsInterpreter: input.needsInterpreter,
    maritalStatus: input.maritalStatus ?? null,
    citizenship: input.citizenship,
    bornAbroad: input.bornAbroad ?? null,
    deceasedDate: input.deceasedDate ?? null,
  };
}

export async function listAddresses(db: Db, actor: PositionedActor, personId: string): Promise<contract.Address[]> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const person = await getPersonInScope(trx, actor, personId);
    if (person.protectedIdentity)
      throw new ForbiddenError('Adressen är skyddad. Visa skyddade uppgifter för att se den.');
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section: 'addresses' },
    });
    return repo.listAddresses(trx, personId);
  });
}

export async function addAddress(
  db: Db,
  actor: PositionedActor,
  personId: string,
  address: contract.NewAddress,
): Promise<contract.Address[]> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const person = await getPersonInScope(trx, actor, personId);
    if (!policy.canEditPersonCore(actor.position))
      throw new ForbiddenError('Du har inte behörighet att ändra adressen.');
    const addressId = await repo
      .insertAddress(trx, actor.municipalityId, personId, address)
      .catch((error: { code?: string }) => {
        if (error.code === '23505')
          throw new ValidationError({ validFrom: 'Det finns redan en adress från det datumet.' });
        throw error;
      });
    await writeAudit(trx, actor, {
      action: 'person.update',
      entityType: 'person_address',
      entityId: addressId,
      personId,
      details: { section: 'addresses' },
    });
    // A protected identity's addresses stay hidden here too; revealing is its own, audited step.
    return person.protectedIdentity ? [] : repo.listAddresses(trx, personId);
  });
}

export async function getPersonAccessLog(
  db: Db,
  actor: PositionedActor,
  personId: string,
): Promise<contract.AccessLogEntryList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    if (!policy.canReviewPersonAccessLog(actor.position))
      throw new ForbiddenError('Du har inte behörighet att se loggen.');
    const rows = await repo.listPersonAccessLog(trx, personId, 200);
    await writeAudit(trx, actor, {
      action: 'person.read_access_log',
      entityType: 'person',
      entityId: personId,
      personId,
    });
    return { entries: rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })) };
  });
}
