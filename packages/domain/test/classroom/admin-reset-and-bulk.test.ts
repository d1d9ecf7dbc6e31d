import { describe, expect, it } from 'vitest';
import { BulkCreateAccounts, LoginThrottle, DEFAULT_IDENTITY_POLICY, ResetAccountPassword, type PasswordHasher } from '@sooscode/domain';
import { FakePasswordHasher, FixedClock, RecordingSessionTerminator, SequenceRandom, UserMother } from '@sooscode/domain/testing';
import { InMemoryAttemptCounter, InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';

describe('ResetAccountPassword', () => {
  function world() {
    const clock = new FixedClock();
    const users = new InMemoryUserRepository();
    const store = new InMemoryRefreshTokenStore(clock);
    const terminator = new RecordingSessionTerminator();
    const counter = new InMemoryAttemptCounter(clock);
    const reset = new ResetAccountPassword(users, new FakePasswordHasher(), new SequenceRandom(), store, terminator, new LoginThrottle(counter, DEFAULT_IDENTITY_POLICY), clock);
    return { users, terminator, counter, reset };
  }

  it('draws a 12-character [A-Za-z0-9] temporary password, stores only its hash, ends every session and lifts the lock', async () => {
    const w = world();
    const user = await w.users.create(UserMother.student());
    await w.counter.hit(`login-lock:acct:${user.email}`, 900);
    const r = await w.reset.execute(user.id);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await w.users.findById(user.id))!.passwordHash).toBe(`plain:${r.value.temporaryPassword}`);
    expect(w.terminator.closedUsers).toEqual([user.id]);
    expect((await w.counter.peek(`login-lock:acct:${user.email}`)).count).toBe(0);
  });

  it('refuses an unknown id (ADM_USR_001) and an ADMIN (ADM_USR_003)', async () => {
    const w = world();
    const admin = await w.users.create(UserMother.admin());
    expect(await w.reset.execute(9999)).toMatchObject({ ok: false, error: { code: 'ADM_USR_001' } });
    expect(await w.reset.execute(admin.id)).toMatchObject({ ok: false, error: { code: 'ADM_USR_003' } });
  });
});

/** Counts hashes in flight to prove the bound. */
class GatedHasher implements PasswordHasher {
  inFlight = 0;
  peak = 0;
  async hash(password: string): Promise<string> {
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight--;
    return `plain:${password}`;
  }
  async verify(): Promise<{ valid: boolean; needsRehash: boolean }> {
    return { valid: false, needsRehash: false };
  }
}

describe('BulkCreateAccounts', () => {
  it('creates good rows, reports bad, duplicate and taken rows, and hashes with bounded parallelism', async () => {
    const users = new InMemoryUserRepository();
    const taken = await users.create(UserMother.student());
    const hasher = new GatedHasher();
    const bulk = new BulkCreateAccounts(users, hasher, new SequenceRandom(), new FixedClock(), 3);
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ email: `u${i}@example.com`, name: `학생${i}`, role: i % 2 ? 'instructor' : '' })),
      { email: 'U3@Example.com', name: '중복이', role: 'STUDENT' },
      { email: taken.email, name: '있는이', role: 'STUDENT' },
      { email: 'bad', name: '이상한', role: 'STUDENT' },
      { email: 'admin@example.com', name: '관리자', role: 'ADMIN' },
      { email: 'x@example.com', name: '', role: 'STUDENT' },
    ];
    const r = await bulk.execute(rows);
    if (!r.ok) throw new Error(r.error.code);
    const results = r.value;
    expect(results.slice(0, 20).every((x) => x.created)).toBe(true);
    expect(results[1]).toMatchObject({ created: true, user: { role: 'INSTRUCTOR' } });
    expect(results[0]).toMatchObject({ created: true, user: { role: 'STUDENT', status: 'ACTIVE', provider: 'LOCAL' } });
    expect(results.slice(20)).toEqual([
      { created: false, problem: { kind: 'duplicate', firstRow: 3 } },
      { created: false, problem: { kind: 'taken' } },
      { created: false, problem: { kind: 'invalid', error: { code: 'VALID_USR_007' } } },
      { created: false, problem: { kind: 'invalid', error: { code: 'VALID_USR_015' } } },
      { created: false, problem: { kind: 'invalid', error: { code: 'VALID_USR_002' } } },
    ]);
    expect(hasher.peak).toBe(3);
    for (const x of results) if (x.created) expect(x.user.passwordHash).toBe(`plain:${x.temporaryPassword}`);
  });

  it('refuses no rows (ADM_USR_108) and more than 1000 (ADM_USR_107)', async () => {
    const bulk = new BulkCreateAccounts(new InMemoryUserRepository(), new FakePasswordHasher(), new SequenceRandom(), new FixedClock(), 2);
    expect(await bulk.execute([])).toMatchObject({ ok: false, error: { code: 'ADM_USR_108' } });
    const many = Array.from({ length: 1001 }, (_, i) => ({ email: `m${i}@example.com`, name: '학생', role: 'STUDENT' }));
    expect(await bulk.execute(many)).toMatchObject({ ok: false, error: { code: 'ADM_USR_107' } });
  });
});
