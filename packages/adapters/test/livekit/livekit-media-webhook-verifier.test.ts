import { describe, expect, it } from 'vitest';
import { AccessToken, WebhookReceiver } from 'livekit-server-sdk';
import { FixedClock } from '@sooscode/domain/testing';
import { SystemClock } from '../../src/system/system-clock';
import { LiveKitMediaWebhookVerifier } from '../../src/livekit/livekit-media-webhook-verifier';
import { RecordingLogger } from './support/recording-logger';
import { craftToken, sha256Base64, signLikeLiveKit, unsignedToken } from './support/webhook-signing';

const KEY = 'APIwebhookTest';
const SECRET = 'webhook-test-secret-0123456789abcdefghi';
const LIVEKIT_001 = { ok: false, error: { code: 'LIVEKIT_001' } };
const GLOBAL_400 = { ok: false, error: { code: 'GLOBAL_400' } };

/** The body and hash of the webhook test in LiveKit's server SDK (livekit/node-sdks, WebhookReceiver.test.ts). */
const SDK_VECTOR_BODY =
  '{"event":"room_started", "room":{"sid":"RM_TkVjUvAqgzKz", "name":"mytestroom", "emptyTimeout":300, "creationTime":"1628545903", "turnPassword":"ICkSr2rEeslkN6e9bXL4Ji5zzMD5Z7zzr6ulOaxMj6N", "enabledCodecs":[{"mime":"audio/opus"}, {"mime":"video/VP8"}]}}';
const SDK_VECTOR_SHA256 = 'CoEQz1chqJ9bnZRcORddjplkvpjmPujmLTR42DbefYI=';

const JOINED = JSON.stringify({
  event: 'participant_joined',
  room: { sid: 'RM_abc', name: '1', emptyTimeout: 300, creationTime: '1766040000' },
  participant: { sid: 'PA_xyz', identity: 'user-7', state: 'ACTIVE', joinedAt: '1766040001', name: '김수스' },
  id: 'EV_123',
  createdAt: '1766040002',
  futureField: { anything: true },
});

/** A fixed "now" for hand-made tokens: 2025-12-18T06:40:00Z. */
const NOW_S = 1766040000;

function fixedVerifier(logger = new RecordingLogger()): LiveKitMediaWebhookVerifier {
  return new LiveKitMediaWebhookVerifier({ apiKey: KEY, apiSecret: SECRET }, new FixedClock(new Date(NOW_S * 1000)), logger);
}

function liveVerifier(logger = new RecordingLogger()): LiveKitMediaWebhookVerifier {
  return new LiveKitMediaWebhookVerifier({ apiKey: KEY, apiSecret: SECRET }, new SystemClock(), logger);
}

/** A token valid at NOW_S for `body`, with `changes` applied. */
function tokenFor(body: string, changes: Partial<Parameters<typeof craftToken>[0]> = {}): Promise<string> {
  return craftToken({ secret: SECRET, iss: KEY, nbf: NOW_S, exp: NOW_S + 300, sha256: sha256Base64(body), ...changes });
}

describe('LiveKitMediaWebhookVerifier', () => {
  describe('accepts', () => {
    it('the LiveKit server SDK’s published webhook test vector', async () => {
      expect(sha256Base64(SDK_VECTOR_BODY)).toBe(SDK_VECTOR_SHA256);
      const token = new AccessToken(KEY, SECRET);
      token.sha256 = SDK_VECTOR_SHA256;

      const result = await liveVerifier().verify(SDK_VECTOR_BODY, await token.toJwt());

      expect(result).toEqual({
        ok: true,
        value: {
          event: 'room_started',
          id: '',
          createdAtS: null,
          room: { name: 'mytestroom', sid: 'RM_TkVjUvAqgzKz' },
          participant: null,
          track: null,
        },
      });
    });

    it('an event signed the way LiveKit signs it, reading the fields the API uses', async () => {
      const authorization = await signLikeLiveKit(JOINED, KEY, SECRET);

      const result = await liveVerifier().verify(JOINED, authorization);

      expect(result).toEqual({
        ok: true,
        value: {
          event: 'participant_joined',
          id: 'EV_123',
          createdAtS: 1766040002,
          room: { name: '1', sid: 'RM_abc' },
          participant: { identity: 'user-7', sid: 'PA_xyz' },
          track: null,
        },
      });
      // The request is genuine by LiveKit's own reading too.
      await expect(new WebhookReceiver(KEY, SECRET).receive(JOINED, authorization)).resolves.toBeTruthy();
    });

    it('the exact bytes of the body', async () => {
      const bytes = new TextEncoder().encode(JOINED);

      const result = await liveVerifier().verify(bytes, await signLikeLiveKit(bytes, KEY, SECRET));

      expect(result).toMatchObject({ ok: true, value: { event: 'participant_joined' } });
    });

    it.each(['Bearer ', 'bearer ', 'Bearer  '])('a %j prefix before the token', async (prefix) => {
      const result = await fixedVerifier().verify(JOINED, `${prefix}${await tokenFor(JOINED)}`);

      expect(result.ok).toBe(true);
    });

    it.each([
      ['exp 5 s in the past', { exp: NOW_S - 5 }],
      ['nbf 5 s in the future', { nbf: NOW_S + 5 }],
      ['no nbf at all', { nbf: undefined }],
    ])('clock skew inside the 10 s tolerance: %s', async (_label, changes) => {
      expect((await fixedVerifier().verify(JOINED, await tokenFor(JOINED, changes))).ok).toBe(true);
    });
  });

  describe('refuses with LIVEKIT_001', () => {
    it.each([
      ['a missing header', undefined],
      ['an empty header', ''],
      ['a bare Bearer prefix', 'Bearer '],
      ['a value that is not a JWT', 'not-a-jwt'],
    ])('%s', async (_label, authorization) => {
      expect(await fixedVerifier().verify(JOINED, authorization)).toMatchObject(LIVEKIT_001);
    });

    it('a body changed after signing', async () => {
      const token = await tokenFor(JOINED);

      expect(await fixedVerifier().verify(JOINED.replace('user-7', 'user-8'), token)).toMatchObject(LIVEKIT_001);
      expect(await fixedVerifier().verify(`${JOINED} `, token)).toMatchObject(LIVEKIT_001);
    });

    it.each([
      ['no sha256 claim', { sha256: undefined }],
      ['a base64url hash', { sha256: sha256Base64(JOINED).replace(/\+/g, '-').replace(/\//g, '_') }],
      ['an unpadded hash', { sha256: sha256Base64(JOINED).replace(/=+$/, '') }],
      ['a hex hash', { sha256: Buffer.from(sha256Base64(JOINED), 'base64').toString('hex') }],
    ])('%s', async (_label, changes) => {
      expect(await fixedVerifier().verify(JOINED, await tokenFor(JOINED, changes))).toMatchObject(LIVEKIT_001);
    });

    it.each([
      ['another secret', { secret: `${SECRET}x` }],
      ['another key as issuer', { iss: 'APIother' }],
      ['no issuer', { iss: undefined }],
      ['an expired token (beyond the tolerance)', { exp: NOW_S - 11 }],
      ['nbf beyond the tolerance', { nbf: NOW_S + 15 }],
      ['no exp', { exp: undefined }],
      ['HS512', { alg: 'HS512' as const }],
      ['HS384', { alg: 'HS384' as const }],
    ])('a token with %s', async (_label, changes) => {
      expect(await fixedVerifier().verify(JOINED, await tokenFor(JOINED, changes))).toMatchObject(LIVEKIT_001);
    });

    it('an unsigned alg none token', async () => {
      const token = unsignedToken(KEY, NOW_S, NOW_S + 300, sha256Base64(JOINED));

      expect(await fixedVerifier().verify(JOINED, token)).toMatchObject(LIVEKIT_001);
    });

    it('a non-object body whose signature is wrong (verification comes first)', async () => {
      expect(await fixedVerifier().verify('[]', await tokenFor('[]', { secret: 'other' }))).toMatchObject(LIVEKIT_001);
    });

    it('logs the reason at debug level, never the token', async () => {
      const logger = new RecordingLogger();
      const token = await tokenFor(JOINED, { exp: NOW_S - 60 });

      await fixedVerifier(logger).verify(JOINED, token);

      expect(logger.entries).toEqual([
        expect.objectContaining({ level: 'debug', obj: expect.objectContaining({ reason: 'ERR_JWT_EXPIRED' }) }),
      ]);
      expect(logger.text()).not.toContain(token);
      expect(logger.text()).not.toContain(SECRET);
    });
  });

  describe('refuses an authentic body that is not a JSON object with GLOBAL_400', () => {
    it.each(['[]', '"room_started"', '42', 'null', 'true', '{"event":', ''])('%j', async (body) => {
      expect(await fixedVerifier().verify(body, await tokenFor(body))).toMatchObject(GLOBAL_400);
    });

    it('bytes that are not UTF-8', async () => {
      const bytes = Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]);
      const token = await craftToken({ secret: SECRET, iss: KEY, nbf: NOW_S, exp: NOW_S + 300, sha256: sha256Base64(bytes) });

      expect(await fixedVerifier().verify(bytes, token)).toMatchObject(GLOBAL_400);
    });
  });

  it('refuses to be built without a key or secret', () => {
    const clock = new SystemClock();
    const logger = new RecordingLogger();

    expect(() => new LiveKitMediaWebhookVerifier({ apiKey: '', apiSecret: SECRET }, clock, logger)).toThrow();
    expect(() => new LiveKitMediaWebhookVerifier({ apiKey: KEY, apiSecret: '' }, clock, logger)).toThrow();
  });
});
