import { Container } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '@sooscode/adapters/redis/connect-redis';
import { HAS_POSTGRES, HAS_REDIS } from '../../../adapters/test/support/services';
import { memoryStateModule } from '../../src/modules/memory-state-module';
import { redisStateModule } from '../../src/modules/redis-state-module';
import { STATE_TOKENS } from '../../src/modules/state-module';
import { TOKENS } from '../../src/tokens';
import { startTestServer, type TestServer } from '../support/test-server';

const ALL_TOKENS = Object.entries(TOKENS);
const nameOf = (token: symbol): string => token.description ?? String(token);

/** The tokens a bare container holds after loading `module` alone. */
function boundBy(load: (container: Container) => void): string[] {
  const container = new Container();
  load(container);
  return ALL_TOKENS.filter(([, token]) => container.isBound(token)).map(([, token]) => nameOf(token)).sort();
}

describe('the state family', () => {
  it('binds exactly STATE_TOKENS, the same set in memory and in Redis', () => {
    const expected = STATE_TOKENS.map(nameOf).sort();
    // bindings are lazy, so a Redis connection is never touched here
    const unusedRedis = {} as Redis;
    expect(boundBy((c) => c.loadSync(memoryStateModule))).toEqual(expected);
    expect(boundBy((c) => c.loadSync(redisStateModule(unusedRedis)))).toEqual(expected);
  });
});

/**
 * Every token of the composition root resolves in both deployment shapes, each single binding exactly
 * once, and the whole state family comes from the chosen side.
 */
const shapes = [
  { name: 'embedded (PGlite, in-memory state)', embedded: true, redis: false, family: /^(InMemory|Local)/, run: true },
  { name: 'Postgres + Redis', embedded: false, redis: true, family: /^Redis/, run: HAS_POSTGRES && HAS_REDIS },
];

for (const shape of shapes) {
  describe.skipIf(!shape.run)(`container, ${shape.name}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ embedded: shape.embedded, redis: shape.redis });
    });
    afterAll(async () => server?.stop());

    it('resolves every binding', () => {
      const unbound: string[] = [];
      for (const [key, token] of ALL_TOKENS) {
        if (!server.container.isBound(token)) {
          unbound.push(key);
          continue;
        }
        expect(() => server.container.getAll(token), key).not.toThrow();
      }
      // a token nobody binds is dead weight in tokens.ts
      expect(unbound).toEqual([]);
    });

    it('binds each state port once, all from the one family', () => {
      for (const token of STATE_TOKENS) {
        const bound = server.container.getAll<object>(token);
        expect(bound, nameOf(token)).toHaveLength(1);
        const impl = bound[0]!.constructor.name;
        // the no-op parts of the in-memory family are plain objects
        if (impl !== 'Object') expect(impl, nameOf(token)).toMatch(shape.family);
      }
    });
  });
}
