/**
 * The boundary rules of ADR 0017 (.dependency-cruiser.cjs), run by npm test so CI fails on a
 * violation: the real tree has none, and each kind of violation the ADR names is caught. The
 * deliberate violations are small files in a scratch copy of the layout, cruised with the
 * project's own configuration, so nothing is ever written into src/.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from './scratch.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');
const run = promisify(execFile);

/** What depcruise printed and its exit code (the number of errors), run in `cwd` over `paths`. */
async function cruise(
  cwd: string,
  paths: string[],
  config = '.dependency-cruiser.cjs',
): Promise<{ code: number; output: string }> {
  const args = [...paths, '--config', path.join(cwd, config), '--output-type', 'err'];
  try {
    const { stdout, stderr } = await run(DEPCRUISE, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('module boundaries (ADR 0017)', () => {
  it('the project has no violation of its dependency rules', async () => {
    const { code, output } = await cruise(ROOT, ['src', 'test', 'e2e', 'scripts', 'bench']);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
    const production = await cruise(ROOT, ['src'], '.dependency-cruiser.production.cjs');
    expect(production.output).toContain('no dependency violations found');
    expect(production.code).toBe(0);
  }, 90_000);

  describe('a deliberate violation fails', () => {
    let folder: string;
    const files: Record<string, string> = {
      'src/domain/rule.ts': 'export const rule = 1;\n',
      'src/server/platform/http/hook.ts':
        "import { resolve } from '../../modules/alpha/alpha.service.ts';\nexport const hook = resolve;\n",
      'src/server/modules/alpha/index.ts': "export { resolve } from './alpha.service.ts';\n",
      'src/server/modules/alpha/alpha.service.ts':
        "import { rows } from './alpha.repository.ts';\nimport { load } from '../beta/index.ts';\nexport const resolve = [rows, load];\n",
      'src/server/modules/alpha/alpha.repository.ts': 'export const rows = () => [];\n',
      'src/server/modules/beta/index.ts': "export { load } from './beta.service.ts';\n",
      'src/server/modules/beta/beta.service.ts':
        "import { rows } from '../alpha/alpha.repository.ts';\nimport { resolve } from '../alpha/index.ts';\n" +
        'export const load = () => [rows, resolve];\n',
      'src/contract/thing.ts': "import { load } from '../server/modules/beta/index.ts';\nexport const thing = load;\n",
      'src/server/modules/beta/beta.fixture-user.ts':
        "import { world } from '../../../../test/factories.ts';\nexport const fixture = world;\n",
      'test/factories.ts': 'export const world = 1;\n',
    };

    beforeAll(async () => {
      folder = await scratchFolder('depcruise-');
      for (const config of ['.dependency-cruiser.cjs', '.dependency-cruiser.production.cjs']) {
        await copyFile(path.join(ROOT, config), path.join(folder, config));
      }
      await copyFile(path.join(ROOT, 'tsconfig.json'), path.join(folder, 'tsconfig.json'));
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
        await writeFile(path.join(folder, name), text);
      }
    });
    afterAll(async () => {
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it('names each broken rule, and leaves the import through the public surface alone', async () => {
      const { code, output } = await cruise(folder, ['src', 'test']);
      expect(output).toMatch(
        /module-through-public-surface: src\/server\/modules\/beta\/beta\.service\.ts → src\/server\/modules\/alpha\/alpha\.repository\.ts/,
      );
      expect(output).toMatch(
        /platform-knows-no-module: src\/server\/platform\/http\/hook\.ts → src\/server\/modules\/alpha/,
      );
      expect(output).toMatch(/contract-only-domain: src\/contract\/thing\.ts → src\/server\/modules\/beta\/index\.ts/);
      expect(output).toMatch(
        /src-imports-no-test-code: src\/server\/modules\/beta\/beta\.fixture-user\.ts → test\/factories\.ts/,
      );
      expect(output).not.toMatch(/beta\.service\.ts → src\/server\/modules\/alpha\/index\.ts/);
      expect(code).toBeGreaterThanOrEqual(4);
    }, 60_000);

    it('finds two modules that import each other through their surfaces, tests aside', async () => {
      const { code, output } = await cruise(folder, ['src'], '.dependency-cruiser.production.cjs');
      expect(output).toMatch(/no-module-cycles: src\/server\/modules\/alpha → \s*src\/server\/modules\/beta/);
      expect(code).toBeGreaterThanOrEqual(1);
    }, 60_000);
  });
});
