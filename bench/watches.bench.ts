/**
 * The statutory watches on Storkommun with its case load (seeds/large/case-load.ts): computing
 * every watch of the municipality (100,000 persons) — target under 10 s —, the checks that send
 * reminders once the first has sent the backlog, and the desks' counters and lists over HTTP —
 * target p95 under 50 ms — for a case officer with a usual load, the officer who holds the
 * generator's 8,400 older cases, the authority's manager, and the provider's managers who receive
 * the 5,000 assignments still waiting.
 */
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { TestClient } from '../test/http-client.ts';
import { LARGE_PASSWORD } from '../seeds/large/users.ts';
import { computeWatches, runWatchChecks } from '../src/server/modules/watches/index.ts';

export const name = 'watches';
export const description =
  'Every watch of the municipality (target < 10 s), the checks, and the desk counters and lists (target p95 < 50 ms)';
export const targetP95Ms = 50;

const WHOLE_MUNICIPALITY_TARGET_MS = 10_000;

export async function run(context: BenchContext): Promise<void> {
  const { large } = context;
  context.log(await describeLoad(context));

  const started = performance.now();
  const counts = await computeWatches(context.appDb, large.municipalityId);
  const firstMs = performance.now() - started;
  context.log(
    `Every watch, first computation: ${firstMs.toFixed(0)} ms (target < ${WHOLE_MUNICIPALITY_TARGET_MS} ms). By rule (approaching/due/overdue):`,
  );
  for (const [rule, count] of Object.entries(counts))
    context.log(`  ${rule.padEnd(30)} ${count.approaching} / ${count.due} / ${count.overdue}`);
  await context.measure(
    'every watch of the municipality (computed, nothing sent)',
    async () => {
      const result = await computeWatches(context.appDb, large.municipalityId);
      return Object.values(result).reduce((sum, c) => sum + c.approaching + c.due + c.overdue, 0);
    },
    { warmup: 1, iterations: 10 },
  );

  const checkStarted = performance.now();
  const first = await runWatchChecks(context.appDb, large.municipalityId);
  const sent = Object.values(first.rules).reduce((sum, rule) => sum + rule.notified, 0);
  context.log(
    `The first check sent ${sent.toLocaleString('en')} steps (the backlog, once) in ${(performance.now() - checkStarted).toFixed(0)} ms.`,
  );
  await context.measure(
    'the checks once the backlog is sent (judge all, claim nothing new)',
    async () => {
      const report = await runWatchChecks(context.appDb, large.municipalityId);
      return Object.values(report.rules).reduce((sum, rule) => sum + rule.notified, 0);
    },
    { warmup: 1, iterations: 10 },
  );

  const base = await context.startServer();
  const desks: [string, TestClient][] = [
    ['case officer, ~400 cases', await new TestClient(base).signIn('stor.handl001', LARGE_PASSWORD)],
    ['case officer, 8,400 cases', await context.signIn('aoCaseOfficer')],
    ['authority manager', await context.signIn('aoAuthorityManager')],
    ['verksamhetschef, 5,000 waiting', await context.signIn('homeCareOperationsManager')],
    ['enhetschef, Hemtjänst Centrum', await context.signIn('homeCareUnitManager')],
  ];
  for (const [label, client] of desks) {
    await context.measure(`desk overview with the watch counts (${label})`, async () => {
      const response = await client.get('/api/desk');
      if (response.status !== 200) throw new Error(`/api/desk answered ${response.status}`);
      const watches = response.body.counts.watches as { approaching: number; due: number; overdue: number };
      return watches.approaching + watches.due + watches.overdue;
    });
  }
  for (const [label, client] of desks.slice(0, 2)) {
    await context.measure(
      `Tidsfrister, the list (${label})`,
      async () => {
        const response = await client.get('/api/watches');
        if (response.status !== 200) throw new Error(`/api/watches answered ${response.status}`);
        return response.body.items.length as number;
      },
      { warmup: 10, iterations: 100 },
    );
  }
}

async function describeLoad(context: BenchContext): Promise<string> {
  const { rows } = await sql<{
    cases: number;
    decisions: number;
    granted: number;
    deliveries: number;
    started: number;
  }>`
    select (select count(*) from cases where municipality_id = ${context.large.municipalityId})::int as cases,
           (select count(*) from decisions where municipality_id = ${context.large.municipalityId})::int as decisions,
           (select count(*) from decision_interventions where municipality_id = ${context.large.municipalityId})::int as granted,
           (select count(*) from deliveries where municipality_id = ${context.large.municipalityId})::int as deliveries,
           (select count(*) from deliveries where municipality_id = ${context.large.municipalityId} and started_on is not null)::int as started`.execute(
    context.ownerDb,
  );
  const load = rows[0]!;
  return `Storkommun: ${load.cases.toLocaleString('en')} cases, ${load.decisions.toLocaleString('en')} decisions, ${load.granted.toLocaleString('en')} granted interventions, ${load.deliveries.toLocaleString('en')} delivery rows (${load.started.toLocaleString('en')} started).`;
}
