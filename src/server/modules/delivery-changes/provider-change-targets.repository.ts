/**
 * SQL over the organisation tree for a change of provider: the unit chosen to take over with the
 * provider it belongs to, and the units a row may move to.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { Ownership, ServiceAreaCode } from '../../../domain/organisation.ts';

export interface TargetUnit {
  id: string;
  name: string;
  kind: string;
  serviceArea: ServiceAreaCode;
  isActive: boolean;
  /** The nearest provider at or above the unit; null when it belongs to none. */
  provider: { id: string; name: string; isActive: boolean; hasSystemAccess: boolean } | null;
}

/** A unit with its provider; undefined when missing (or in another municipality). */
export async function findTargetUnit(trx: Trx, unitId: string): Promise<TargetUnit | undefined> {
  const { rows } = await sql<{
    id: string;
    name: string;
    kind: string;
    service_area: string;
    is_active: boolean;
    provider_id: string | null;
    provider_name: string | null;
    provider_active: boolean | null;
    provider_access: boolean | null;
  }>`
    with recursive up as (
      select id, parent_id, kind, name, is_active, has_system_access, 0 as depth from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind, u.name, u.is_active, u.has_system_access, up.depth + 1 from units u join up on u.id = up.parent_id
    )
    select t.id, t.name, t.kind, t.service_area, t.is_active,
           p.id as provider_id, p.name as provider_name, p.is_active as provider_active, p.has_system_access as provider_access
      from units t
      left join lateral (select * from up where up.kind = 'provider' order by depth limit 1) p on true
     where t.id = ${unitId}`.execute(trx);
  const row = rows[0];
  return (
    row && {
      id: row.id,
      name: row.name,
      kind: row.kind,
      serviceArea: row.service_area as ServiceAreaCode,
      isActive: row.is_active,
      provider: row.provider_id
        ? {
            id: row.provider_id,
            name: row.provider_name!,
            isActive: row.provider_active!,
            hasSystemAccess: row.provider_access!,
          }
        : null,
    }
  );
}

export interface TargetProvider {
  id: string;
  name: string;
  ownership: Ownership;
  units: { id: string; name: string }[];
}

/** Active providers with system access in the service area other than the given one, each with its active provider units. */
export async function listTargetProviders(
  trx: Trx,
  serviceArea: ServiceAreaCode,
  exceptProviderId: string,
): Promise<TargetProvider[]> {
  const { rows } = await sql<{
    provider_id: string;
    provider_name: string;
    ownership: string | null;
    unit_id: string;
    unit_name: string;
  }>`
    with recursive tree as (
      select id as provider_id, id from units
       where kind = 'provider' and service_area = ${serviceArea} and is_active and has_system_access and id <> ${exceptProviderId}
      union all
      select tree.provider_id, u.id from units u join tree on u.parent_id = tree.id where u.kind <> 'provider'
    )
    select p.id as provider_id, p.name as provider_name, p.ownership, u.id as unit_id, u.name as unit_name
      from tree
      join units p on p.id = tree.provider_id
      join units u on u.id = tree.id
     where u.kind = 'provider_unit' and u.is_active
     order by p.name collate "sv-x-icu", u.name collate "sv-x-icu"`.execute(trx);
  const providers = new Map<string, TargetProvider>();
  for (const row of rows) {
    const provider = providers.get(row.provider_id) ?? {
      id: row.provider_id,
      name: row.provider_name,
      ownership: (row.ownership ?? 'municipal') as Ownership,
      units: [],
    };
    provider.units.push({ id: row.unit_id, name: row.unit_name });
    providers.set(row.provider_id, provider);
  }
  return [...providers.values()];
}
