/**
 * Decides which PostgreSQL to use: DATABASE_URL when set, otherwise the embedded one in ./data.
 * The owner URL runs migrations; the app URL connects as the app role, which row-level security
 * binds (see ADR 0002).
 */
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { APP_ROLE } from './migrator.ts';

export interface DatabaseTarget {
  ownerUrl: string;
  appUrl: string;
  isEmbedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'vardag';

export async function resolveDatabase(config: Config, log: (line: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return {
      ownerUrl: config.databaseUrl,
      appUrl: config.appDatabaseUrl ?? appUrlFrom(config.databaseUrl, config.appDbPassword),
      isEmbedded: false,
      stop: async () => undefined,
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPgPort, log);
  await embedded.ensureDatabase(EMBEDDED_DATABASE);
  const ownerUrl = embedded.ownerUrl(EMBEDDED_DATABASE);
  return {
    ownerUrl,
    appUrl: appUrlFrom(ownerUrl, config.appDbPassword),
    isEmbedded: true,
    stop: () => embedded.stop(),
  };
}

/** Same server and database as the owner URL, signed in as the app role. */
export function appUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}
