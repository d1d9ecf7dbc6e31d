import { describe, expect, it } from 'vitest';
import { ChangeRole, CreateAccount, DeactivateAccount, EditAccount, EndUserAccess } from '@sooscode/domain';
import { FakePasswordHasher, FixedClock, RecordingMailer, RecordingSessionTerminator, UserMother } from '@sooscode/domain/testing';
import { InMemoryRefreshTokenStore, InMemoryUserRepository } from '@sooscode/adapters/memory';
import type { SecureRandom } from '@sooscode/domain';

/** Records the alphabet and length it was asked for and answers a fixed string. */
class PinnedRandom implements SecureRandom {
  asked: [string, number] | null = null;
  token = () => 'tok';
  digits = (n: number) => '0'.repeat(n);
  uuid = () => '00000000-0000-4000-8000-000000000000';
  fromAlphabet(alphabet: string, length: number): string {
    this.asked = [alphabet, length];
    return 'Ab3dEf6hIj9L'.slice(0, length);
  }
}

describe('admin account use cases', () => {
  it('creates an account with a CSPRNG temporary password over [A-Za-z0-9], stores only its hash, and mails it', async () => {
    const users = new InMemoryUserRepository();
    const random = new PinnedRandom();
    const mailer = new RecordingMailer();
    const r = await new CreateAccount(users, new FakePasswordHasher(), random, mailer, new FixedClock()).execute({ email: ' A@Example.com', name: ' 새 강사 ', role: 'Instructor' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(random.asked).toEqual(['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 12]);
    expect(r.value.temporaryPassword).toBe('Ab3dEf6hIj9L');
    expect(r.value.user).toMatchObject({ email: 'a@example.com', name: '새 강사', role: 'INSTRUCTOR', status: 'ACTIVE', provider: 'LOCAL', passwordHash: 'plain:Ab3dEf6hIj9L' });
    expect(mailer.sent[0]).toMatchObject({ to: 'a@example.com' });
    expect(mailer.sent[0]!.text).toContain('Ab3dEf6hIj9L');
    expect(r.value.mailed).toBe(true);
  });

  it('still creates the account when the mail cannot be sent', async () => {
    const failing = { send: async () => Promise.reject(new Error('smtp down')) };
    const r = await new CreateAccount(new InMemoryUserRepository(), new FakePasswordHasher(), new PinnedRandom(), failing, new FixedClock()).execute({ email: 'b@example.com', name: '학생이', role: 'student' });
    expect(r.ok && r.value.mailed).toBe(false);
  });

  it('edits, changes roles and deactivates with the admin-target rules', async () => {
    const users = new InMemoryUserRepository();
    const clock = new FixedClock();
    const admin = await users.create(UserMother.admin());
    const s = await users.create(UserMother.student());
    const terminator = new RecordingSessionTerminator();
    const deactivate = new DeactivateAccount(users, new EndUserAccess(users, new InMemoryRefreshTokenStore(clock), terminator, clock));
    expect(await deactivate.execute(admin.id)).toEqual({ ok: false, error: { code: 'ADM_USR_002' } });
    expect(await deactivate.execute(s.id)).toEqual({ ok: true, value: undefined });
    expect((await users.findById(s.id))!.status).toBe('INACTIVE');
    expect(terminator.closedUsers).toEqual([s.id]);
    const role = new ChangeRole(users, clock);
    expect(await role.execute(admin.id, 'STUDENT')).toEqual({ ok: false, error: { code: 'ADM_USR_003' } });
    expect(await role.execute(admin.id, 'ADMIN')).toEqual({ ok: false, error: { code: 'ADM_USR_004' } });
    expect(await role.execute(s.id, 'instructor')).toEqual({ ok: true, value: undefined });
    const edit = new EditAccount(users, clock);
    expect(await edit.execute(admin.id, {})).toEqual({ ok: false, error: { code: 'ADM_USR_003' } });
    expect(await edit.execute(s.id, { name: '이름', email: admin.email.toUpperCase(), role: 'STUDENT' })).toEqual({ ok: false, error: { code: 'AUTH_102' } });
    expect(await edit.execute(s.id, { name: '이름', email: s.email, role: 'STUDENT' })).toEqual({ ok: true, value: undefined });
  });
});
