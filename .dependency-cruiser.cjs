/**
 * The boundary rules of ADR 0017, checked by `npm run lint:deps` and by `npm test`
 * (test/dependency-rules.test.ts). Paths are relative to the project root. Test code means a
 * `*.test.ts(x)` file anywhere, and everything under test/ and e2e/.
 */
const MODULE = '^src/server/modules/([^/]+)/';
const TEST_CODE = ['^test/', '^e2e/', '[.]test[.]tsx?$'];
/** Test data builders, by name, wherever they are: they belong in test/ (below). */
const TEST_BUILDERS = ['[.]permissions[.]ts$', '-fixtures[.]ts$', '-test-data[.]ts$'];

module.exports = {
  // The module cycle rule is in .dependency-cruiser.production.cjs: it is about production code only.
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain/ is shared by server and web and does no I/O: it imports only itself, no package and no Node module.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_CODE },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'contract-only-domain',
      comment:
        'src/contract/ is the API contract: itself, src/domain/ and packages (zod), nothing of the server or the web.',
      severity: 'error',
      from: { path: '^src/contract/', pathNot: TEST_CODE },
      to: { pathNot: ['^src/contract/', '^src/domain/', '^node_modules/'] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'src/server/platform/ is cross-cutting: what it needs of a module (resolveActor) app.ts hands it.',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'web-only-web-domain-and-contract-types',
      comment:
        'The web app imports itself, src/domain/, packages, and src/contract/ for types only (import type), so the bundle carries no zod and no server code.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { pathNot: ['^src/web/', '^src/domain/', '^src/contract/', '^node_modules/'] },
    },
    {
      name: 'web-contract-types-only',
      comment: "The web app may use the contract's types, never its values: write `import type`.",
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'module-through-public-surface',
      comment: 'A module uses another only through its public surface, src/server/modules/<area>/index.ts (ADR 0017).',
      severity: 'error',
      from: { path: MODULE },
      to: {
        path: '^src/server/modules/',
        pathNot: [`^src/server/modules/$1/`, '^src/server/modules/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'app-through-public-surface',
      comment: 'app.ts and main.ts wire modules through their public surfaces too.',
      severity: 'error',
      from: { path: '^src/server/[^/]+[.]ts$' },
      to: { path: '^src/server/modules/', pathNot: '^src/server/modules/[^/]+/index[.]ts$' },
    },
    {
      name: 'surface-exports-no-sql',
      comment: 'A public surface exports services, policies and types; its own repositories it imports for types only.',
      severity: 'error',
      from: { path: '^src/server/modules/[^/]+/index[.]ts$' },
      to: { path: '[.]repository[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-features-no-cycles',
      comment:
        "Web feature folders depend on each other one way; what several share (the person table, the pager) lives in src/web/components/ or src/web/api/, the session and its guards in src/web/session/, and where one feature shows another's part, app/ hands it in (a prop or a slot). A cycle through any folder counts: with scope folder, dependency-cruiser ignores via and viaOnly.",
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/web/features/[^/]+' },
      to: { path: '^src/web/features/[^/]+', circular: true },
    },
    {
      name: 'src-imports-no-test-code',
      comment: 'Code under src/ (its tests aside) never imports test code or test data builders.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: [...TEST_CODE, ...TEST_BUILDERS] },
    },
    {
      name: 'test-builders-live-in-test',
      comment:
        'Test data builders (permission-matrix rows, fixtures) live in test/permissions/ and test/fixtures/, not beside production code.',
      severity: 'error',
      from: { path: TEST_BUILDERS, pathNot: '^(test|e2e)/' },
      to: {},
    },
    {
      name: 'production-graph-has-no-test-code',
      comment: 'Nothing the server or the web app loads, however indirectly, is test code.',
      severity: 'error',
      from: { path: ['^src/server/main[.]ts$', '^src/web/main[.]tsx$'] },
      to: { path: [...TEST_CODE, ...TEST_BUILDERS], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
