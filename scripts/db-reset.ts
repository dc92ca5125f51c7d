/** `npm run db:reset`: drop everything, migrate again and seed the demo municipality. */
import { loadConfig } from '../src/server/platform/config.ts';
import { resolveDatabase } from '../src/server/platform/db/connection.ts';
import { dropSchema, migrate } from '../src/server/platform/db/migrator.ts';
import { seedDemoIfEmpty } from '../seeds/demo/seed-demo.ts';

const config = loadConfig();
const target = await resolveDatabase(config, console.log);
try {
  await dropSchema(target.ownerUrl);
  const { applied } = await migrate(target.ownerUrl, config.appDbPassword);
  console.log(`Applied: ${applied.join(', ')}`);
  const demo = await seedDemoIfEmpty(target.ownerUrl);
  console.log(demo ? `Seeded ${demo.municipalityName} with ${demo.users.length} demo users.` : 'No demo seeded.');
} finally {
  await target.stop();
}
