import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AccessToken, TokenVerifier, TrackSource } from 'livekit-server-sdk';
import {
  grantsFor,
  mediaIdentityOf,
  mediaMetadataOf,
  type MediaGrants,
  type MediaRole,
  type MediaTokenRequest,
} from '@sooscode/domain';
import { FixedClock } from '@sooscode/domain/testing';
import { LiveKitMediaTokenIssuer } from '../../src/livekit/livekit-media-token-issuer';

const KEY = 'APIsooscodeTest';
const SECRET = 'token-test-secret-0123456789abcdefghij';
const ADMIN_GRANTS = ['roomAdmin', 'roomCreate', 'roomList', 'roomRecord', 'hidden', 'recorder', 'ingressAdmin', 'agent'];

/** A clock at the current second, so LiveKit's verifier (which reads the system clock) accepts the tokens. */
function currentClock(): FixedClock {
  return new FixedClock(new Date(Math.floor(Date.now() / 1000) * 1000));
}

function requestFor(role: MediaRole, grants: MediaGrants = grantsFor(role), ttlS = 3600): MediaTokenRequest {
  return { room: '1', identity: mediaIdentityOf(7), name: '김수스', metadata: mediaMetadataOf(role, 7), grants, ttlS };
}

const CASES: { label: string; role: MediaRole; grants: MediaGrants; video: Record<string, unknown> }[] = [
  {
    label: 'instructor',
    role: 'INSTRUCTOR',
    grants: grantsFor('INSTRUCTOR'),
    video: { room: '1', roomJoin: true, canSubscribe: true, canPublish: true, canPublishData: true, canUpdateOwnMetadata: false },
  },
  {
    label: 'student who may publish (default sources)',
    role: 'STUDENT',
    grants: grantsFor('STUDENT'),
    video: {
      room: '1',
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share'],
      canPublishData: true,
      canUpdateOwnMetadata: false,
    },
  },
  {
    label: 'student limited to the camera',
    role: 'STUDENT',
    grants: grantsFor('STUDENT', { studentCanPublish: true, studentSources: ['camera'] }),
    video: {
      room: '1',
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ['camera'],
      canPublishData: true,
      canUpdateOwnMetadata: false,
    },
  },
  {
    label: 'student who may not publish',
    role: 'STUDENT',
    grants: grantsFor('STUDENT', { studentCanPublish: false, studentSources: ['camera', 'microphone'] }),
    video: { room: '1', roomJoin: true, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: false },
  },
];

describe('LiveKitMediaTokenIssuer', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(CASES)('signs every claim and grant for the $label, accepted by LiveKit’s TokenVerifier', async (c) => {
    const clock = currentClock();
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, clock);

    const token = await issuer.issue(requestFor(c.role, c.grants));

    const claims = await new TokenVerifier(KEY, SECRET).verify(token);
    const nowS = clock.now().getTime() / 1000;
    expect(claims).toStrictEqual({
      iss: KEY,
      sub: 'user-7',
      name: '김수스',
      nbf: nowS,
      exp: nowS + 3600,
      metadata: c.role === 'INSTRUCTOR' ? '{"role":"INSTRUCTOR","userId":7}' : '{"role":"STUDENT","userId":7}',
      video: c.video,
    });
    for (const grant of ADMIN_GRANTS) expect(claims.video).not.toHaveProperty(grant);
  });

  it('writes the header {"alg":"HS256","typ":"JWT"}', async () => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());

    const token = await issuer.issue(requestFor('STUDENT'));

    expect(decodeProtectedHeader(token)).toStrictEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('sets exp to nbf plus the requested ttl, from the injected clock', async () => {
    const clock = new FixedClock('2025-12-18T06:40:00.750Z');
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, clock);

    const payload = decodeJwt(await issuer.issue(requestFor('STUDENT', grantsFor('STUDENT'), 90)));

    expect(payload.nbf).toBe(1766040000);
    expect(payload.exp).toBe(1766040090);
  });

  it('produces the same claims as the SDK’s AccessToken for the same participant', async () => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());
    const reference = new AccessToken(KEY, SECRET, {
      identity: 'user-7',
      name: '김수스',
      metadata: '{"role":"STUDENT","userId":7}',
      ttl: 3600,
    });
    reference.addGrant({
      room: '1',
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE],
      canPublishData: true,
      canUpdateOwnMetadata: false,
    });
    const verifier = new TokenVerifier(KEY, SECRET);

    const ours = await verifier.verify(await issuer.issue(requestFor('STUDENT')));
    const theirs = await verifier.verify(await reference.toJwt());

    const { nbf: _n1, exp: _e1, ...ourClaims } = ours;
    const { nbf: _n2, exp: _e2, ...theirClaims } = theirs;
    expect(ourClaims).toStrictEqual(theirClaims);
  });

  it('copies only the known grants, so a stray admin grant never reaches the token', async () => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());
    const tainted = { ...grantsFor('INSTRUCTOR'), roomAdmin: true, roomCreate: true, hidden: true } as MediaGrants;

    const payload = decodeJwt(await issuer.issue(requestFor('INSTRUCTOR', tainted)));

    for (const grant of ADMIN_GRANTS) expect(payload.video).not.toHaveProperty(grant);
  });

  it('signs with the configured secret only', async () => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());
    const token = await issuer.issue(requestFor('STUDENT'));

    await expect(new TokenVerifier(KEY, `${SECRET}x`).verify(token)).rejects.toThrow();
    await expect(new TokenVerifier('APIother', SECRET).verify(token)).rejects.toThrow();
  });

  it('refuses an empty key or secret instead of reading the environment', () => {
    vi.stubEnv('LIVEKIT_API_KEY', 'APIfromEnv');
    vi.stubEnv('LIVEKIT_API_SECRET', 'secret-from-the-environment-0123456789');
    const clock = currentClock();

    expect(() => new LiveKitMediaTokenIssuer({ apiKey: '', apiSecret: SECRET }, clock)).toThrow(/key/);
    expect(() => new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: '' }, clock)).toThrow(/secret/);
  });

  it('keeps the secret out of inspection and serialisation', () => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());

    expect(inspect(issuer, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(issuer)).not.toContain(SECRET);
  });

  it.each([
    ['an empty room', { room: '' }],
    ['an empty identity', { identity: '' }],
    ['a zero ttl', { ttlS: 0 }],
    ['a fractional ttl', { ttlS: 1.5 }],
    ['an empty source list (LiveKit reads it as every source)', { grants: { ...grantsFor('STUDENT'), canPublishSources: [] } }],
    ['an unknown source', { grants: { ...grantsFor('STUDENT'), canPublishSources: ['webcam'] } as unknown as MediaGrants }],
  ])('throws on %s', async (_label, change) => {
    const issuer = new LiveKitMediaTokenIssuer({ apiKey: KEY, apiSecret: SECRET }, currentClock());

    await expect(issuer.issue({ ...requestFor('STUDENT'), ...change })).rejects.toThrow(RangeError);
  });
});
