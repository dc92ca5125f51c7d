// Runs SQL from argv[2] as vardag_app inside the Storkommun tenant (or as owner with OWNER=1); prints rows / plans.
import pg from 'pg';
const owner = 'postgres://postgres:vardag-embedded@127.0.0.1:5433/vardag_bench';
const app = 'postgres://vardag_app:vardag_app@127.0.0.1:5433/vardag_bench';
const oc = new pg.Client({ connectionString: owner }); await oc.connect();
const m = (await oc.query(`select id from municipalities where code='storkommun'`)).rows[0].id;
const c = process.env.OWNER ? oc : new pg.Client({ connectionString: app });
if (c !== oc) await c.connect();
await c.query('begin'); await c.query(`select set_config('app.municipality_id', $1, true)`, [m]);
for (const stmt of process.argv[2]!.split(';;')) {
  const r = await c.query(stmt.replaceAll(':m', `'${m}'`));
  for (const row of r.rows) console.log(Object.keys(row).length === 1 ? Object.values(row)[0] : JSON.stringify(row));
}
await c.query('rollback'); await c.end(); if (c !== oc) await oc.end();
