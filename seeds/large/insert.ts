/**
 * Bulk inserts for the large generator: one `insert … select from unnest(arrays)` per chunk of
 * rows, so 100,000 persons take a few dozen statements instead of 100,000 round trips.
 */
import { sql } from 'kysely';
import type { OwnerDb } from '../lib/builders.ts';
import type { LargePerson } from './persons.ts';

const CHUNK = 10_000;

export async function insertLargePersons(
  db: OwnerDb,
  municipalityId: string,
  persons: readonly LargePerson[],
  unitIds: ReadonlyMap<string, string>,
): Promise<void> {
  for (let start = 0; start < persons.length; start += CHUNK) {
    const chunk = persons.slice(start, start + CHUNK);
    await sql`
      insert into persons (municipality_id, id, identity_number, identity_kind, birth_date, sex, first_name, last_name, protected_identity, deceased_date)
      select ${municipalityId}::uuid, * from unnest(
        ${column(chunk, (p) => p.id)}::uuid[], ${column(chunk, (p) => p.identityNumber)}::text[], ${column(chunk, (p) => p.identityKind)}::text[],
        ${column(chunk, (p) => p.birthDate)}::date[], ${column(chunk, (p) => p.sex)}::text[], ${column(chunk, (p) => p.firstName)}::text[],
        ${column(chunk, (p) => p.lastName)}::text[], ${column(chunk, (p) => p.protectedIdentity)}::boolean[], ${column(chunk, (p) => p.deceasedDate)}::date[])`.execute(
      db,
    );

    const addresses = chunk.flatMap((person) =>
      person.addresses.map((address) => ({ personId: person.id, ...address })),
    );
    await sql`
      insert into person_addresses (municipality_id, person_id, street, postal_code, city, valid_from)
      select ${municipalityId}::uuid, * from unnest(
        ${column(addresses, (a) => a.personId)}::uuid[], ${column(addresses, (a) => a.street)}::text[],
        ${column(addresses, (a) => a.postalCode)}::text[], ${column(addresses, (a) => a.city)}::text[], ${column(addresses, (a) => a.validFrom)}::date[])`.execute(
      db,
    );

    const links = chunk.flatMap((person) =>
      person.links.map((link) => {
        const unitId = unitIds.get(link.unit);
        if (!unitId) throw new Error(`Large municipality has no unit named ${link.unit}`);
        return { personId: person.id, unitId, ...link };
      }),
    );
    await sql`
      insert into person_unit_links (municipality_id, person_id, unit_id, source, valid_from, valid_to)
      select ${municipalityId}::uuid, * from unnest(
        ${column(links, (l) => l.personId)}::uuid[], ${column(links, (l) => l.unitId)}::uuid[], ${column(links, (l) => l.source)}::text[],
        ${column(links, (l) => l.validFrom)}::date[], ${column(links, (l) => l.validTo)}::date[])`.execute(db);
  }
}

function column<T, V>(rows: readonly T[], value: (row: T) => V): V[] {
  return rows.map(value);
}
