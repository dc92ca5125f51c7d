/**
 * All SQL for send lists and their members. Row-level security keeps every query inside the
 * municipality; rows become records here.
 */
import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { SendListTable } from '../../platform/db/schema.ts';
import { describeUsers } from './recipient.repository.ts';

export interface SendListRecord {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  purpose: 'alarm_group' | null;
  isActive: boolean;
  memberCount: number;
  version: number;
}

export interface SendListMemberRecord {
  userId: string;
  displayName: string;
  description: string;
  isActive: boolean;
}

function listsWithUnit(trx: Trx) {
  return trx
    .selectFrom('send_lists as l')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'l.municipality_id').onRef('u.id', '=', 'l.unit_id'),
    )
    .select([
      'l.id',
      'l.name',
      'l.unit_id',
      'u.name as unit_name',
      'l.purpose',
      'l.is_active',
      'l.version',
      (eb) =>
        eb
          .selectFrom('send_list_members as sm')
          .innerJoin('users as mu', (join) =>
            join.onRef('mu.municipality_id', '=', 'sm.municipality_id').onRef('mu.id', '=', 'sm.user_id'),
          )
          .select((count) => count.fn.countAll<number>().as('n'))
          .whereRef('sm.send_list_id', '=', 'l.id')
          .where('mu.is_active', '=', true)
          .as('member_count'),
    ]);
}

type ListRow = Pick<Selectable<SendListTable>, 'id' | 'name' | 'unit_id' | 'purpose' | 'is_active' | 'version'> & {
  unit_name: string;
  member_count: number | null;
};

function toRecord(row: ListRow): SendListRecord {
  return {
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    purpose: row.purpose as SendListRecord['purpose'],
    isActive: row.is_active,
    memberCount: Number(row.member_count ?? 0),
    version: row.version,
  };
}

/** Every list of the municipality (only active ones unless asked), in Swedish name order. */
export async function listSendLists(trx: Trx, includeInactive: boolean): Promise<SendListRecord[]> {
  let query = listsWithUnit(trx);
  if (!includeInactive) query = query.where('l.is_active', '=', true);
  const rows = await query
    .orderBy(sql`l.name collate "sv-x-icu"`)
    .orderBy(sql`u.name collate "sv-x-icu"`)
    .orderBy('l.id')
    .execute();
  return rows.map(toRecord);
}

export async function findSendList(trx: Trx, sendListId: string): Promise<SendListRecord | undefined> {
  const row = await listsWithUnit(trx).where('l.id', '=', sendListId).executeTakeFirst();
  return row && toRecord(row);
}

/** Members in Swedish name order, inactive users included (they receive nothing). */
export async function listMembers(trx: Trx, sendListId: string): Promise<SendListMemberRecord[]> {
  const rows = await trx
    .selectFrom('send_list_members as sm')
    .innerJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'sm.municipality_id').onRef('u.id', '=', 'sm.user_id'),
    )
    .select(['u.id', 'u.display_name', 'u.is_active'])
    .where('sm.send_list_id', '=', sendListId)
    .orderBy(sql`u.display_name collate "sv-x-icu"`)
    .orderBy('u.id')
    .execute();
  const descriptions = await describeUsers(
    trx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    userId: row.id,
    displayName: row.display_name,
    description: descriptions.get(row.id) ?? '',
    isActive: row.is_active,
  }));
}

/** Active units, for choosing where a new list lives. */
export async function listActiveUnits(trx: Trx): Promise<{ id: string; name: string }[]> {
  return trx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('is_active', '=', true)
    .orderBy(sql`name collate "sv-x-icu"`)
    .orderBy('id')
    .execute();
}

export async function findUnit(trx: Trx, unitId: string): Promise<{ id: string; isActive: boolean } | undefined> {
  const row = await trx.selectFrom('units').select(['id', 'is_active']).where('id', '=', unitId).executeTakeFirst();
  return row && { id: row.id, isActive: row.is_active };
}

export interface SendListFields {
  name: string;
  purpose: 'alarm_group' | null;
}

export async function insertSendList(
  trx: Trx,
  municipalityId: string,
  unitId: string,
  fields: SendListFields,
): Promise<string> {
  const row = await trx
    .insertInto('send_lists')
    .values({ municipality_id: municipalityId, unit_id: unitId, name: fields.name, purpose: fields.purpose })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the change if the version still matches; false means someone else saved first. */
export async function updateSendList(
  trx: Trx,
  sendListId: string,
  version: number,
  fields: SendListFields & { isActive: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable('send_lists')
    .set({
      name: fields.name,
      purpose: fields.purpose,
      is_active: fields.isActive,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', sendListId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Adds the member; true if they were not one already. */
export async function insertMember(
  trx: Trx,
  municipalityId: string,
  sendListId: string,
  userId: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('send_list_members')
    .values({ municipality_id: municipalityId, send_list_id: sendListId, user_id: userId })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Removes the member; false if they were not one. */
export async function deleteMember(trx: Trx, sendListId: string, userId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('send_list_members')
    .where('send_list_id', '=', sendListId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function findUser(
  trx: Trx,
  userId: string,
): Promise<{ id: string; displayName: string; isActive: boolean } | undefined> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'display_name', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && { id: row.id, displayName: row.display_name, isActive: row.is_active };
}
