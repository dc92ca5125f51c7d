/**
 * Every table and every column in schema public carries a COMMENT ON (STYLE.md habit 9), read
 * from the catalogue of the migrated test database, so a migration without comments fails here.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { sql } from 'kysely';
import { createDb, type Db } from '../../src/server/platform/db/database.ts';

/** The migrator's own bookkeeping, created outside the migrations. */
const EXEMPT = ['schema_migrations'];

let ownerDb: Db;

beforeAll(() => {
  ownerDb = createDb({ connectionString: inject('ownerUrl'), max: 1 });
});
afterAll(async () => ownerDb?.destroy());

describe('schema comments', () => {
  it('are on every table', async () => {
    const { rows } = await sql<{ table_name: string; comment: string | null }>`
      select c.relname as table_name, obj_description(c.oid, 'pg_class') as comment
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all(${EXEMPT})
       order by 1`.execute(ownerDb);
    expect(rows.length).toBeGreaterThan(10);
    const missing = rows.filter((row) => !row.comment?.trim()).map((row) => row.table_name);
    expect(missing, `Tables without COMMENT ON: ${missing.join(', ')}`).toEqual([]);
  });

  it('are on every column', async () => {
    const { rows } = await sql<{ column_name: string }>`
      select c.relname || '.' || a.attname as column_name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all(${EXEMPT})
         and coalesce(btrim(col_description(c.oid, a.attnum)), '') = ''
       order by 1`.execute(ownerDb);
    expect(
      rows.map((row) => row.column_name),
      'Columns without COMMENT ON',
    ).toEqual([]);
  });
});
