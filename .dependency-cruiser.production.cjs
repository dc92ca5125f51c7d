/**
 * The rule about production code alone, run by `npm run lint:deps` after .dependency-cruiser.cjs
 * and by test/dependency-rules.test.ts: modules depend on each other one way (ADR 0017). Tests
 * are left out of this cruise: a module's tests import test/, whose builders reach every module,
 * which would make every module folder part of one cycle without any production import in it.
 */
const base = require('./.dependency-cruiser.cjs');
/** Test code and test data builders, as the base configuration names them. */
const TEST_PATHS = base.forbidden.find((rule) => rule.name === 'src-imports-no-test-code').to.path;

module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment:
        'Modules depend on each other one way; where a call must go back, app.ts hands the function over (ADR 0017).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/server/modules/[^/]+' },
      to: { path: '^src/server/modules/[^/]+', circular: true, viaOnly: { path: '^src/server/modules/[^/]+' } },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: [...base.options.exclude.path, ...TEST_PATHS] },
  },
};
