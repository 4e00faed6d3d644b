import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Every test runs once on SQLite; the tests that touch the service's database run again on
 * PostgreSQL (`SAIKEN_TEST_ENGINE=postgres`: a schema per test in the local server's `test`
 * database, see test/server/helpers/test-db.ts). One suite, two engines: not a copy.
 */
export const ON_BOTH_ENGINES = [
  'test/server/http/**/*.test.ts',
  'test/server/oversight/**/*.test.ts',
  'test/server/reports/**/*.test.ts',
  'test/server/plans/import-text.test.ts',
  'test/server/db/ledgers-repo.test.ts',
  'test/server/db/{engines,scrub-migration}.test.ts',
  'test/server/sync/{apply-paths,consistency,crash,instances,large-submission,ledger-text,staged}.test.ts',
  'test/server/cli/{plans-import,report}.test.ts',
  'test/addin/state/service-e2e.test.ts',
  'test/addin/oversight/oversight-e2e.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine. The
    // service tests wait on child processes and PostgreSQL much of the time, so two overlap well.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_BOTH_ENGINES,
          env: { SAIKEN_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/server/helpers/stale-pg-schemas.ts'],
        },
      },
    ],
  },
});
