/**
 * The statutory watches of the whole of Storkommun (100,000 persons, its case load in
 * seeds/large/case-load.ts): every watch computed from the data with nothing sent — target under
 * 10 s —, the first check, which sends the generated backlog's reminders and escalations once, and
 * the checks after it, which judge everything again and find nothing new to send.
 */
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { computeWatches, runWatchChecks } from '../src/server/modules/watches/index.ts';

export const name = 'watch-checks';
export const description = 'Every watch of the municipality computed, and the checks that send them (target < 10 s)';
export const targetP95Ms = 10_000;

const WHOLE_MUNICIPALITY_TARGET_MS = targetP95Ms;

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
