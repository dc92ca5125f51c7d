// Times the repository's searchPersons (DB only, in a tenant transaction) for a scope and text; median/p95 of N runs.
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { searchPersons } from '../../src/server/modules/persons/person.repository.ts';
import { parsePersonSearch } from '../../src/domain/person-search.ts';
const owner = 'postgres://postgres:vardag-embedded@127.0.0.1:5433/vardag_bench';
const app = 'postgres://vardag_app:vardag_app@127.0.0.1:5433/vardag_bench';
const oc = new pg.Client({ connectionString: owner }); await oc.connect();
const m = (await oc.query(`select id from municipalities where code='storkommun'`)).rows[0].id;
const ao = (await oc.query(`select id from units where municipality_id=$1 and service_area='AO' and kind='authority_unit'`, [m])).rows.map((r: any) => r.id);
const big = (await oc.query(`select id from units where municipality_id=$1 and name='Hemtjänst Centrum'`, [m])).rows.map((r: any) => r.id);
await oc.end();
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: app, max: 1 }) }) });
const n = Number(process.env.N ?? 40);
for (const who of (process.env.WHO ?? 'ao,big').split(',')) for (const text of process.argv.slice(2)) {
  const search = parsePersonSearch(text) as any;
  const t: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('app.municipality_id', ${m}, true)`.execute(trx);
      const s = performance.now();
      await searchPersons(trx as any, who === 'ao' ? ao : big, search, 51);
      if (i >= 5) t.push(performance.now() - s);
    });
  }
  t.sort((a, b) => a - b);
  console.log(`${who} ${JSON.stringify(text)}: p50 ${t[Math.floor(n / 2)]!.toFixed(1)} p95 ${t[Math.ceil(n * 0.95) - 1]!.toFixed(1)} max ${t[n - 1]!.toFixed(1)}`);
}
await db.destroy();
