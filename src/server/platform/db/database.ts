/**
 * The Kysely instance over a pg pool. DATE columns stay 'YYYY-MM-DD' strings so a date never
 * shifts with the server's time zone; counts (bigint) come back as numbers.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.ts';

pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<DB>;

export interface DatabaseOptions {
  connectionString: string;
  max?: number;
}

export function createDb({ connectionString, max = 10 }: DatabaseOptions): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: 'vardag' });
  // An idle connection that PostgreSQL ends (a restart, a failover, our own shutdown) makes the pool
  // emit 'error'; unhandled, that kills the process. The pool has already dropped the client and
  // opens a new one on the next query, so a line on stderr is all it needs.
  pool.on('error', (error) => console.error(`PostgreSQL ended an idle connection: ${error.message}`));
  // The pool listens to a client's errors only while it is idle. Ended while checked out between
  // statements (a transaction awaiting other work, the instant before release), the client emits
  // 'error' with no listener, and that too killed the process (seen with the embedded PostgreSQL
  // killed under a server asked /readyz). The next statement on it fails; the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
