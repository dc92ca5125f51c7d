/**
 * SQL over the organisation tree for assignments: who at a provider receives new assignments,
 * the alarm groups told of a service area's personal alarms, and which providers a position belongs to.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import { alarmGroupServiceArea } from '../../../domain/alarm-groups.ts';
import { listAlarmGroupAreas, NEW_ASSIGNMENT_RECEIVER_ROLES } from '../../platform/access/assignment-scope.ts';

export interface Receiver {
  id: string;
  name: string;
}

/**
 * Users with an active position holding a receiving role (verksamhetschef, enhetschef, samordnare)
 * at the provider or any unit below it.
 */
export async function listProviderReceivers(trx: Trx, providerId: string): Promise<Receiver[]> {
  const { rows } = await sql<Receiver>`
    with recursive tree as (
      select id from units where id = ${providerId}
      union all
      select u.id from units u join tree on u.parent_id = tree.id
    )
    select distinct users.id, users.display_name as name
      from positions
      join users on users.municipality_id = positions.municipality_id and users.id = positions.user_id
     where positions.unit_id in (select id from tree)
       and positions.is_active and users.is_active
       and positions.roles && ${[...NEW_ASSIGNMENT_RECEIVER_ROLES]}::text[]
     order by name`.execute(trx);
  return rows;
}

/**
 * The alarm groups told of a personal alarm in the service area: active send lists with the
 * purpose alarm_group kept by units of the area alarmGroupServiceArea picks (the area's own, or
 * the municipality's one alarm area, or ÄO's; seed 004: Jourlarmgruppen). Empty when none is.
 */
export async function listAlarmGroups(trx: Trx, serviceArea: ServiceAreaCode): Promise<Receiver[]> {
  const groupArea = alarmGroupServiceArea(serviceArea, await listAlarmGroupAreas(trx));
  if (groupArea === null) return [];
  return trx
    .selectFrom('send_lists as sl')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'sl.municipality_id').onRef('u.id', '=', 'sl.unit_id'),
    )
    .select(['sl.id', 'sl.name'])
    .where('sl.purpose', '=', 'alarm_group')
    .where('sl.is_active', '=', true)
    .where('u.service_area', '=', groupArea)
    .orderBy('sl.name')
    .execute();
}
