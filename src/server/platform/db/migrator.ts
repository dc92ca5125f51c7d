/**
 * Applies the plain SQL files in migrations/ in name order, once each, as the owner role, each in its
 * own transaction. Before applying anything it compares the folder with what the database recorded,
 * and stops with nothing applied when they disagree (migrations/README.md):
 * - a recorded migration whose file is gone (removed or renamed);
 * - a recorded migration whose file was edited (its checksum changed): a landed migration is never edited;
 * - a pending migration that sorts below the highest one applied: it would run after that one here
 *   but before it on a new database, so it must be renumbered above.
 * An advisory lock lets several app servers start at once without racing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export const APP_ROLE = 'vardag_app';
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../migrations');
const LOCK_KEY = 472_101_001;
const FILE_NAME = /^(\d{4})_(.+\.sql)$/;

export interface MigrationResult {
  applied: string[];
}

export interface MigrateOptions {
  /** The folder of `NNNN_name.sql` files; migrations/ unless a test points it at a folder of its own. */
  directory?: string;
}

interface MigrationFile {
  name: string;
  text: string;
  checksum: string;
}

export async function migrate(
  ownerUrl: string,
  appRolePassword: string,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const directory = options.directory ?? MIGRATIONS_DIR;
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await ensureAppRole(client, appRolePassword);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const recorded = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows.map(
        (row) => [row.name, row.checksum],
      ),
    );
    const files = await readMigrationFiles(directory);
    const problems = findProblems(files, recorded, directory);
    if (problems.length > 0) throw new Error([...problems, 'Nothing was applied.'].join('\n'));
    const applied: string[] = [];
    for (const file of files.filter((candidate) => !recorded.has(candidate.name))) {
      await client.query('begin');
      try {
        await client.query(file.text);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [
          file.name,
          file.checksum,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      applied.push(file.name);
    }
    return { applied };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** The folder's migration files in name order, the order they are applied in. */
async function readMigrationFiles(directory: string): Promise<MigrationFile[]> {
  const names = (await readdir(directory)).filter((name) => FILE_NAME.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(path.join(directory, name), 'utf8');
      return { name, text, checksum: createHash('sha256').update(text).digest('hex') };
    }),
  );
}

/** Every way the folder disagrees with the database's record, one sentence each; empty when it may migrate. */
function findProblems(files: MigrationFile[], recorded: Map<string, string>, directory: string): string[] {
  const problems: string[] = [];
  const present = new Set(files.map((file) => file.name));
  for (const name of [...recorded.keys()].sort()) {
    if (present.has(name)) continue;
    problems.push(
      `Migration ${name} is recorded as applied in this database, but its file is missing from ${directory}. ` +
        'Restore the file: a landed migration is never removed or renamed. ' +
        '(A development database that ran a migration which never landed is reset with npm run db:reset.)',
    );
  }
  for (const file of files) {
    const checksum = recorded.get(file.name);
    if (checksum !== undefined && checksum !== file.checksum) {
      problems.push(`Migration ${file.name} was edited after it was applied; add a new migration instead.`);
    }
  }
  const highestApplied = [...recorded.keys()].sort().at(-1);
  if (highestApplied === undefined) return problems;
  let nextNumber = Math.max(...[...present, ...recorded.keys()].map(numberOf)) + 1;
  for (const file of files) {
    if (recorded.has(file.name) || file.name > highestApplied) continue;
    const suggestion = `${String(nextNumber++).padStart(4, '0')}_${file.name.replace(FILE_NAME, '$2')}`;
    problems.push(
      `Migration ${file.name} is not applied yet, but it is numbered below ${highestApplied}, which this database has already applied, ` +
        `so it would run after ${highestApplied} here and before it on a new database. Renumber it above ${highestApplied}: ${suggestion}.`,
    );
  }
  return problems;
}

/** The four-digit number a migration's name starts with (0 for a recorded name that has none). */
function numberOf(name: string): number {
  return Number(FILE_NAME.exec(name)?.[1] ?? 0);
}

/** The app's own login role: no superuser, no BYPASSRLS, so row-level security always applies. */
async function ensureAppRole(client: pg.Client, password: string): Promise<void> {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
  const literal = client.escapeLiteral(password);
  if (exists.rowCount === 0) {
    await client
      .query(`create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole password ${literal}`)
      .catch((error: { code?: string }) => {
        // Another database in the same cluster may have created it a moment ago.
        if (error.code !== '23505' && error.code !== '42710') throw error;
      });
  } else {
    await client.query(`alter role ${APP_ROLE} login nosuperuser nobypassrls password ${literal}`);
  }
  const db = (await client.query<{ db: string }>('select current_database() as db')).rows[0]!.db;
  await client.query(`grant connect, temporary on database ${client.escapeIdentifier(db)} to ${APP_ROLE}`);
}

/** Drops everything the migrations made, for `npm run db:reset` and tests. */
export async function dropSchema(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('drop schema public cascade');
    await client.query('create schema public');
    await client.query('grant usage on schema public to public');
  } finally {
    await client.end();
  }
}
