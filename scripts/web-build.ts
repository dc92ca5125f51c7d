/**
 * Builds the web app into dist/web when the build is missing or older than its sources. Used by
 * `npm start` and by the test run before browser tests (Vite builds it in about a second).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

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
  // In a child process with NODE_ENV=production: under the test runner NODE_ENV is 'test', which
  // would give a development build of React.
  await execFileAsync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}
