import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres:vardag-embedded@127.0.0.1:5433/postgres' }); await c.connect();
await c.query('drop database if exists vardag_bench with (force)'); await c.end(); console.log('dropped');
