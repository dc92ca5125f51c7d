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
 * One statement whatever the count: the events travel as one JSON array, read back as rows, so a
 * folder listing thousands of persons writes its thousands of rows without hitting the parameter
 * limit of a multi-row VALUES. JSON rather than one array per column: the driver builds array
 * literals by string concatenation, which for a 50-hit search allocated about 60 KB a request and
 * was the largest single allocation of the search (bench/README.md).
 */
export async function writeAudits(trx: Trx, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(
    events.map((event) => ({
      person_id: event.personId ?? null,
      action: event.action,
      entity_type: event.entityType ?? null,
      entity_id: event.entityId ?? null,
      details: event.details ?? {},
    })),
  );
  await sql`
    insert into audit_events (municipality_id, user_id, position_id, unit_id, request_id, client_address, person_id, action, entity_type, entity_id, details)
    select ${actor.municipalityId}, ${actor.userId}, ${actor.position?.id ?? null}, ${actor.position?.unitId ?? null},
           ${actor.requestId}, ${actor.clientAddress}, e.person_id, e.action, e.entity_type, e.entity_id, e.details
      from jsonb_to_recordset(${rows}::jsonb) as e(person_id uuid, action text, entity_type text, entity_id uuid, details jsonb)`.execute(
    trx,
  );
}
