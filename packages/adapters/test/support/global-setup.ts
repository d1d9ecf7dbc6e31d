import { IN_CI, POSTGRES_ADMIN_URL, REDIS_URL, reachable } from './service-urls';

/**
 * Runs once before the suites. Under CI=true both Postgres and Redis must answer (a missing service
 * fails the run). Elsewhere the result is passed to the suites, which fall back to PGlite or skip Redis
 * tests with a printed reason.
 */
export default async function globalSetup(): Promise<void> {
  const [pg, redis] = await Promise.all([reachable(POSTGRES_ADMIN_URL, 5432), reachable(REDIS_URL, 6379)]);
  if (IN_CI && (!pg || !redis)) {
    throw new Error(`CI=true but a service is missing: postgres ${pg ? 'up' : 'DOWN'} (${new URL(POSTGRES_ADMIN_URL).host}), redis ${redis ? 'up' : 'DOWN'} (${new URL(REDIS_URL).host})`);
  }
  process.env.SOOSCODE_TEST_PG = pg ? '1' : '0';
  process.env.SOOSCODE_TEST_REDIS = redis ? '1' : '0';
  if (!pg) process.stdout.write('[test services] Postgres not reachable: Postgres-backed suites use embedded PGlite\n');
  if (!redis) process.stdout.write('[test services] Redis not reachable: Redis-backed suites are skipped\n');
}
