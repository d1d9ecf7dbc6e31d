import type { PageOf, PageRequest } from '@sooscode/domain';
import { pageOf } from '@sooscode/domain';
import type { SnapshotFilter, SnapshotOrder, SnapshotRepository } from '@sooscode/domain';
import type { NewSnapshot, Snapshot } from '@sooscode/domain';
import { containsIgnoringCase, directed } from './in-memory-classroom-repository';

/** `SnapshotRepository` in process memory; ids start at 1. */
export class InMemorySnapshotRepository implements SnapshotRepository {
  private readonly byId = new Map<number, Snapshot>();
  private nextId = 1;

  async create(snapshot: NewSnapshot): Promise<Snapshot> {
    const created: Snapshot = { ...snapshot, id: this.nextId++ };
    this.byId.set(created.id, created);
    return created;
  }

  async findById(id: number): Promise<Snapshot | null> {
    return this.byId.get(id) ?? null;
  }

  async update(snapshot: Snapshot): Promise<void> {
    const current = this.byId.get(snapshot.id);
    if (!current) throw new Error(`unknown snapshot ${snapshot.id}`);
    this.byId.set(snapshot.id, { ...current, title: snapshot.title, content: snapshot.content, updatedAt: snapshot.updatedAt });
  }

  async deleteOwned(userId: number, classId: number, id: number): Promise<boolean> {
    const s = this.byId.get(id);
    if (!s || s.userId !== userId || s.classId !== classId) return false;
    return this.byId.delete(id);
  }

  async find(f: SnapshotFilter, order: SnapshotOrder, page?: PageRequest): Promise<PageOf<Snapshot>> {
    const found = [...this.byId.values()]
      .filter((s) => s.userId === f.userId && s.classId === f.classId)
      .filter((s) => f.titleContains === undefined || containsIgnoringCase(s.title, f.titleContains))
      .filter((s) => f.contentContains === undefined || s.content.includes(f.contentContains))
      .filter((s) => f.language === undefined || s.language === f.language)
      .filter((s) => (f.createdFrom === undefined || s.createdAt >= f.createdFrom) && (f.createdTo === undefined || s.createdAt <= f.createdTo))
      .sort((a, b) => directed(order.direction, a[order.field].getTime() - b[order.field].getTime() || a.id - b.id));
    return pageOf(found, page);
  }
}
