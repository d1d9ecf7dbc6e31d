import { describe, expect, it } from 'vitest';
import type { Context } from 'koa';
import { HttpFailure } from '../../src/http/http-failure';
import { renderDetail } from '../../src/wire';
import { classSortFieldOf } from '../../src/http/routes/admin-class-routes';
import { userSortFieldOf, userStatusOf } from '../../src/http/routes/admin-user-routes';
import { classInputOf, myPageClassId, queryLocalDate, queryLocalTime } from '../../src/http/routes/classroom-params';
import { snapshotOrderOf } from '../../src/http/routes/snapshot-routes';

const ctx = (params: Record<string, string>, query: Record<string, string | string[]> = {}) => ({ params, query }) as unknown as Context;
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HttpFailure) {
      const detail = renderDetail(e.error);
      return `${e.error.code}${detail ? ` ${detail}` : ''}`;
    }
    throw e;
  }
  return 'no failure';
};

describe('classroom request parsing', () => {
  it('parses the my-page detail id with the FILE_020 rule', () => {
    expect(myPageClassId(ctx({ id: '42' }), 'id')).toBe(42);
    expect(myPageClassId(ctx({ id: '9007199254740991' }), 'id')).toBe(9007199254740991);
    for (const raw of ['0', '000', '-1', '-0', '+0', '-123456789012345678901234567890']) expect(failure(() => myPageClassId(ctx({ id: raw }), 'id'))).toBe('FILE_020');
    for (const raw of ['', 'x', '1.5', '1e2', '9007199254740992', ' 1']) expect(failure(() => myPageClassId(ctx({ id: raw }), 'id'))).toBe('GLOBAL_411 id: 형식이 올바르지 않습니다');
  });

  it('parses dates and times in queries (GLOBAL_411) and bodies (GLOBAL_410)', () => {
    expect(queryLocalDate(ctx({}, { d: ['2024-02-29', 'x'] }), 'd')).toBe('2024-02-29');
    expect(queryLocalDate(ctx({}, { d: '' }), 'd')).toBeUndefined();
    for (const bad of ['2025-02-29', '0000-01-01', '2025-1-01', '20250101']) expect(failure(() => queryLocalDate(ctx({}, { d: bad }), 'd'))).toBe('GLOBAL_411 d: 형식이 올바르지 않습니다');
    expect(queryLocalTime(ctx({}, { t: '09:00' }), 't')).toBe('09:00:00');
    expect(queryLocalTime(ctx({}, { t: '23:59:59.123456789' }), 't')).toBe('23:59:59');
    for (const bad of ['9:00', '24:00', '12:60', '12:00:60', '12:00:00.1234567890']) expect(failure(() => queryLocalTime(ctx({}, { t: bad }), 't'))).toMatch(/^GLOBAL_411/);
    expect(classInputOf({ title: 'x', startTime: '09:30', isOnline: 'true', instructorId: '7', description: null })).toEqual({ title: 'x', startTime: '09:30:00', isOnline: true, instructorId: 7 });
    expect(failure(() => classInputOf({ endDate: '2025-12-1' }))).toBe('GLOBAL_410 endDate: 형식이 올바르지 않습니다');
  });

  it('falls back on unknown sort fields and directions', () => {
    expect(['title', 'endTime', 'TITLE', 'x', undefined].map(classSortFieldOf)).toEqual(['title', 'endTime', 'createdAt', 'createdAt', 'createdAt']);
    expect(['name', 'email', 'password', undefined].map(userSortFieldOf)).toEqual(['name', 'email', 'createdAt', 'createdAt']);
    expect(['active', 'INACTIVE', 'deleted', undefined].map(userStatusOf)).toEqual(['ACTIVE', 'INACTIVE', undefined, undefined]);
    expect(snapshotOrderOf('updatedAt,asc')).toEqual({ field: 'updatedAt', direction: 'ASC' });
    expect(snapshotOrderOf('createdAt,DESC')).toEqual({ field: 'createdAt', direction: 'DESC' });
    expect(snapshotOrderOf('createdAt')).toEqual({ field: 'createdAt', direction: 'ASC' });
    for (const bad of ['title,asc', 'createdAt,up', 'createdAt,asc,x', '', undefined]) expect(snapshotOrderOf(bad)).toEqual({ field: 'createdAt', direction: 'DESC' });
  });
});
