import { describe, expect, it } from 'vitest';
import { mediaIdentityOf, mediaMetadataOf, userIdOfMediaIdentity } from '@sooscode/domain';

describe('media identity and metadata', () => {
  it('names a user "user-<id>" and reads the id back', () => {
    expect(mediaIdentityOf(7)).toBe('user-7');
    expect(userIdOfMediaIdentity('user-7')).toBe(7);
    expect(userIdOfMediaIdentity(mediaIdentityOf(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['user-', 'user-07', 'user-0', 'user--7', 'user-7 ', 'User-7', 'user-7a', 'admin-7', '7', 'user-99999999999999999'])(
    'reads %j as no user',
    (identity) => {
      expect(userIdOfMediaIdentity(identity)).toBeNull();
    },
  );

  it.each([0, -1, 1.5, Number.NaN])('refuses user id %s', (userId) => {
    expect(() => mediaIdentityOf(userId)).toThrow(RangeError);
  });

  it('writes the metadata as a JSON string the client can parse', () => {
    expect(mediaMetadataOf('INSTRUCTOR', 7)).toBe('{"role":"INSTRUCTOR","userId":7}');
    expect(JSON.parse(mediaMetadataOf('STUDENT', 12))).toEqual({ role: 'STUDENT', userId: 12 });
  });
});
