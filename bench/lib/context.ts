/**
 * What every benchmark receives: the large municipality, database handles, a lazily started app
 * and `measure`, which times one case and hands the samples to the runner for the report.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/platform/config.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import type { App } from '../../src/server/platform/http/types.ts';
import type { LargeMunicipality } from '../../seeds/large/seed-large.ts';
import type { LargeUserKey } from '../../seeds/large/users.ts';
import { TestClient } from '../../test/http-client.ts';

export interface MeasureOptions {
  /** Untimed calls first, so caches, JIT and the plan cache are warm (default 30). */
  warmup?: number;
  /** Timed calls, made one after another (default 300). */
  iterations?: number;
}

/** What a case's function returns: nothing, or a count (rows, hits) to show beside the timings. */
// biome-ignore lint/suspicious/noConfusingVoidType: a case's function may return nothing at all, as `async () => {}` does
export type CaseResult = number | void;

export interface CaseRecord {
  name: string;
  /** The very first call, before the warm-up: what a user meets first after a start or a bulk import. */
  firstMs: number;
  samples: number[];
  /** The count the last timed call returned, if any. */
  count: number | undefined;
}

export interface BenchContext {
  config: Config;
  /** Owner connection, bypassing row-level security: for choosing inputs, never for what is measured. */
  ownerDb: Db;
  /** The app role's connection, as the app uses it. */
  appDb: Db;
  large: LargeMunicipality;
  /** The real app, started in-process on a free local port on first use; its base URL. */
  startServer(): Promise<string>;
  /** A client signed in over HTTP as one of the large municipality's users. */
  signIn(user: LargeUserKey): Promise<TestClient>;
  /** Times `fn` sequentially and records the case for the report. */
  measure(caseName: string, fn: () => Promise<CaseResult>, options?: MeasureOptions): Promise<void>;
  log(line: string): void;
}

export interface RunnableContext extends BenchContext {
  /** Cases measured since the last call, for the runner's report. */
  takeCases(): CaseRecord[];
  close(): Promise<void>;
}

export function createBenchContext(deps: {
  config: Config;
  ownerDb: Db;
  appDb: Db;
  large: LargeMunicipality;
  log: (line: string) => void;
}): RunnableContext {
  let app: Promise<{ app: App; baseUrl: string }> | undefined;
  let cases: CaseRecord[] = [];

  const startServer = async () => {
    app ??= (async () => {
      const instance = await buildApp({ db: deps.appDb, config: deps.config }, { logger: false });
      await instance.listen({ port: 0, host: '127.0.0.1' });
      const { port } = instance.server.address() as AddressInfo;
      return { app: instance, baseUrl: `http://127.0.0.1:${port}` };
    })();
    return (await app).baseUrl;
  };

  return {
    ...deps,
    startServer,
    async signIn(user) {
      const { username, password } = deps.large.users[user];
      return new TestClient(await startServer()).signIn(username, password);
    },
    async measure(caseName, fn, { warmup = 30, iterations = 300 } = {}) {
      // The first call is timed and reported on its own: a cold plan or cache shows there, not in the percentiles.
      const firstStarted = performance.now();
      await fn();
      const firstMs = performance.now() - firstStarted;
      for (let i = 1; i < warmup; i++) await fn();
      const samples: number[] = [];
      let count: number | undefined;
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        const result = await fn();
        samples.push(performance.now() - started);
        if (typeof result === 'number') count = result;
      }
      cases.push({ name: caseName, firstMs, samples, count });
    },
    takeCases() {
      const taken = cases;
      cases = [];
      return taken;
    },
    async close() {
      if (app) await (await app).app.close();
    },
  };
}
