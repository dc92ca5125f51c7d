/**
 * Builds the web app into dist/web when the build is missing or older than its sources. Used by
 * `npm start` and by the test run before browser tests (Vite builds it in about a second).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/contract', 'src/domain', 'vite.config.ts'].map((part) => path.join(root, part));

function newestMtime(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function isWebBuildStale(): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > builtAt);
}

export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  if (!isWebBuildStale()) return;
  log('Building the web app …');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
