/** Runs statements that must be refused, so that none can change anything if it goes through. */
import type { sql } from 'kysely';
import type { Db } from '../../src/server/platform/db/database.ts';

/** Runs a statement as the owner in a transaction that is rolled back even if the statement goes through. */
export async function asOwnerRolledBack(ownerDb: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await ownerDb.transaction().execute(async (trx) => {
    await statement.execute(trx);
    throw new Error('the statement went through');
  });
}
