/**
 * `npm run bench [-- <filter>]`: runs every bench/*.bench.ts (or those whose name contains the
 * filter) against the large generated municipality and prints p50/p95/p99/max per case.
 * Each bench file exports `name`, `description`, optionally `targetP95Ms`, and `run(context)`.
 * Benchmarks are not tests: a missed target is reported, never asserted.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import type { ReadLimits } from '../src/server/platform/rate-limit/read-limits.ts';
import { createDb } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';
import { ensureLargeMunicipality } from '../seeds/large/seed-large.ts';
import { resolveBenchDatabase } from './lib/database.ts';
import { createBenchContext, type BenchContext, type CaseRecord } from './lib/context.ts';
import { summarise } from './lib/stats.ts';

interface Bench {
  file: string;
  name: string;
  description: string;
  targetP95Ms?: number;
  run(context: BenchContext): Promise<void>;
}

const log = (line: string) => console.log(line);
const filter = process.argv.slice(2).find((arg) => !arg.startsWith('-'));

const benches = (await discoverBenches()).filter(
  (bench) => !filter || bench.name.includes(filter) || bench.file.includes(filter),
);
if (benches.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(1);
}

// A bench signs in once and calls a route hundreds of times a second, far past the read limits
// (ADR 0016): limits no one reaches keep the charge in every metered request without refusing any.
const config = { ...loadConfig(), logLevel: 'silent', readLimits: benchReadLimits() };
const target = await resolveBenchDatabase(config, log);
await migrate(target.ownerUrl, config.appDbPassword);
const ownerDb = createDb({ connectionString: target.ownerUrl, max: 2 });
const appDb = createDb({ connectionString: target.appUrl });
const context = createBenchContext({ config, ownerDb, appDb, log, large: await ensureLargeMunicipality(ownerDb, log) });

try {
  await printEnvironment();
  for (const bench of benches) {
    log(`\n${bench.name}: ${bench.description}`);
    await bench.run(context);
    printCases(context.takeCases(), bench.targetP95Ms);
    log(
      `Load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at end`,
    );
  }
} finally {
  await context.close();
  await appDb.destroy();
  await ownerDb.destroy();
  await target.stop();
}

async function discoverBenches(): Promise<Bench[]> {
  const dir = import.meta.dirname;
  const files = (await readdir(dir)).filter((file) => file.endsWith('.bench.ts')).sort();
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Partial<Bench>;
      if (typeof module.name !== 'string' || typeof module.run !== 'function') {
        throw new Error(`bench/${file} must export a name and a run(context) function`);
      }
      return {
        file,
        name: module.name,
        description: module.description ?? '',
        targetP95Ms: module.targetP95Ms,
        run: module.run,
      };
    }),
  );
}

async function printEnvironment(): Promise<void> {
  const { rows } = await sql<{ version: string; persons: number }>`
    select current_setting('server_version') as version,
           (select count(*) from persons where municipality_id = ${context.large.municipalityId}) as persons`.execute(
    ownerDb,
  );
  const cpus = os.cpus();
  log(
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'} · Node ${process.versions.node} · PostgreSQL ${rows[0]!.version} (${target.isEmbedded ? 'embedded' : 'DATABASE_URL'})`,
  );
  // Other work on the machine moves the tail percentiles; the load average says how much there was.
  log(
    `Load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} at start`,
  );
  const generated = context.large.isNew
    ? `generated now in ${(context.large.generationMs / 1000).toFixed(1)} s`
    : 'reused';
  log(`Storkommun: ${rows[0]!.persons.toLocaleString('en')} persons (${generated})`);
}

function printCases(cases: readonly CaseRecord[], targetP95Ms: number | undefined): void {
  const width = Math.max(4, ...cases.map((record) => record.name.length));
  const ms = (value: number) => value.toFixed(1).padStart(7);
  log(
    `${'case'.padEnd(width)}   first      n     p50     p95     p99     max  count${targetP95Ms ? `  p95 < ${targetP95Ms} ms` : ''}`,
  );
  for (const record of cases) {
    const summary = summarise(record.samples);
    const verdict = targetP95Ms === undefined ? '' : summary.p95 < targetP95Ms ? '  ok' : '  MISSED';
    log(
      `${record.name.padEnd(width)} ${ms(record.firstMs)} ${String(summary.count).padStart(6)} ${ms(summary.p50)} ${ms(summary.p95)} ${ms(summary.p99)} ${ms(summary.max)} ${String(record.count ?? '').padStart(6)}${verdict}`,
    );
  }
  log('(milliseconds per request, sequential; first: the first call, before the warm-up; the rest after it)');
}

function benchReadLimits(): ReadLimits {
  const unlimited = { perSession: 2_000_000_000, perUser: 2_000_000_000 };
  return { sessionWindowSeconds: 60, userWindowSeconds: 3600, personRecord: unlimited, personList: unlimited };
}
