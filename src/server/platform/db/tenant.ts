/**
 * Every business query runs inside a transaction that first sets `app.municipality_id`.
 * Row-level security policies read that setting, so a query that forgets its WHERE still cannot
 * see another municipality's rows. `set_config(..., true)` is transaction-local: a pooled
 * connection never carries one caller's tenant into the next request.
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { DB } from './schema.ts';

export type Trx = Transaction<DB>;

export function inTenant<T>(db: Db, municipalityId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.municipality_id', ${municipalityId}, true)`.execute(trx);
    return fn(trx);
  });
}
