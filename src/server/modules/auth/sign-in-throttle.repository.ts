/**
 * The sign-in throttle's SQL (ADR 0015, migration 0030). All its state is in `login_attempts`, so
 * it holds across any number of app servers; the table is not tenant data (the tenant is unknown
 * until sign-in succeeds).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ThrottleCounts, Verdict } from './sign-in-throttle.ts';

export interface AttemptKey {
  /** Lower-cased. */
  username: string;
  clientAddress: string;
}

export interface ThrottleWindows {
  failureWindowHours: number;
  knownAddressDays: number;
}

/** An attempt left unsettled this long counts as a failure: its server died while checking it. */
const UNSETTLED_SECONDS = 30;

/**
 * Counts, asks `decide`, and when it says go records the attempt as unsettled, all under advisory
 * locks on the name and on the address: attempts sent all at once are decided one after the other,
 * each seeing the others' unsettled rows. Locks are always taken name first, so two attempts never
 * wait for each other's second lock. Returns the attempt's id when it may go on.
 */
export async function reserveAttempt(
  db: Db,
  key: AttemptKey,
  windows: ThrottleWindows,
  decide: (counts: ThrottleCounts) => Verdict,
): Promise<{ verdict: Verdict; attemptId?: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`vardag.sign_in.name:${key.username}`}, 0))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtextextended(${`vardag.sign_in.address:${key.clientAddress}`}, 0))`.execute(
      trx,
    );
    const verdict = decide(await countAttempts(trx, key, windows));
    if (verdict.kind !== 'go') return { verdict };
    const row = await trx
      .insertInto('login_attempts')
      .values({ username: key.username, client_address: key.clientAddress, succeeded: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { verdict, attemptId: row.id };
  });
}

type CountRow = Record<`${'pair' | 'address' | 'name'}_${'failures' | 'unsettled'}`, string> &
  Record<`${'pair' | 'address' | 'name'}_since`, number | null> & { is_known_address: boolean };

async function countAttempts(trx: Trx, key: AttemptKey, windows: ThrottleWindows): Promise<ThrottleCounts> {
  const { username, clientAddress } = key;
  // A pair of name and address that has signed in lately is the rightful user's (or the office's
  // own user's): its failures hold only that pair, never the address or the name as a whole.
  const { rows } = await sql<CountRow>`
    with known as (
      select k.username, k.client_address from login_attempts k
       where (k.username = ${username} or k.client_address = ${clientAddress}) and k.succeeded
         and k.attempted_at > now() - make_interval(days => ${windows.knownAddressDays})
    ), attempts as (
      select a.username = ${username} and a.client_address = ${clientAddress} as is_pair,
             a.username = ${username} as is_name, a.client_address = ${clientAddress} as is_address,
             exists (select 1 from known k where k.username = a.username and k.client_address = a.client_address) as is_known_pair,
             a.succeeded is null and a.attempted_at > now() - make_interval(secs => ${UNSETTLED_SECONDS}) as is_unsettled,
             a.attempted_at
        from login_attempts a
       where (a.username = ${username} or a.client_address = ${clientAddress}) and a.succeeded is not true
         and a.attempted_at > now() - make_interval(hours => ${windows.failureWindowHours})
    )
    select exists (select 1 from known where username = ${username} and client_address = ${clientAddress}) as is_known_address,
           count(*) filter (where is_pair and not is_unsettled) as pair_failures,
           count(*) filter (where is_pair and is_unsettled) as pair_unsettled,
           extract(epoch from now() - max(attempted_at) filter (where is_pair and not is_unsettled))::float8 as pair_since,
           count(*) filter (where is_address and not is_known_pair and not is_unsettled) as address_failures,
           count(*) filter (where is_address and not is_known_pair and is_unsettled) as address_unsettled,
           extract(epoch from now() - max(attempted_at) filter (where is_address and not is_known_pair and not is_unsettled))::float8 as address_since,
           count(*) filter (where is_name and not is_known_pair and not is_unsettled) as name_failures,
           count(*) filter (where is_name and not is_known_pair and is_unsettled) as name_unsettled,
           extract(epoch from now() - max(attempted_at) filter (where is_name and not is_known_pair and not is_unsettled))::float8 as name_since
      from attempts`.execute(trx);
  const row = rows[0]!;
  const keyCount = (prefix: 'pair' | 'address' | 'name') => ({
    failures: Number(row[`${prefix}_failures`]),
    unsettled: Number(row[`${prefix}_unsettled`]),
    secondsSinceLastFailure: row[`${prefix}_since`],
  });
  return {
    isKnownAddress: row.is_known_address,
    pair: keyCount('pair'),
    address: keyCount('address'),
    name: keyCount('name'),
  };
}

/**
 * Settles a reserved attempt; its time becomes the time the outcome was known, which a delay
 * counts from. A success ends the pair's run of failures and replaces its earlier success: one row
 * per known address is all that is kept. Attempts of the pair still being checked stay.
 */
export async function settleAttempt(db: Db, attemptId: number, key: AttemptKey, isSuccess: boolean): Promise<void> {
  await sql`
    with settled as (
      update login_attempts set succeeded = ${isSuccess}, attempted_at = now() where id = ${attemptId} returning id
    )
    delete from login_attempts
     where ${isSuccess} and username = ${key.username} and client_address = ${key.clientAddress}
       and succeeded is not null and id not in (select id from settled)`.execute(db);
}

/** Keeps the table small: failures outlive their window by nothing, known addresses their period. */
export async function pruneAttempts(db: Db, windows: ThrottleWindows): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('succeeded', 'is not', true),
          eb('attempted_at', '<', sql<Date>`now() - make_interval(hours => ${windows.failureWindowHours})`),
        ]),
        eb.and([
          eb('succeeded', '=', true),
          eb('attempted_at', '<', sql<Date>`now() - make_interval(days => ${windows.knownAddressDays})`),
        ]),
      ]),
    )
    .execute();
}
