/**
 * The embedded PostgreSQL (issue 13, defects 8 and 13): it needs no writable /tmp, a failed start
 * says what PostgreSQL said, and stopping ends whatever state the server is in. Each test starts
 * servers of its own in a folder of its own, never the run's database.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';
import { freePort, scratchFolder } from '../../../../test/scratch.ts';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const noLog = () => undefined;

let folder: string;
beforeAll(async () => {
  folder = await scratchFolder('embedded-');
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function query(embedded: EmbeddedDatabase, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: embedded.ownerUrl('postgres') });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** The postmaster's pid, from the first line of postmaster.pid in the data folder. */
async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const canUnshare = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'true']);
    return true;
  } catch {
    return false;
  }
})();

describe('the embedded PostgreSQL', () => {
  it('listens on TCP only: no Unix socket, so nothing of it in /tmp', async () => {
    const dataDir = path.join(folder, 'tcp-only');
    const embedded = await startEmbeddedPostgres(dataDir, await freePort(), noLog);
    try {
      expect(await query(embedded, 'show unix_socket_directories')).toEqual([{ unix_socket_directories: '' }]);
    } finally {
      await embedded.stop();
    }
  });

  // Simulated for real: in a mount namespace of its own, /tmp is a folder only root may write to
  // (checked as the postgres user before the start).
  it.runIf(canUnshare)('starts where the postgres user cannot write to /tmp', async () => {
    const readOnlyTmp = path.join(folder, 'root-only-tmp');
    await mkdir(readOnlyTmp);
    await chmod(readOnlyTmp, 0o755);
    const dataDir = path.join(folder, 'no-tmp');
    const child = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(path.join(import.meta.dirname, 'embedded.ts'))});
      const pg = (await import('pg')).default;
      const embedded = await startEmbeddedPostgres(${JSON.stringify(dataDir)}, ${await freePort()}, () => undefined);
      const client = new pg.Client({ connectionString: embedded.ownerUrl('postgres') });
      await client.connect();
      const { rows } = await client.query('select 1 as answer');
      await client.end();
      await embedded.stop();
      console.log(JSON.stringify(rows));`;
    // A project that itself lives under /tmp (a fresh clone there) would vanish under the new /tmp:
    // it is mounted back at its own path inside it first.
    const script = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's own parameter expansion, not a template
      'case "$4" in /tmp/*) mkdir -p "$1/${4#/tmp/}" && mount --bind "$4" "$1/${4#/tmp/}" || exit 1;; esac',
      'mount --rbind "$1" /tmp && runuser -u postgres -- test ! -w /tmp && exec "$2" --import tsx --input-type=module -e "$3"',
    ].join('\n');
    const { stdout } = await execFileAsync(
      'unshare',
      [
        '--mount',
        '--propagation',
        'private',
        '--',
        'sh',
        '-c',
        script,
        'sh',
        readOnlyTmp,
        process.execPath,
        child,
        ROOT,
      ],
      { cwd: ROOT, timeout: 60_000 },
    );
    expect(stdout.trim().split('\n').at(-1)).toBe('[{"answer":1}]');
  });

  it('says what PostgreSQL said when the server does not start', async () => {
    const dataDir = path.join(folder, 'corrupt');
    const embedded = await startEmbeddedPostgres(dataDir, await freePort(), noLog);
    await embedded.stop();
    await writeFile(path.join(dataDir, 'pg', 'PG_VERSION'), '99\n');
    const error = await startEmbeddedPostgres(dataDir, await freePort(), noLog).then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/did not start .*PostgreSQL said:/s);
    expect(error?.message).toContain('FATAL:  database files are incompatible with server');
    expect(error?.message).toContain('initialized by PostgreSQL version 99');
  });

  it('says what initdb said when it cannot create the cluster', async () => {
    const dataDir = path.join(folder, 'not-empty');
    await mkdir(path.join(dataDir, 'pg'), { recursive: true });
    await writeFile(path.join(dataDir, 'pg', 'something-else.txt'), 'not a cluster');
    const error = await startEmbeddedPostgres(dataDir, await freePort(), noLog).then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/^initdb failed .*PostgreSQL said:/s);
    expect(error?.message).toMatch(/directory ".*" exists but is not empty/);
  });

  it('stops at once when the server was killed under it', async () => {
    const dataDir = path.join(folder, 'killed');
    const embedded = await startEmbeddedPostgres(dataDir, await freePort(), noLog);
    const pid = await postmasterPid(dataDir);
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => isRunning(pid)).toBe(false);
    const started = performance.now();
    await embedded.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops a server that no longer answers (frozen) within its deadline', async () => {
    const dataDir = path.join(folder, 'frozen');
    const embedded = await startEmbeddedPostgres(dataDir, await freePort(), noLog);
    const pid = await postmasterPid(dataDir);
    process.kill(pid, 'SIGSTOP');
    try {
      const started = performance.now();
      await embedded.stop();
      // SIGINT and SIGQUIT wait while it is stopped; SIGKILL does not.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(isRunning(pid)).toBe(false);
    } finally {
      if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
