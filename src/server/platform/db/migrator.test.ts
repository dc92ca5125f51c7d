/**
 * The migrator against a real PostgreSQL: each test makes an empty database of its own (dropped
 * after) and, but for the first, a folder of small migrations that log the order they ran in.
 * What it refuses, it refuses before applying anything (migrations/README.md).
 */
import { readdir, rm, unlink, writeFile, appendFile, rename } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { APP_ROLE, migrate } from './migrator.ts';
import { appUrlFrom } from './connection.ts';
import { scratchFolder } from '../../../../test/scratch.ts';

const APP_PASSWORD = decodeURIComponent(new URL(inject('appUrl')).password);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty database of the test's own on the run's PostgreSQL; its owner URL. */
async function emptyDatabase(label: string): Promise<string> {
  const url = new URL(inject('ownerUrl'));
  const name = `${url.pathname.slice(1)}_migrator_${label}_${process.pid}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const drop = `drop database if exists ${admin.escapeIdentifier(name)} with (force)`;
  await admin.query(drop);
  await admin.query(`create database ${admin.escapeIdentifier(name)}`);
  cleanups.push(async () => {
    await admin.query(drop);
    await admin.end();
  });
  url.pathname = `/${name}`;
  return url.toString();
}

/** A folder of migrations; 0001 makes the log every migration writes its own name to. */
async function migrationFolder(...names: string[]): Promise<string> {
  const folder = await scratchFolder('migrator-');
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  await writeFile(
    path.join(folder, '0001_log.sql'),
    'create table migration_log (id serial primary key, name text not null);\n' +
      "insert into migration_log (name) values ('0001_log.sql');\n",
  );
  for (const name of names) await addMigration(folder, name);
  return folder;
}

async function addMigration(folder: string, name: string, sql = ''): Promise<void> {
  await writeFile(path.join(folder, name), `${sql}insert into migration_log (name) values ('${name}');\n`);
}

async function query(ownerUrl: string, text: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(text)).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

const ranInOrder = (ownerUrl: string) => query(ownerUrl, 'select name from migration_log order by id');
const recorded = (ownerUrl: string) => query(ownerUrl, 'select name from schema_migrations order by name');

describe('the migrator', () => {
  it('applies every file in migrations/ to a fresh database, in name order, and nothing the second time', async () => {
    const ownerUrl = await emptyDatabase('fresh');
    const files = (await readdir(path.resolve(import.meta.dirname, '../../../../migrations')))
      .filter((name) => /^\d{4}_.+\.sql$/.test(name))
      .sort();
    expect(files.length).toBeGreaterThan(20);

    expect((await migrate(ownerUrl, APP_PASSWORD)).applied).toEqual(files);
    expect(await recorded(ownerUrl)).toEqual(files);
    expect((await migrate(ownerUrl, APP_PASSWORD)).applied).toEqual([]);
    // The app's role signs in to it with its password.
    const app = new pg.Client({ connectionString: appUrlFrom(ownerUrl, APP_PASSWORD) });
    await app.connect();
    expect((await app.query<{ user: string }>('select current_user as user')).rows).toEqual([{ user: APP_ROLE }]);
    await app.end();
  });

  it('applies a new file numbered above the highest applied one, after it', async () => {
    const ownerUrl = await emptyDatabase('above');
    const folder = await migrationFolder('0002_a.sql', '0004_b.sql');
    await migrate(ownerUrl, APP_PASSWORD, { directory: folder });
    await addMigration(folder, '0005_c.sql');

    expect((await migrate(ownerUrl, APP_PASSWORD, { directory: folder })).applied).toEqual(['0005_c.sql']);
    expect(await ranInOrder(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql', '0004_b.sql', '0005_c.sql']);
  });

  it('refuses a new file numbered into a gap below the highest applied one, applies nothing, and takes it renumbered', async () => {
    const ownerUrl = await emptyDatabase('gap');
    const folder = await migrationFolder('0002_a.sql', '0004_b.sql');
    await migrate(ownerUrl, APP_PASSWORD, { directory: folder });
    await addMigration(folder, '0003_late.sql');
    await addMigration(folder, '0005_c.sql');

    const refusal = migrate(ownerUrl, APP_PASSWORD, { directory: folder });
    await expect(refusal).rejects.toThrow(
      'Migration 0003_late.sql is not applied yet, but it is numbered below 0004_b.sql, ' +
        'which this database has already applied, so it would run after 0004_b.sql here and before it on a new database. ' +
        'Renumber it above 0004_b.sql: 0006_late.sql.\nNothing was applied.',
    );
    // 0005_c.sql is in order, but nothing is applied while the folder is refused.
    expect(await recorded(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql', '0004_b.sql']);
    expect(await ranInOrder(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql', '0004_b.sql']);

    await unlink(path.join(folder, '0003_late.sql'));
    await addMigration(folder, '0006_late.sql');
    expect((await migrate(ownerUrl, APP_PASSWORD, { directory: folder })).applied).toEqual([
      '0005_c.sql',
      '0006_late.sql',
    ]);
  });

  it("stops, naming the file, when a recorded migration's file is missing (removed or renamed)", async () => {
    const ownerUrl = await emptyDatabase('missing');
    const folder = await migrationFolder('0002_a.sql', '0003_b.sql');
    await migrate(ownerUrl, APP_PASSWORD, { directory: folder });
    await rename(path.join(folder, '0002_a.sql'), path.join(folder, '0004_a.sql'));

    await expect(migrate(ownerUrl, APP_PASSWORD, { directory: folder })).rejects.toThrow(
      `Migration 0002_a.sql is recorded as applied in this database, but its file is missing from ${folder}. ` +
        'Restore the file: a landed migration is never removed or renamed. ' +
        '(A development database that ran a migration which never landed is reset with npm run db:reset.)\nNothing was applied.',
    );
    expect(await ranInOrder(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql', '0003_b.sql']);
  });

  it('refuses an applied file that was edited, as before, and applies nothing', async () => {
    const ownerUrl = await emptyDatabase('edited');
    const folder = await migrationFolder('0002_a.sql');
    await migrate(ownerUrl, APP_PASSWORD, { directory: folder });
    await appendFile(path.join(folder, '0002_a.sql'), '-- a comment is an edit too\n');
    await addMigration(folder, '0003_b.sql');

    await expect(migrate(ownerUrl, APP_PASSWORD, { directory: folder })).rejects.toThrow(
      'Migration 0002_a.sql was edited after it was applied; add a new migration instead.\nNothing was applied.',
    );
    expect(await ranInOrder(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql']);
  });

  it('rolls a failing migration back and does not record it; the ones before it stay applied', async () => {
    const ownerUrl = await emptyDatabase('failing');
    const folder = await migrationFolder('0002_a.sql');
    await addMigration(folder, '0003_broken.sql', 'select no_such_function();\n');

    await expect(migrate(ownerUrl, APP_PASSWORD, { directory: folder })).rejects.toThrow(
      /^Migration 0003_broken.sql failed: function no_such_function\(\) does not exist/,
    );
    expect(await recorded(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql']);
    expect(await ranInOrder(ownerUrl)).toEqual(['0001_log.sql', '0002_a.sql']);
  });
});
