// Prints EXPLAIN ANALYZE of the app's own person search SQL, run as vardag_app inside the tenant.
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { searchPersons } from '/work/main/src/server/modules/persons/person.repository.ts';
import { parsePersonSearch } from '/work/main/src/domain/person-search.ts';
import { personScopeUnitIds } from '/work/main/src/domain/access.ts';

const owner = 'postgres://postgres:vardag-embedded@127.0.0.1:5433/vardag_bench';
const app = 'postgres://vardag_app:vardag_app@127.0.0.1:5433/vardag_bench';
const oc = new pg.Client({ connectionString: owner }); await oc.connect();
const m = (await oc.query(`select id from municipalities where code='storkommun'`)).rows[0].id;
const ao = (await oc.query(`select id from units where municipality_id=$1 and service_area='AO' and kind='authority_unit'`, [m])).rows.map((r: any) => r.id);
const big = (await oc.query(`select id from units where municipality_id=$1 and name='Hemtjänst Centrum'`, [m])).rows.map((r: any) => r.id);
await oc.end();
const [who, q] = [process.argv[2]!, process.argv[3]!];
const scope = who === 'ao' ? ao : big;
let captured: { sql: string; parameters: readonly unknown[] } | undefined;
const pool = new pg.Pool({ connectionString: app, max: 1 });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.query.sql.includes('from "persons"')) captured = { sql: e.query.sql, parameters: e.query.parameters }; } });
const search = parsePersonSearch(q) as any;
await db.transaction().execute(async (trx) => {
  await sql`select set_config('app.municipality_id', ${m}, true)`.execute(trx);
  for (let i = 0; i < 3; i++) await searchPersons(trx as any, scope, search, 51);
});
console.log(captured!.sql, JSON.stringify(captured!.parameters));
const c = await pool.connect();
await c.query('begin'); await c.query(`select set_config('app.municipality_id', $1, true)`, [m]);
const plan = await c.query(`explain (analyze, buffers, costs on) ${captured!.sql}`, captured!.parameters as any[]);
console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await c.query('rollback'); c.release(); await pool.end();
