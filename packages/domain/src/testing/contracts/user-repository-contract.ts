import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserRepository } from '../../identity/ports/user-repository';
import { UserMother } from '../user-mother';
import type { ContractHarness, HarnessFactory } from './harness';

/** The behaviour every `UserRepository` must have. */
export function userRepositoryContract(name: string, factory: HarnessFactory<UserRepository>): void {
  describe(`UserRepository contract: ${name}`, () => {
    let h: ContractHarness<UserRepository>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('creates users with distinct positive ids and finds them by id and email', async () => {
      const a = await h.subject.create(UserMother.student());
      const b = await h.subject.create(UserMother.instructor());
      expect(a.id).toBeGreaterThan(0);
      expect(b.id).not.toBe(a.id);
      expect(await h.subject.findById(a.id)).toEqual(a);
      expect(await h.subject.findByEmail(b.email)).toEqual(b);
      expect(await h.subject.findById(999_999)).toBeNull();
      expect(await h.subject.findByEmail('nobody@example.com')).toBeNull();
    });

    it('keeps every field, including dates and nulls, through a round trip', async () => {
      const input = UserMother.student({ name: '김수스', lastLoginAt: new Date('2025-12-18T01:02:03.456Z'), profileImageUrl: 'https://x/y.png' });
      const created = await h.subject.create(input);
      expect(created).toEqual({ ...input, id: created.id });
    });

    it('refuses a second account with the same email', async () => {
      const input = UserMother.student();
      await h.subject.create(input);
      await expect(h.subject.create({ ...input, name: 'other' })).rejects.toThrow();
    });

    it('updates mutable fields', async () => {
      const u = await h.subject.create(UserMother.student());
      const changed = { ...u, name: '새이름', status: 'INACTIVE' as const, role: 'INSTRUCTOR' as const, passwordHash: 'plain:x', updatedAt: new Date('2026-01-01T00:00:00Z') };
      await h.subject.update(changed);
      expect(await h.subject.findById(u.id)).toEqual(changed);
    });

    it('knows whether an admin exists', async () => {
      expect(await h.subject.anyAdmin()).toBe(false);
      await h.subject.create(UserMother.student());
      expect(await h.subject.anyAdmin()).toBe(false);
      await h.subject.create(UserMother.admin());
      expect(await h.subject.anyAdmin()).toBe(true);
    });
  });
}
