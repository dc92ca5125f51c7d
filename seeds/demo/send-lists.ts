/**
 * The demo's send lists, as the units keep them: the alarm group that personal-alarm assignments
 * also go to, the night patrol that the hospital-discharge routine tells, and a unit's management.
 */
import { sql } from 'kysely';
import type { OwnerDb } from '../lib/builders.ts';

interface DemoSendList {
  unit: string;
  name: string;
  purpose: 'alarm_group' | null;
  /** Demo user names. */
  members: string[];
  /** Also every active care staff member of the list's own unit (the night patrol's staff). */
  includesUnitCareStaff?: boolean;
}

const DEMO_SEND_LISTS: DemoSendList[] = [
  { unit: 'Larmgruppen', name: 'Jourlarmgruppen', purpose: 'alarm_group', members: ['larmansvarig'] },
  { unit: 'Nattpatrullen', name: 'Nattpatrullen', purpose: null, members: ['enhetschef'], includesUnitCareStaff: true },
  {
    unit: 'Blandaren htj ute',
    name: 'Blandaren htj ute – ledning',
    purpose: null,
    members: ['enhetschef', 'samordnare'],
  },
];

/** Creates the lists with their members; `unit` gives a demo unit's id by name. */
export async function createDemoSendLists(
  db: OwnerDb,
  municipalityId: string,
  unit: (name: string) => string,
): Promise<void> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const userId = (username: string) => {
    const found = users.find((user) => user.username === username);
    if (!found) throw new Error(`Demo user missing: ${username}`);
    return found.id;
  };
  for (const spec of DEMO_SEND_LISTS) {
    const unitId = unit(spec.unit);
    const list = await db
      .insertInto('send_lists')
      .values({ municipality_id: municipalityId, unit_id: unitId, name: spec.name, purpose: spec.purpose })
      .returning('id')
      .executeTakeFirstOrThrow();
    const staff = spec.includesUnitCareStaff ? await careStaffOf(db, municipalityId, unitId) : [];
    const memberIds = [...new Set([...spec.members.map(userId), ...staff])];
    await db
      .insertInto('send_list_members')
      .values(memberIds.map((id) => ({ municipality_id: municipalityId, send_list_id: list.id, user_id: id })))
      .execute();
  }
}

/** Active users with an active care-staff position in the unit. */
async function careStaffOf(db: OwnerDb, municipalityId: string, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('positions as p')
    .innerJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.user_id'),
    )
    .select('p.user_id')
    .distinct()
    .where('p.municipality_id', '=', municipalityId)
    .where('p.unit_id', '=', unitId)
    .where('p.is_active', '=', true)
    .where('u.is_active', '=', true)
    .where(sql<boolean>`'care_staff' = any(p.roles)`)
    .execute();
  return rows.map((row) => row.user_id);
}
