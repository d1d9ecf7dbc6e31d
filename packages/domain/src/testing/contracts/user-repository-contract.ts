import { expect } from 'vitest';
import type { UserRepository } from '../../identity/ports/user-repository';
import { UserMother } from '../user-mother';
import { contractSuite, type ContractOptions, type HarnessFactory } from './harness';

/** The behaviour every `UserRepository` must have. */
export function userRepositoryContract(name: string, factory: HarnessFactory<UserRepository>, options: ContractOptions = {}): void {
  contractSuite(`UserRepository contract: ${name}`, factory, options, (it) => {
    it('creates users with distinct positive ids and finds them by id and email', async (h) => {
      const a = await h.subject.create(UserMother.student());
      const b = await h.subject.create(UserMother.instructor());
      expect(a.id).toBeGreaterThan(0);
      expect(b.id).not.toBe(a.id);
      expect(await h.subject.findById(a.id)).toEqual(a);
      expect(await h.subject.findByEmail(b.email)).toEqual(b);
      expect(await h.subject.findById(999_999)).toBeNull();
      expect(await h.subject.findByEmail('nobody@example.com')).toBeNull();
    });

    it('keeps every field, including dates and nulls, through a round trip', async (h) => {
      const input = UserMother.student({ name: '김수스', lastLoginAt: new Date('2025-12-18T01:02:03.456Z'), profileImageUrl: 'https://x/y.png' });
      const created = await h.subject.create(input);
      expect(created).toEqual({ ...input, id: created.id });
    });

    it('finds accounts whatever their status, and keeps other accounts untouched by an update', async (h) => {
      const inactive = await h.subject.create(UserMother.student({ status: 'INACTIVE' }));
      const other = await h.subject.create(UserMother.instructor({ name: '다른사람' }));
      expect(await h.subject.findByEmail(inactive.email)).toEqual(inactive);
      await h.subject.update({ ...inactive, name: '바뀐이름', lastLoginAt: new Date('2026-02-03T04:05:06.789Z') });
      expect(await h.subject.findById(other.id)).toEqual(other);
      expect((await h.subject.findById(inactive.id))?.lastLoginAt?.toISOString()).toBe('2026-02-03T04:05:06.789Z');
    });

    it('keeps unicode names and bcrypt or argon2 hashes byte for byte', async (h) => {
      const argon = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1';
      const bcrypt = '$2b$10$abcdefghijklmnopqrstuuC8Q6rR6iM1uYb7y1sQGZ4k5m4m2QyPu';
      const a = await h.subject.create(UserMother.student({ name: '김수스😀가나다라마바사아자', passwordHash: argon }));
      const b = await h.subject.create(UserMother.student({ passwordHash: bcrypt }));
      expect((await h.subject.findById(a.id))?.name).toBe('김수스😀가나다라마바사아자');
      expect((await h.subject.findById(a.id))?.passwordHash).toBe(argon);
      expect((await h.subject.findByEmail(b.email))?.passwordHash).toBe(bcrypt);
    });

    it('refuses a second account with the same email', async (h) => {
      const input = UserMother.student();
      await h.subject.create(input);
      await expect(h.subject.create({ ...input, name: 'other' })).rejects.toThrow();
    });

    it('lets only one of two concurrent creates with the same email succeed', async (h) => {
      const input = UserMother.student();
      const results = await Promise.allSettled([h.subject.create(input), h.subject.create({ ...input, name: '동시가입' })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await h.subject.findByEmail(input.email))?.email).toBe(input.email);
    });

    it('updates mutable fields', async (h) => {
      const u = await h.subject.create(UserMother.student());
      const changed = { ...u, name: '새이름', status: 'INACTIVE' as const, role: 'INSTRUCTOR' as const, passwordHash: 'plain:x', updatedAt: new Date('2026-01-01T00:00:00Z') };
      await h.subject.update(changed);
      expect(await h.subject.findById(u.id)).toEqual(changed);
    });

    it('knows whether an admin exists', async (h) => {
      expect(await h.subject.anyAdmin()).toBe(false);
      await h.subject.create(UserMother.student());
      expect(await h.subject.anyAdmin()).toBe(false);
      await h.subject.create(UserMother.admin());
      expect(await h.subject.anyAdmin()).toBe(true);
    });
  });
}
