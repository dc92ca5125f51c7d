/**
 * Declarations that have drifted from the database on purpose, for the test that shows
 * test/table-types.ts catches drift (src/server/platform/db/schema.test.ts). Never used by the app.
 */
import type { ColumnType, Generated } from 'kysely';

export interface DriftedDB {
  municipalities: {
    id: Generated<string>;
    /** Wrong: not null in the table. */
    code: string | null;
    // Wrong: `name` is left out.
    is_active: Generated<boolean>;
    created_at: ColumnType<Date, Date | string | undefined, never>;
    /** Wrong: the table has no such column. */
    retired_on: string | null;
  };
  audit_events: {
    municipality_id: string;
    id: Generated<number>;
    occurred_at: ColumnType<Date, Date | string | undefined, never>;
    /** Wrong: null in the table (the system itself). */
    user_id: string;
    position_id: string | null;
    unit_id: string | null;
    person_id: string | null;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    request_id: string | null;
    client_address: string | null;
    details: ColumnType<unknown, string | undefined, never>;
  };
}
