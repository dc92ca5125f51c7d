/**
 * What other modules show of a person so staff can reach them, inside the caller's transaction
 * (ADR 0017): the contact beside an assignment or a provider case, and the details a visitor needs
 * before a visit. Both mask a protected identity as the person's page does: no name, no address;
 * revealing them stays the person's own audited step (person.service.ts). The caller writes the
 * audit row of its read.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Address, PersonContact } from '../../../contract/persons.ts';
import * as repo from './person.repository.ts';
import * as contactRepo from './person-contact.repository.ts';

/**
 * The person's contact, for a reader whose access the caller decided on something it loaded with
 * the reader's scope (an assignment, a provider case); undefined when the person is missing.
 */
export async function findPersonContact(trx: Trx, personId: string): Promise<PersonContact | undefined> {
  const row = await contactRepo.findContactRow(trx, personId);
  if (!row) return undefined;
  const address = row.protectedIdentity ? undefined : await repo.findCurrentAddress(trx, personId);
  return { address: address ?? null, phone: row.phone, mobilePhone: row.mobilePhone };
}

export interface PersonVisitDetails {
  person: {
    id: string;
    identityNumber: string;
    /** Null for a protected identity, as in every answer but the reveal. */
    firstName: string | null;
    lastName: string | null;
    protectedIdentity: boolean;
  };
  contact: PersonContact;
  doorCode: string | null;
  visitInfo: string | null;
  importantInfo: string | null;
  keys: contactRepo.VisitKey[];
  relatives: contactRepo.VisitRelative[];
  referencePersons: contactRepo.VisitReferencePerson[];
}

/**
 * What a visitor needs of the person, found with the person in the scope of `scopeUnitIds` (the
 * caller's narrowing of the reader's person scope); missing and out of scope are the same 404.
 */
export async function getPersonVisitDetails(
  trx: Trx,
  scopeUnitIds: readonly string[],
  personId: string,
): Promise<PersonVisitDetails> {
  const person = scopeUnitIds.length ? await repo.findPersonInScope(trx, scopeUnitIds, personId) : undefined;
  if (!person) throw new NotFoundError('Personen hittades inte.');
  const isMasked = person.protectedIdentity;
  const address: Address | undefined = isMasked ? undefined : await repo.findCurrentAddress(trx, personId);
  return {
    person: {
      id: person.id,
      identityNumber: person.identityNumber,
      firstName: isMasked ? null : person.firstName,
      lastName: isMasked ? null : person.lastName,
      protectedIdentity: person.protectedIdentity,
    },
    contact: { address: address ?? null, phone: person.phone, mobilePhone: person.mobilePhone },
    doorCode: person.doorCode,
    visitInfo: person.visitInfo,
    importantInfo: person.importantInfo,
    keys: await contactRepo.listVisitKeys(trx, personId),
    relatives: await contactRepo.listVisitRelatives(trx, personId),
    referencePersons: await contactRepo.listVisitReferencePersons(trx, personId),
  };
}
