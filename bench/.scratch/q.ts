// EXPLAIN ANALYZE a hand-written search as vardag_app. argv: ao|big, where-clause for names (use :t1 etc), [extra]
import pg from 'pg';
const owner = 'postgres://postgres:vardag-embedded@127.0.0.1:5433/vardag_bench';
const app = 'postgres://vardag_app:vardag_app@127.0.0.1:5433/vardag_bench';
const oc = new pg.Client({ connectionString: owner }); await oc.connect();
const m = (await oc.query(`select id from municipalities where code='storkommun'`)).rows[0].id;
const ao = (await oc.query(`select id from units where municipality_id=$1 and service_area='AO' and kind='authority_unit'`, [m])).rows.map((r: any) => r.id);
const big = (await oc.query(`select id from units where municipality_id=$1 and name='Hemtjänst Centrum'`, [m])).rows.map((r: any) => r.id);
await oc.end();
const scope = process.argv[2] === 'ao' ? ao : big;
const text = process.argv[3]!;
const c = new pg.Client({ connectionString: app }); await c.connect();
await c.query('begin'); await c.query(`select set_config('app.municipality_id', $1, true)`, [m]);
if (process.env.SETS) for (const s of process.env.SETS.split(";")) await c.query(s);
const runs = Number(process.env.RUNS ?? 5);
let plan: any;
const t: number[] = [];
for (let i = 0; i < runs; i++) { const s = performance.now(); plan = await c.query((process.env.PLAIN ? '' : 'explain (analyze, buffers) ') + text, [scope]); t.push(performance.now() - s); }
if (!process.env.PLAIN) console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n')); else console.log(plan.rows.length, 'rows');
console.log('client ms:', t.map((x) => x.toFixed(1)).join(' '));
await c.query('rollback'); await c.end();
