/**
 * `npm start`: builds the web app when the build is missing or older than its sources, then
 * starts the server. Keeps the two commands of the README true on a fresh clone.
 */
import { buildWebIfStale } from './web-build.ts';

await buildWebIfStale();
await import('../src/server/main.ts');
