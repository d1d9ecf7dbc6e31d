import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, HAS_POSTGRES, type TestDatabase } from '../../../adapters/test/support/services';
import { spawnApiProcess, type ApiProcess } from '../support/api-process';

/**
 * Three API processes started at the same moment against one empty Postgres database: migrations
 * and the bootstrap/demo seeding run under the start-up advisory lock, so every node comes up.
 */
describe.skipIf(!HAS_POSTGRES)('three nodes started at once against an empty database', () => {
  let db: TestDatabase;
  const nodes: ApiProcess[] = [];
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await db?.drop();
  });

  it('all answer /readyz 200, with the schema migrated once and the admin seeded once', async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url!,
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
      BOOTSTRAP_ADMIN_PASSWORD: 'Admin1234!',
      SEED_DEMO_DATA: 'true',
      SHUTDOWN_TIMEOUT_MS: '1000',
    };
    for (let i = 0; i < 3; i++) nodes.push(spawnApiProcess(env));
    const urls = await Promise.all(nodes.map((n) => n.url(90_000)));
    for (const url of urls) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
    }
    const login = await fetch(`${urls[2]}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ email: 'student1@sooscode.local', password: 'Student1!' }),
    });
    expect(login.status).toBe(200);
    const migrated = nodes.map((n) => (n.output().match(/database migrated/g) ?? []).length);
    expect(migrated.reduce((a, b) => a + b, 0)).toBe(1);
  }, 120_000);
});
