import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded.ts';
const pg = await startEmbeddedPostgres('/work/main/data', 5433, console.log);
console.log('up');
process.on('SIGTERM', async () => { await pg.stop(); process.exit(0); });
setInterval(() => undefined, 1 << 30);
