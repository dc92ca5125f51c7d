/**
 * Reading the audit log in tests, through the owner connection (server.ownerDb), so that what a
 * request wrote is seen whatever the tenant.
 */
import type { Db } from '../src/server/platform/db/database.ts';
import type { TestResponse } from './http-client.ts';

/** Which audit rows to read; every field given must match. */
export interface AuditFilter {
  action?: string;
  personId?: string;
  entityId?: string;
  /** The answer whose request wrote them, by its x-request-id (none matches nothing). */
  response?: Pick<TestResponse, 'headers'>;
}

/** The audit_events rows matching the filter, oldest first. */
export async function auditRows(ownerDb: Db, filter: AuditFilter) {
  let query = ownerDb.selectFrom('audit_events').selectAll().orderBy('id');
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.response) query = query.where('request_id', '=', filter.response.headers.get('x-request-id'));
  return query.execute();
}
