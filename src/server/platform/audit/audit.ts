/**
 * Writes audit rows inside the caller's transaction, so the change (or read) and its audit row
 * commit or fail together.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/tenant.ts';
import type { Actor } from '../access/actor.ts';

export interface AuditEvent {
  action: string;
  entityType?: string;
  entityId?: string | null;
  personId?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(trx: Trx, actor: Actor, event: AuditEvent): Promise<void> {
  await writeAudits(trx, actor, [event]);
}

/**
 * One statement whatever the count: the per-event columns travel as arrays and are unnested, so a
 * folder listing thousands of persons writes its thousands of rows without hitting the parameter
 * limit of a multi-row VALUES.
 */
export async function writeAudits(trx: Trx, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await sql`
    insert into audit_events (municipality_id, user_id, position_id, unit_id, request_id, client_address, person_id, action, entity_type, entity_id, details)
    select ${actor.municipalityId}, ${actor.userId}, ${actor.position?.id ?? null}, ${actor.position?.unitId ?? null},
           ${actor.requestId}, ${actor.clientAddress}, e.person_id, e.action, e.entity_type, e.entity_id, e.details
      from unnest(${events.map((event) => event.personId ?? null)}::uuid[], ${events.map((event) => event.action)}::text[],
                  ${events.map((event) => event.entityType ?? null)}::text[], ${events.map((event) => event.entityId ?? null)}::uuid[],
                  ${events.map((event) => JSON.stringify(event.details ?? {}))}::jsonb[])
        as e(person_id, action, entity_type, entity_id, details)`.execute(trx);
}
