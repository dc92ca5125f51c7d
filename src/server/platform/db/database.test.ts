/**
 * The pool survives PostgreSQL ending a connection at any moment. A connection ended while it is
 * checked out between statements (here: inside a transaction) emits 'error' on its client, which
 * pg's pool does not listen to then; unhandled, that ended the whole server process (seen when
 * the embedded PostgreSQL was killed under a server being asked /readyz).
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from './database.ts';

const appDb = createDb({ connectionString: inject('appUrl'), max: 2 });
const ownerDb = createDb({ connectionString: inject('ownerUrl'), max: 1 });
afterAll(async () => {
  await appDb.destroy();
  await ownerDb.destroy();
});

describe('the database pool', () => {
  it('survives its connection being ended in the middle of a transaction, and serves again', async () => {
    const transaction = appDb.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(ownerDb);
      // Between statements: the client is checked out and no query is running when the end arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 1`.execute(trx);
    });
    await expect(transaction).rejects.toThrow();
    const { rows } = await sql<{ answer: number }>`select 1 as answer`.execute(appDb);
    expect(rows).toEqual([{ answer: 1 }]);
  });
});
