/**
 * Applies the plain SQL files in migrations/ in name order, once each, as the owner role.
 * A landed migration is never edited: a changed checksum stops the start-up with a clear error.
 * An advisory lock lets several app servers start at once without racing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export const APP_ROLE = 'vardag_app';
const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../../migrations');
const LOCK_KEY = 472_101_001;

export interface MigrationResult {
  applied: string[];
}

export async function migrate(ownerUrl: string, appRolePassword: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await ensureAppRole(client, appRolePassword);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
    const done = new Map<string, string>(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).rows
        .map((row) => [row.name, row.checksum]),
    );
    const applied: string[] = [];
    for (const file of await listMigrationFiles()) {
      const text = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`Migration ${file} was edited after it was applied; add a new migration instead.`);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(text);
        await client.query('insert into schema_migrations (name, checksum) values ($1, $2)', [file, checksum]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return { applied };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function listMigrationFiles(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{4}_.+\.sql$/.test(name)).sort();
}

/** The app's own login role: no superuser, no BYPASSRLS, so row-level security always applies. */
async function ensureAppRole(client: pg.Client, password: string): Promise<void> {
  const exists = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
  const literal = client.escapeLiteral(password);
  if (exists.rowCount === 0) {
    await client.query(`create role ${APP_ROLE} login nosuperuser nobypassrls nocreatedb nocreaterole password ${literal}`)
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
