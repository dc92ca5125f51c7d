/**
 * Configuration from the environment. Every variable is listed in README.md; add new ones there too.
 */
import path from 'node:path';
import type { ReadLimits } from './rate-limit/read-limits.ts';

export interface Config {
  /** Owner connection: runs migrations. Unset = start the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Connection the app itself uses (a role without BYPASSRLS). Derived from databaseUrl when unset. */
  appDatabaseUrl: string | undefined;
  appDbPassword: string;
  port: number;
  host: string;
  dataDir: string;
  embeddedPgPort: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Sign-in throttling (ADR 0015): failures free of delay per user name and address, */
  loginFreeFailures: number;
  /** … per address across user names not known there (password spray), */
  loginAddressFreeFailures: number;
  /** … and per user name across addresses it is not known from (a distributed attack); */
  loginNameFreeFailures: number;
  /** then the delay after the next failure, doubling per further failure, */
  loginFirstDelaySeconds: number;
  /** up to this. */
  loginMaxDelaySeconds: number;
  /** How long a failure counts. */
  loginFailureWindowHours: number;
  /** How long a successful sign-in makes its address known for the user name. */
  loginKnownAddressDays: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Trust X-Forwarded-For from this many proxies (or true/false), for the audit log's client address. */
  trustProxy: boolean | number;
  isProduction: boolean;
  /** Limits on reads of personal data per session and per user (ADR 0016). */
  readLimits: ReadLimits;
  /** Whether this server runs the watch checks (ADR 0020); every server may, the queue keeps one at a time. */
  watchChecks: boolean;
  /** When the watch checks run, as cron in Swedish time. */
  watchCheckCron: string;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isProduction = env.NODE_ENV === 'production';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    appDbPassword: env.APP_DB_PASSWORD || 'vardag_app',
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    embeddedPgPort: intFromEnv(env, 'EMBEDDED_PG_PORT', 5433),
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 30),
    sessionMaxHours: intFromEnv(env, 'SESSION_MAX_HOURS', 12),
    loginFreeFailures: intFromEnv(env, 'LOGIN_FREE_FAILURES', 5),
    loginAddressFreeFailures: intFromEnv(env, 'LOGIN_ADDRESS_FREE_FAILURES', 20),
    loginNameFreeFailures: intFromEnv(env, 'LOGIN_NAME_FREE_FAILURES', 10),
    loginFirstDelaySeconds: intFromEnv(env, 'LOGIN_FIRST_DELAY_SECONDS', 5),
    loginMaxDelaySeconds: intFromEnv(env, 'LOGIN_MAX_DELAY_SECONDS', 900),
    loginFailureWindowHours: intFromEnv(env, 'LOGIN_FAILURE_WINDOW_HOURS', 24),
    loginKnownAddressDays: intFromEnv(env, 'LOGIN_KNOWN_ADDRESS_DAYS', 30),
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : isProduction,
    logLevel: env.LOG_LEVEL || (isProduction ? 'info' : 'warn'),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    watchChecks: env.WATCH_CHECKS !== 'false',
    watchCheckCron: env.WATCH_CHECK_CRON || '*/5 * * * *',
    readLimits: {
      sessionWindowSeconds: intFromEnv(env, 'READ_LIMIT_SESSION_SECONDS', 60),
      userWindowSeconds: intFromEnv(env, 'READ_LIMIT_USER_SECONDS', 3600),
      personRecord: {
        perSession: intFromEnv(env, 'READ_LIMIT_RECORDS_PER_SESSION', 60),
        perUser: intFromEnv(env, 'READ_LIMIT_RECORDS_PER_USER', 600),
      },
      personList: {
        perSession: intFromEnv(env, 'READ_LIMIT_LISTED_PER_SESSION', 2000),
        perUser: intFromEnv(env, 'READ_LIMIT_LISTED_PER_USER', 15000),
      },
    },
    isProduction,
  };
}

function parseTrustProxy(raw: string | undefined): boolean | number {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`TRUST_PROXY must be true, false or a number of proxies, got "${raw}"`);
  return hops;
}
