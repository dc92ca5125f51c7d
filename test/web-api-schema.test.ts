/**
 * src/web/api/schema.gen.ts is committed, so the web's type check needs no server; this test keeps
 * it honest: the file must be exactly what `npm run generate:api` writes from the contract now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiSchema, SCHEMA_FILE } from '../scripts/generate-api.ts';

describe('the web client types (src/web/api/schema.gen.ts)', () => {
  it('match the OpenAPI document the server serves now', async () => {
    const expected = await generateApiSchema();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const isCurrent = committed === expected;
    expect(isCurrent, 'src/web/api/schema.gen.ts is stale: run `npm run generate:api` and commit the file').toBe(true);
  });
});
