/**
 * SQL for reaching a person: the phones and protection flag behind their contact, and the three
 * provider-kept lists in the order a visitor reads them. Rows become domain records here. The
 * caller has decided access (an assignment or a case it loaded with the reader's scope, or the
 * person found in scope by findPersonInScope); row-level security adds the tenant.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';

export interface ContactRow {
  protectedIdentity: boolean;
  phone: string | null;
  mobilePhone: string | null;
}

export async function findContactRow(trx: Trx, personId: string): Promise<ContactRow | undefined> {
  const row = await trx
    .selectFrom('persons')
    .select(['protected_identity', 'phone', 'mobile_phone'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return row && { protectedIdentity: row.protected_identity, phone: row.phone, mobilePhone: row.mobile_phone };
}

export interface VisitRelative {
  id: string;
  name: string;
  relation: string;
  phone: string | null;
  isNextOfKin: boolean;
}

export interface VisitReferencePerson {
  id: string;
  role: string;
  name: string;
  organisation: string | null;
  phone: string | null;
}

export interface VisitKey {
  id: string;
  keyNumber: string;
  description: string | null;
}

/** Relatives, the next of kin first, then in the order they were added. */
export async function listVisitRelatives(trx: Trx, personId: string): Promise<VisitRelative[]> {
  const rows = await trx
    .selectFrom('person_relatives')
    .select(['id', 'name', 'relation', 'phone', 'is_next_of_kin'])
    .where('person_id', '=', personId)
    .orderBy('is_next_of_kin', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    relation: row.relation,
    phone: row.phone,
    isNextOfKin: row.is_next_of_kin,
  }));
}

export async function listVisitReferencePersons(trx: Trx, personId: string): Promise<VisitReferencePerson[]> {
  const rows = await trx
    .selectFrom('person_reference_persons')
    .select(['id', 'role', 'name', 'organisation', 'phone'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    name: row.name,
    organisation: row.organisation,
    phone: row.phone,
  }));
}

export async function listVisitKeys(trx: Trx, personId: string): Promise<VisitKey[]> {
  const rows = await trx
    .selectFrom('person_keys')
    .select(['id', 'key_number', 'description'])
    .where('person_id', '=', personId)
    .orderBy(sql`key_number collate "sv-x-icu"`)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, keyNumber: row.key_number, description: row.description }));
}
