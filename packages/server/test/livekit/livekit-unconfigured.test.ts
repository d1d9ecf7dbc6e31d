import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordHasher, UserRepository } from '@sooscode/domain';
import { UserMother } from '@sooscode/domain/testing';
import { createHttpApp } from '@sooscode/adapters/http/create-http-app';
import type { HttpModule } from '@sooscode/adapters/http/http-module';
import { OriginPolicy } from '@sooscode/adapters/http/origin-policy';
import { silentLogger } from '@sooscode/adapters/system/logger';
import { createTestDatabase, type TestDatabase } from '../../../adapters/test/support/services';
import { buildContainer } from '../../src/api-server';
import { loadConfig } from '../../src/config/load-config';
import { resolveRuntimeSettings } from '../../src/config/runtime-settings';
import { openInfrastructure, type Infrastructure } from '../../src/infrastructure';
import { TOKENS } from '../../src/tokens';
import { actorWorld, startClassroomFixture, type ActorWorld, type ClassroomFixture } from '../classroom/classroom-fixture';
import { HttpClient } from '../support/test-server';
import { outcomeOf, postWebhook, webhookBody } from './livekit-fixture';

describe('LiveKit without a key pair on a loopback bind', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  beforeAll(async () => {
    f = await startClassroomFixture({ env: { LIVEKIT_API_KEY: '', LIVEKIT_API_SECRET: '' } });
    w = await actorWorld(f);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('answers the token endpoint with 503 GLOBAL_503, after authentication and before the body', async () => {
    expect(outcomeOf(await w.clients.anonymous.json('POST', '/api/livekit/token', { body: { roomName: '1' } }))).toBe('401 GLOBAL_401');
    expect(outcomeOf(await w.clients.student.json('POST', '/api/livekit/token', { body: { roomName: String(w.classRoom.id) } }))).toBe('503 GLOBAL_503');
    expect(outcomeOf(await w.clients.student.json('POST', '/api/livekit/token', { raw: 'x', headers: { 'content-type': 'text/plain' } }))).toBe('503 GLOBAL_503');
  });

  it('answers the webhook with 503 GLOBAL_503', async () => {
    expect(outcomeOf(await postWebhook(f.anonymous, webhookBody('room_started'), 'whatever'))).toBe('503 GLOBAL_503');
  });

  it('answers the room endpoints with 503 GLOBAL_503 after the permission checks', async () => {
    const room = String(w.classRoom.id);
    expect(outcomeOf(await w.clients.instructor.json('POST', '/api/livekit/room', { body: { roomName: room } }))).toBe('503 GLOBAL_503');
    expect(outcomeOf(await w.clients.student.json('POST', '/api/livekit/room', { body: { roomName: room } }))).toBe('403 CLASS_012');
    expect(outcomeOf(await w.clients.admin.json('GET', '/api/livekit/rooms'))).toBe('503 GLOBAL_503');
    expect(outcomeOf(await w.clients.instructor.json('GET', '/api/livekit/rooms'))).toBe('403 GLOBAL_403');
  });

  it('leaves the classroom without a Room API: end and kick still succeed', async () => {
    expect(f.server.container.get(TOKENS.MediaRoomGateway)).toBeNull();
    expect((await w.clients.instructor.request('POST', `/api/class/${w.classRoom.id}/kick/${w.student.id}`)).status).toBe(200);
    expect((await w.clients.instructor.request('POST', `/api/class/${w.classRoom.id}/end`)).status).toBe(200);
  });
});

describe('LiveKit with a key pair but LIVEKIT_URL empty', () => {
  let f: ClassroomFixture;
  let w: ActorWorld;
  beforeAll(async () => {
    f = await startClassroomFixture({ env: { LIVEKIT_URL: '', LIVEKIT_API_KEY: 'APIkeyOnly', LIVEKIT_API_SECRET: 'key-only-secret-0123456789abcdefghijklm' } });
    w = await actorWorld(f);
  });
  afterAll(async () => {
    await f?.stop();
  });

  it('issues tokens but answers the room endpoints with 503', async () => {
    const token = await w.clients.student.json('POST', '/api/livekit/token', { body: { roomName: String(w.classRoom.id) } });
    expect(token.status).toBe(200);
    expect(typeof token.body.token).toBe('string');
    expect(outcomeOf(await w.clients.instructor.json('POST', '/api/livekit/room/end', { body: { roomName: String(w.classRoom.id) } }))).toBe('503 GLOBAL_503');
    expect(outcomeOf(await w.clients.instructor.json('GET', `/api/livekit/room/${w.classRoom.id}/participants`))).toBe('503 GLOBAL_503');
  });
});

/**
 * A container built for a non-loopback bind (HOST=0.0.0.0) with no key pair. Its routes are served on
 * 127.0.0.1 so the test never listens beyond loopback.
 */
describe('LiveKit without a key pair on a non-loopback bind', () => {
  let db: TestDatabase & { pgliteDir?: string };
  let infra: Infrastructure;
  let server: Server;
  let client: HttpClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    const env: Record<string, string> = {
      HOST: '0.0.0.0',
      PORT: '0',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      AUTH_REQUIRE_EMAIL_VERIFICATION: 'false',
      LOG_LEVEL: 'silent',
      ...(db.url ? { DATABASE_URL: db.url } : { DATA_DIR: db.pgliteDir! }),
    };
    const config = loadConfig(env);
    const settings = await resolveRuntimeSettings(config, env);
    expect(settings.loopback).toBe(false);
    expect(settings.livekit).toMatchObject({ apiKey: '', apiSecret: '' });
    infra = await openInfrastructure(settings, silentLogger);
    const container = buildContainer(settings, infra);
    const hash = await container.get<PasswordHasher>(TOKENS.PasswordHasher).hash('Passw0rd!1');
    const user = await container.get<UserRepository>(TOKENS.UserRepository).create({ ...UserMother.student(), passwordHash: hash });
    const app = createHttpApp({
      logger: silentLogger,
      originPolicy: new OriginPolicy(config.corsAllowedOrigins, settings.ownOrigin),
      modules: container.getAll<HttpModule>(TOKENS.HttpModules),
      trustProxy: false,
    });
    server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await client.login(user.email, 'Passw0rd!1');
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await infra?.close();
    await db?.drop();
  });

  it('answers the webhook with 401 LIVEKIT_001 and the token endpoint with 503 GLOBAL_503', async () => {
    expect(outcomeOf(await postWebhook(new HttpClient(client.baseUrl), webhookBody('room_started'), 'whatever'))).toBe('401 LIVEKIT_001');
    expect(outcomeOf(await client.json('POST', '/api/livekit/token', { body: { roomName: '1' } }))).toBe('503 GLOBAL_503');
    expect(outcomeOf(await client.json('POST', '/api/livekit/room', { body: { roomName: '1' } }))).toBe('404 CLASS_001');
  });
});
