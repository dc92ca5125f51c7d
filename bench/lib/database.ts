/**
 * The benchmark database. With DATABASE_URL set it is used as it is (point it at a database of
 * its own: the generator adds a 100,000-person municipality). Otherwise the embedded PostgreSQL in
 * the data folder gets a database of its own, `vardag_bench`, beside the app's `vardag`, so the
 * demo and the large municipality never share a database.
 */
import type { Config } from '../../src/server/platform/config.ts';
import { appUrlFrom, resolveDatabase, type DatabaseTarget } from '../../src/server/platform/db/connection.ts';
import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded.ts';

export const BENCH_DATABASE = 'vardag_bench';

export async function resolveBenchDatabase(config: Config, log: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) return resolveDatabase(config, log);
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  await embedded.ensureDatabase(BENCH_DATABASE);
  const ownerUrl = embedded.ownerUrl(BENCH_DATABASE);
  return {
    ownerUrl,
    appUrl: appUrlFrom(ownerUrl, config.appDbPassword),
    isEmbedded: true,
    stop: () => embedded.stop(),
  };
}
