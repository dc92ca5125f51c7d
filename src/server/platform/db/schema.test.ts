/**
 * The hand-written table types (schema.ts, tables/) against the migrated test database: every
 * table and column in both, with the same nullability, so a migration cannot leave them behind
 * (ADR 0018). The comparison itself is shown to catch drift on declarations wrong on purpose.
 */
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './database.ts';
import { compareTables, databaseTables, declaredTables } from '../../../../test/table-types.ts';

const ownerDb = createDb({ connectionString: inject('ownerUrl'), max: 1 });
afterAll(async () => ownerDb.destroy());

const SCHEMA = path.join(import.meta.dirname, 'schema.ts');
/** Reading the types with the compiler takes seconds, more on a busy machine. */
const COMPILER_TIMEOUT = 120_000;
const DRIFTED = path.resolve(import.meta.dirname, '../../../../test/table-types.sample.ts');

describe('the Kysely table types', () => {
  it(
    'declare every table and column of the migrated database, with its nullability',
    async () => {
      const declared = declaredTables(SCHEMA, 'DB');
      expect(declared.get('persons')?.get('first_name')).toBe(false);
      expect(declared.get('persons')?.get('deceased_date')).toBe(true);
      expect(compareTables(declared, await databaseTables(ownerDb))).toEqual([]);
    },
    COMPILER_TIMEOUT,
  );

  it(
    'fail for a column the type lacks, one the table lacks, and nullability either way',
    async () => {
      const declared = declaredTables(DRIFTED, 'DriftedDB');
      const actual = await databaseTables(ownerDb);
      const sameTables = new Map([...actual].filter(([table]) => declared.has(table)));
      expect(compareTables(declared, sameTables)).toEqual([
        'municipalities.code: the database says not null, the type null',
        'municipalities.retired_on: declared, but the table has no such column',
        'municipalities.name: in the database, missing from the type',
        'audit_events.user_id: the database says null, the type not null',
      ]);
    },
    COMPILER_TIMEOUT,
  );

  it('fail for a table the database has and DB lacks, and one DB declares that the database lacks', () => {
    const declared = new Map([['old_table', new Map([['id', false]])]]);
    const actual = new Map([
      ['new_table', new Map([['id', false]])],
      ['schema_migrations', new Map()],
    ]);
    expect(compareTables(declared, actual)).toEqual([
      'old_table: declared, but the database has no such table',
      'new_table: in the database, missing from DB',
    ]);
  });
});
