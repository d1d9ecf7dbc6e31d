import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_POSTGRES, HAS_REDIS } from '../../../adapters/test/support/services';
import { FUZZ_SEED, HTTP_RUNS, LONG_RUN, STOMP_RUNS } from './fuzz-settings';
import { FuzzWorld, type StorageConfig } from './fuzz-world';
import { fuzzHttp, newReport } from './http-fuzzer';
import { servedRoutes } from './route-table';
import { fuzzStomp } from './stomp-fuzzer';

const TIMEOUT_MS = LONG_RUN ? 0 : 60_000;

function fuzzSuite(config: StorageConfig): void {
  let world: FuzzWorld;
  beforeAll(async () => {
    world = await FuzzWorld.start(config);
  });
  afterAll(async () => {
    await world?.stop();
  });

  it(`answers ${HTTP_RUNS} fuzzed requests over every route with no undocumented 5xx and only envelopes or documented RAW bodies`, { timeout: TIMEOUT_MS }, async () => {
    const routes = servedRoutes(world.fixture.server.container);
    expect(routes.length).toBeGreaterThan(80);
    const report = newReport();
    await fuzzHttp(world, routes, HTTP_RUNS, FUZZ_SEED, report);
    console.log(`[fuzz ${config}] HTTP: ${report.cases} cases over ${routes.length} routes, statuses ${JSON.stringify(report.byStatus)}, violations ${report.violations.length}`);
    expect(report.violations.slice(0, 20)).toEqual([]);
    expect(report.cases).toBe(HTTP_RUNS);
  });

  it(`answers ${STOMP_RUNS} fuzzed SEND frames on every /app destination without GLOBAL_500`, { timeout: TIMEOUT_MS }, async () => {
    const report = newReport();
    await fuzzStomp(world, STOMP_RUNS, FUZZ_SEED, report);
    console.log(`[fuzz ${config}] STOMP: ${report.cases} SEND frames, outcomes ${JSON.stringify(report.byStatus)}, violations ${report.violations.length}`);
    expect(report.violations.slice(0, 20)).toEqual([]);
  });

  it('stays healthy: live, ready, and no unhandled error logged', async () => {
    expect((await world.fixture.anonymous.json('GET', '/healthz')).status).toBe(200);
    expect((await world.fixture.anonymous.json('GET', '/readyz')).status).toBe(200);
    expect(world.errors.errors).toBe(0);
  });
}

describe('route fuzzer: embedded start (PGlite, in-process state)', () => fuzzSuite('embedded'));

describe.skipIf(!HAS_POSTGRES || !HAS_REDIS)('route fuzzer: Postgres + Redis', () => fuzzSuite('postgres+redis'));
