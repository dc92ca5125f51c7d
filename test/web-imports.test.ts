/**
 * The web app takes only types from src/contract: a value import would pull the contract's zod
 * schemas, and zod with them, into the bundle (about 110 kB minified). Shared values live in
 * src/domain (vocabulary.ts), which the contract re-exports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../src/web');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe('the web bundle stays free of the schema library', () => {
  it('imports nothing but types from src/contract, and nothing from zod', () => {
    const offending = sourceFiles(WEB).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // Whole import statements, multi-line ones included.
      const imports = text.match(/^import\s[^;]*?from\s+'[^']+';/gms) ?? [];
      return imports
        .filter((statement) => /from\s+'[^']*\/contract\/[^']*'/.test(statement) || /from\s+'zod'/.test(statement))
        .filter((statement) => !/^import\s+type\s/.test(statement))
        .map((statement) => `${path.relative(WEB, file)}: ${statement.replace(/\s+/g, ' ')}`);
    });
    expect(offending).toEqual([]);
  });
});
