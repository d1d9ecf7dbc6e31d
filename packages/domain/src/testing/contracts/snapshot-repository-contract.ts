import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClassroomMother, SnapshotMother } from '../classroom-mother';
import { UserMother } from '../user-mother';
import type { ClassroomStores } from './classroom-stores';
import type { ContractHarness, HarnessFactory } from './harness';

/** The behaviour every `SnapshotRepository` must have. */
export function snapshotRepositoryContract(name: string, factory: HarnessFactory<ClassroomStores>): void {
  describe(`SnapshotRepository contract: ${name}`, () => {
    let h: ContractHarness<ClassroomStores>;
    let owner: number;
    let other: number;
    let c1: number;
    let c2: number;
    beforeEach(async () => {
      h = await factory();
      const t = await h.subject.users.create(UserMother.instructor());
      owner = (await h.subject.users.create(UserMother.student())).id;
      other = (await h.subject.users.create(UserMother.student())).id;
      c1 = (await h.subject.classes.create(ClassroomMother.build(t.id))).id;
      c2 = (await h.subject.classes.create(ClassroomMother.build(t.id))).id;
    });
    afterEach(async () => {
      await h.teardown();
    });
    const at = (iso: string) => new Date(iso);
    const NEWEST = { field: 'createdAt', direction: 'DESC' } as const;

    it('creates snapshots with distinct ids and round-trips every field', async () => {
      const input = SnapshotMother.build(owner, c1, { title: '  제목  ', content: '<p>Hi</p>\n', language: 'CSS_HTML_JS', createdAt: at('2025-12-18T01:02:03.456Z'), updatedAt: at('2025-12-18T02:00:00Z') });
      const a = await h.subject.snapshots.create(input);
      const b = await h.subject.snapshots.create(SnapshotMother.build(owner, c1));
      expect(b.id).not.toBe(a.id);
      expect(a).toEqual({ ...input, id: a.id });
      expect(await h.subject.snapshots.findById(a.id)).toEqual(a);
      expect(await h.subject.snapshots.findById(999_999)).toBeNull();
    });

    it('updates title, content and updatedAt only', async () => {
      const s = await h.subject.snapshots.create(SnapshotMother.build(owner, c1));
      await h.subject.snapshots.update({ ...s, title: '새 제목', content: 'new', updatedAt: at('2026-01-01T00:00:00Z'), language: 'PYTHON', userId: other });
      expect(await h.subject.snapshots.findById(s.id)).toEqual({ ...s, title: '새 제목', content: 'new', updatedAt: at('2026-01-01T00:00:00Z') });
    });

    it('deletes only the owner’s snapshot in that class', async () => {
      const s = await h.subject.snapshots.create(SnapshotMother.build(owner, c1));
      expect(await h.subject.snapshots.deleteOwned(other, c1, s.id)).toBe(false);
      expect(await h.subject.snapshots.deleteOwned(owner, c2, s.id)).toBe(false);
      expect(await h.subject.snapshots.deleteOwned(owner, c1, s.id)).toBe(true);
      expect(await h.subject.snapshots.deleteOwned(owner, c1, s.id)).toBe(false);
      expect(await h.subject.snapshots.findById(s.id)).toBeNull();
    });

    it('finds only the owner’s snapshots of one class, newest first, ties by id', async () => {
      const a = await h.subject.snapshots.create(SnapshotMother.build(owner, c1, { createdAt: at('2025-12-01T00:00:00Z') }));
      const b = await h.subject.snapshots.create(SnapshotMother.build(owner, c1, { createdAt: at('2025-12-02T00:00:00Z') }));
      const c = await h.subject.snapshots.create(SnapshotMother.build(owner, c1, { createdAt: at('2025-12-02T00:00:00Z') }));
      await h.subject.snapshots.create(SnapshotMother.build(other, c1));
      await h.subject.snapshots.create(SnapshotMother.build(owner, c2));
      const all = await h.subject.snapshots.find({ userId: owner, classId: c1 }, NEWEST);
      expect(all.total).toBe(3);
      expect(all.items.map((s) => s.id)).toEqual([c.id, b.id, a.id]);
      const page = await h.subject.snapshots.find({ userId: owner, classId: c1 }, NEWEST, { page: 1, size: 2 });
      expect(page).toEqual({ total: 3, items: [a] });
    });

    it('filters by title (any case), content (exact case), language and an inclusive period', async () => {
      const f = { userId: owner, classId: c1 };
      const java = await h.subject.snapshots.create(SnapshotMother.build(owner, c1, { title: 'Hello World', content: 'System.OUT', createdAt: at('2025-12-17T15:00:00.000Z'), updatedAt: at('2025-12-20T00:00:00Z') }));
      const py = await h.subject.snapshots.create(SnapshotMother.build(owner, c1, { title: 'hello python', content: 'print()', language: 'PYTHON', createdAt: at('2025-12-18T14:59:59.999Z'), updatedAt: at('2025-12-19T00:00:00Z') }));
      const ids = async (extra: object, order: { field: 'createdAt' | 'updatedAt'; direction: 'ASC' | 'DESC' } = NEWEST) =>
        (await h.subject.snapshots.find({ ...f, ...extra }, order)).items.map((s) => s.id);
      expect(await ids({ titleContains: 'HELLO' })).toEqual([py.id, java.id]);
      expect(await ids({ titleContains: 'World' })).toEqual([java.id]);
      expect(await ids({ contentContains: 'OUT' })).toEqual([java.id]);
      expect(await ids({ contentContains: 'out' })).toEqual([]);
      expect(await ids({ language: 'PYTHON' })).toEqual([py.id]);
      expect(await ids({ createdFrom: at('2025-12-17T15:00:00.000Z'), createdTo: at('2025-12-18T14:59:59.999Z') })).toEqual([py.id, java.id]);
      expect(await ids({ createdFrom: at('2025-12-17T15:00:00.001Z') })).toEqual([py.id]);
      expect(await ids({ createdTo: at('2025-12-18T14:59:59.998Z') })).toEqual([java.id]);
      expect(await ids({}, { field: 'updatedAt', direction: 'ASC' })).toEqual([py.id, java.id]);
      expect(await ids({}, { field: 'createdAt', direction: 'ASC' })).toEqual([java.id, py.id]);
    });
  });
}
