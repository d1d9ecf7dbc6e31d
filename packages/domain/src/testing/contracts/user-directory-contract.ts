import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserSearch } from '../../classroom/admin/ports/user-directory';
import { ClassroomMother } from '../classroom-mother';
import { UserMother } from '../user-mother';
import type { ClassroomStores } from './classroom-stores';
import type { ContractHarness, HarnessFactory } from './harness';

const PAGE = { page: 0, size: 100 };
const NEWEST: UserSearch = { sortBy: 'createdAt', direction: 'DESC' };

/** The behaviour every `UserDirectory` must have. */
export function userDirectoryContract(name: string, factory: HarnessFactory<ClassroomStores>): void {
  describe(`UserDirectory contract: ${name}`, () => {
    let h: ContractHarness<ClassroomStores>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });
    const at = (iso: string) => new Date(iso);

    it('never lists admins and filters by keyword, role, status and creation days', async () => {
      const u = h.subject.users;
      await u.create(UserMother.admin({ name: '관리자김' }));
      const s1 = await u.create(UserMother.student({ name: '김학생', email: 'kim.student@example.com', createdAt: at('2025-12-01T00:00:00Z') }));
      const s2 = await u.create(UserMother.student({ name: '박학생', status: 'INACTIVE', createdAt: at('2025-12-02T00:00:00Z') }));
      const t1 = await u.create(UserMother.instructor({ name: '김강사', createdAt: at('2025-12-03T00:00:00.500Z') }));
      const ids = async (s: Partial<UserSearch>) => (await h.subject.directory.search({ ...NEWEST, ...s }, PAGE)).items.map((x) => x.id);
      expect(await ids({})).toEqual([t1.id, s2.id, s1.id]);
      expect(await ids({ keyword: '김' })).toEqual([t1.id, s1.id]);
      expect(await ids({ keyword: 'KIM.STUDENT' })).toEqual([s1.id]);
      expect(await ids({ role: 'STUDENT' })).toEqual([s2.id, s1.id]);
      expect(await ids({ role: 'ADMIN' })).toEqual([]);
      expect(await ids({ status: 'INACTIVE' })).toEqual([s2.id]);
      expect(await ids({ createdFrom: at('2025-12-02T00:00:00Z'), createdTo: at('2025-12-03T00:00:00.500Z') })).toEqual([t1.id, s2.id]);
      expect(await ids({ createdTo: at('2025-12-03T00:00:00.499Z') })).toEqual([s2.id, s1.id]);
      const found = await h.subject.directory.search(NEWEST, { page: 0, size: 2 });
      expect(found.total).toBe(3);
      expect(found.items[0]).toEqual(t1);
    });

    it('reads every match in batches, in the search order, from one snapshot, and can be left early', async () => {
      const u = h.subject.users;
      await u.create(UserMother.admin());
      const made = [];
      for (let i = 0; i < 7; i++) made.push(await u.create(UserMother.student({ createdAt: at(`2025-12-0${i + 1}T00:00:00Z`) })));
      const batches: number[][] = [];
      for await (const batch of h.subject.directory.batches({ sortBy: 'createdAt', direction: 'ASC' }, 3)) {
        batches.push(batch.map((x) => x.id));
        if (batches.length === 1) await u.create(UserMother.student({ createdAt: at('2026-01-01T00:00:00Z') }));
      }
      expect(batches).toEqual([made.slice(0, 3), made.slice(3, 6), made.slice(6)].map((b) => b.map((x) => x.id)));
      const filtered = [];
      for await (const batch of h.subject.directory.batches({ ...NEWEST, createdTo: at('2025-12-02T00:00:00Z') }, 10)) filtered.push(...batch.map((x) => x.id));
      expect(filtered).toEqual([made[1]!.id, made[0]!.id]);
      for await (const batch of h.subject.directory.batches(NEWEST, 2)) {
        expect(batch).toHaveLength(2);
        break;
      }
      expect((await h.subject.directory.search(NEWEST, PAGE)).total).toBe(8);
    });

    it('sorts by name, email or creation time in either direction, ties by id', async () => {
      const u = h.subject.users;
      const a = await u.create(UserMother.student({ name: '나', email: 'c@example.com', createdAt: at('2025-12-01T00:00:00Z') }));
      const b = await u.create(UserMother.student({ name: '가', email: 'b@example.com', createdAt: at('2025-12-01T00:00:00Z') }));
      const c = await u.create(UserMother.instructor({ name: 'Zed', email: 'a@example.com', createdAt: at('2025-12-02T00:00:00Z') }));
      const ids = async (s: Partial<UserSearch>) => (await h.subject.directory.search({ ...NEWEST, ...s }, PAGE)).items.map((x) => x.id);
      expect(await ids({ sortBy: 'name', direction: 'ASC' })).toEqual([c.id, b.id, a.id]);
      expect(await ids({ sortBy: 'email', direction: 'DESC' })).toEqual([a.id, b.id, c.id]);
      expect(await ids({ sortBy: 'createdAt', direction: 'ASC' })).toEqual([a.id, b.id, c.id]);
      expect(await ids({ sortBy: 'createdAt', direction: 'DESC' })).toEqual([c.id, b.id, a.id]);
    });

    it('lists active instructors by name, with a keyword', async () => {
      const u = h.subject.users;
      const b = await u.create(UserMother.instructor({ name: '나강사', email: 'na@example.com' }));
      const a = await u.create(UserMother.instructor({ name: '가강사' }));
      await u.create(UserMother.instructor({ name: '다강사', status: 'INACTIVE' }));
      await u.create(UserMother.student({ name: '라학생' }));
      expect(await h.subject.directory.activeInstructors()).toEqual([
        { userId: a.id, name: '가강사', email: a.email },
        { userId: b.id, name: '나강사', email: 'na@example.com' },
      ]);
      expect((await h.subject.directory.activeInstructors('NA@')).map((x) => x.userId)).toEqual([b.id]);
    });

    it('lists active students not enrolled in the class, by name', async () => {
      const u = h.subject.users;
      const t = await u.create(UserMother.instructor());
      const c = await h.subject.classes.create(ClassroomMother.build(t.id));
      const other = await h.subject.classes.create(ClassroomMother.build(t.id));
      const enrolled = await u.create(UserMother.student({ name: '가학생' }));
      const free = await u.create(UserMother.student({ name: '나학생' }));
      const elsewhere = await u.create(UserMother.student({ name: '다학생' }));
      await u.create(UserMother.student({ name: '마학생', status: 'INACTIVE' }));
      await h.subject.enrolments.enrol({ classId: c.id, userId: enrolled.id, enrolledAt: h.now() });
      await h.subject.enrolments.enrol({ classId: other.id, userId: elsewhere.id, enrolledAt: h.now() });
      expect((await h.subject.directory.availableStudents(c.id)).map((x) => x.userId)).toEqual([free.id, elsewhere.id]);
      expect((await h.subject.directory.availableStudents(c.id, '다')).map((x) => x.userId)).toEqual([elsewhere.id]);
    });
  });
}
