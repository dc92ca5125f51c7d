/**
 * The statutory watches on the desks of Storkommun with its case load (seeds/large/case-load.ts):
 * the Tidsfrister counters the desk polls and the Tidsfrister list over HTTP — target p95 under 50 ms —
 * for a case officer with a usual load (about 400 cases), the officer who holds the generator's
 * older 3,400, the authority's manager, and the provider's managers who receive the 5,000
 * assignments still waiting (seeds/large/assignments.ts). The whole municipality's checks are
 * watch-checks.bench.ts.
 */
import type { BenchContext } from './lib/context.ts';
import { TestClient } from '../test/http-client.ts';
import { LARGE_PASSWORD } from '../seeds/large/users.ts';
import { runWatchChecks } from '../src/server/modules/watches/index.ts';

export const name = 'watches';
export const description = 'The Tidsfrister counters (GET /api/watches/counts) and list, per desk';
export const targetP95Ms = 50;

export async function run(context: BenchContext): Promise<void> {
  const { large } = context;
  // The desks as the checks leave them: the backlog's steps sent (watch-checks.bench.ts does the same).
  await runWatchChecks(context.appDb, large.municipalityId);

  const base = await context.startServer();
  const desks: [string, TestClient][] = [
    ['case officer, ~400 cases', await new TestClient(base).signIn('stor.handl001', LARGE_PASSWORD)],
    ['case officer, 3,400 cases', await context.signIn('aoCaseOfficer')],
    ['authority manager', await context.signIn('aoAuthorityManager')],
    ['verksamhetschef, 5,000 waiting', await context.signIn('homeCareOperationsManager')],
    ['enhetschef, Hemtjänst Centrum', await context.signIn('homeCareUnitManager')],
  ];
  for (const [label, client] of desks) {
    await context.measure(`Tidsfrister counters (${label})`, async () => {
      const response = await client.get('/api/watches/counts');
      if (response.status !== 200) throw new Error(`/api/watches/counts answered ${response.status}`);
      const counts = response.body as { approaching: number; due: number; overdue: number };
      return counts.approaching + counts.due + counts.overdue;
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
