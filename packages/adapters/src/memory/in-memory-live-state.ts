import type { Clock } from '@sooscode/domain';
import type { LiveMode } from '@sooscode/domain';
import type { KickBanStore } from '@sooscode/domain';
import type { LiveModeStore } from '@sooscode/domain';
import type { VideoPresenceStore } from '@sooscode/domain';
import type { CodeDocument, CodeDocumentStore, CodeOwner } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Live modes in process memory. */
export class InMemoryLiveModeStore implements LiveModeStore {
  private readonly modes = new Map<number, LiveMode>();

  async get(classId: number): Promise<LiveMode | null> {
    return this.modes.get(classId) ?? null;
  }

  async set(classId: number, mode: LiveMode): Promise<void> {
    this.modes.set(classId, mode);
  }

  async clear(classId: number): Promise<void> {
    this.modes.delete(classId);
  }
}

/** Kick bans in process memory, expiring with the injected clock. */
export class InMemoryKickBanStore implements KickBanStore {
  private readonly bans: ExpiringMap<true>;

  constructor(clock: Clock) {
    this.bans = new ExpiringMap(clock);
  }

  async ban(classId: number, userId: number, ttlS: number): Promise<void> {
    this.bans.set(`${classId}:${userId}`, true, ttlS * 1000);
  }

  async isBanned(classId: number, userId: number): Promise<boolean> {
    return this.bans.get(`${classId}:${userId}`) === true;
  }

  async clearClass(classId: number): Promise<void> {
    for (const [key] of [...this.bans.values()]) if (key.startsWith(`${classId}:`)) this.bans.delete(key);
  }
}

/** Video flags in process memory. */
export class InMemoryVideoPresenceStore implements VideoPresenceStore {
  private readonly flags = new Map<number, Map<number, string>>();

  async setOn(classId: number, userId: number, sid: string): Promise<boolean> {
    let c = this.flags.get(classId);
    if (!c) this.flags.set(classId, (c = new Map()));
    const changed = !c.has(userId);
    c.set(userId, sid);
    return changed;
  }

  async clearIfSid(classId: number, userId: number, sid: string): Promise<boolean> {
    const c = this.flags.get(classId);
    if (c?.get(userId) !== sid) return false;
    c.delete(userId);
    return true;
  }

  async usersOn(classId: number): Promise<Set<number>> {
    return new Set(this.flags.get(classId)?.keys() ?? []);
  }

  async clearClass(classId: number): Promise<number[]> {
    const on = [...(this.flags.get(classId)?.keys() ?? [])];
    this.flags.delete(classId);
    return on;
  }
}

/** Latest code documents in process memory, expiring with the injected clock. */
export class InMemoryCodeDocumentStore implements CodeDocumentStore {
  private readonly docs: ExpiringMap<CodeDocument>;

  constructor(clock: Clock) {
    this.docs = new ExpiringMap(clock);
  }

  private key(classId: number, owner: CodeOwner): string {
    return `${classId}:${owner.kind === 'instructor' ? 'i' : `s${owner.userId}`}`;
  }

  async put(classId: number, owner: CodeOwner, doc: CodeDocument, ttlS: number): Promise<void> {
    this.docs.set(this.key(classId, owner), doc, ttlS * 1000);
  }

  async get(classId: number, owner: CodeOwner): Promise<CodeDocument | null> {
    return this.docs.get(this.key(classId, owner)) ?? null;
  }

  async clearClass(classId: number): Promise<void> {
    for (const [key] of [...this.docs.values()]) if (key.startsWith(`${classId}:`)) this.docs.delete(key);
  }
}
