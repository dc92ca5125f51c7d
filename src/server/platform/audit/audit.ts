/**
 * Writes audit rows inside the caller's transaction, so the change (or read) and its audit row
 * commit or fail together.
 */
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

export async function writeAudits(trx: Trx, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx.insertInto('audit_events').values(events.map((event) => ({
    municipality_id: actor.municipalityId,
    user_id: actor.userId,
    position_id: actor.position?.id ?? null,
    unit_id: actor.position?.unitId ?? null,
    person_id: event.personId ?? null,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    request_id: actor.requestId,
    client_address: actor.clientAddress,
    details: JSON.stringify(event.details ?? {}),
  }))).execute();
}
