import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KickBanStore } from '../../classroom/live/ports/kick-ban-store';
import type { LiveModeStore } from '../../classroom/live/ports/live-mode-store';
import type { PresenceRegistry } from '../../classroom/live/ports/presence-registry';
import type { VideoPresenceStore } from '../../classroom/live/ports/video-presence-store';
import type { CodeDocumentStore } from '../../collaboration/ports/code-document-store';
import type { ContractHarness, HarnessFactory } from './harness';

function suite<T>(title: string, factory: HarnessFactory<T>, body: (h: () => ContractHarness<T>) => void): void {
  describe(title, () => {
    let h: ContractHarness<T>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });
    body(() => h);
  });
}

const member = (userId: number, instructor = false) => ({ userId, username: `u${userId}`, instructor });

/** The behaviour every `PresenceRegistry` must have. */
export function presenceRegistryContract(name: string, factory: HarnessFactory<PresenceRegistry>): void {
  suite(`PresenceRegistry contract: ${name}`, factory, (h) => {
    it('adds a participant on the first session only and orders by joinedAt then userId', async () => {
      const p = h().subject;
      const t = new Date('2025-12-18T01:00:00.000Z');
      expect(await p.join(1, 's1', member(7), t)).toBe(true);
      expect(await p.join(1, 's2', member(7), new Date(t.getTime() + 5000))).toBe(false);
      expect(await p.join(1, 's3', member(3, true), t)).toBe(true);
      expect(await p.join(1, 's4', member(9), new Date(t.getTime() + 1000))).toBe(true);
      const list = await p.participants(1);
      expect(list.map((x) => x.userId)).toEqual([3, 7, 9]);
      expect(list[1]).toEqual({ userId: 7, username: 'u7', instructor: false, joinedAt: t });
      expect(list[0]?.instructor).toBe(true);
      expect((await p.sessionsOf(1, 7)).sort()).toEqual(['s1', 's2']);
      expect(await p.participants(2)).toEqual([]);
    });

    it('removes the participant with its last session and reports an empty class', async () => {
      const p = h().subject;
      const t = new Date('2025-12-18T01:00:00.000Z');
      await p.join(1, 'a', member(7), t);
      await p.join(1, 'b', member(7), t);
      await p.join(1, 'c', member(8), t);
      expect(await p.leave(1, 'a')).toEqual({ userId: 7, userLeft: false, classEmpty: false });
      expect(await p.leave(1, 'b')).toEqual({ userId: 7, userLeft: true, classEmpty: false });
      expect(await p.leave(1, 'c')).toEqual({ userId: 8, userLeft: true, classEmpty: true });
      expect((await p.leave(1, 'unknown')).userId).toBeNull();
      expect(await p.participants(1)).toEqual([]);
    });

    it('keeps classes apart and clears one class', async () => {
      const p = h().subject;
      const t = new Date('2025-12-18T01:00:00.000Z');
      await p.join(1, 'a', member(7), t);
      await p.join(2, 'b', member(7), t);
      await p.clearClass(1);
      expect(await p.participants(1)).toEqual([]);
      expect((await p.participants(2)).map((x) => x.userId)).toEqual([7]);
      expect(await p.join(1, 'a2', member(7), t)).toBe(true);
    });
  });
}

/** The behaviour every `LiveModeStore`, `KickBanStore`, `VideoPresenceStore` and `CodeDocumentStore` must have. */
export function liveStoresContract(
  name: string,
  factories: {
    mode: HarnessFactory<LiveModeStore>;
    bans: HarnessFactory<KickBanStore>;
    video: HarnessFactory<VideoPresenceStore>;
    code: HarnessFactory<CodeDocumentStore>;
  },
): void {
  suite(`LiveModeStore contract: ${name}`, factories.mode, (h) => {
    it('sets, reads and clears the mode per class', async () => {
      const s = h().subject;
      expect(await s.get(1)).toBeNull();
      await s.set(1, 'VIEW_ONLY');
      await s.set(2, 'FREE_PRACTICE');
      expect(await s.get(1)).toBe('VIEW_ONLY');
      await s.clear(1);
      expect(await s.get(1)).toBeNull();
      expect(await s.get(2)).toBe('FREE_PRACTICE');
    });
  });

  suite(`KickBanStore contract: ${name}`, factories.bans, (h) => {
    it('bans until the ttl or the class is cleared', async () => {
      const s = h().subject;
      await s.ban(1, 7, 1);
      await s.ban(1, 8, 60);
      await s.ban(2, 7, 60);
      expect(await s.isBanned(1, 7)).toBe(true);
      expect(await s.isBanned(1, 9)).toBe(false);
      await h().advance(1500);
      expect(await s.isBanned(1, 7)).toBe(false);
      expect(await s.isBanned(1, 8)).toBe(true);
      await s.clearClass(1);
      expect(await s.isBanned(1, 8)).toBe(false);
      expect(await s.isBanned(2, 7)).toBe(true);
    });
  });

  suite(`VideoPresenceStore contract: ${name}`, factories.video, (h) => {
    it('remembers the sid that set a flag and ignores a stale leave', async () => {
      const s = h().subject;
      expect(await s.setOn(1, 7, 'PA_old')).toBe(true);
      expect(await s.setOn(1, 7, 'PA_new')).toBe(false);
      expect(await s.clearIfSid(1, 7, 'PA_old')).toBe(false);
      expect([...(await s.usersOn(1))]).toEqual([7]);
      expect(await s.clearIfSid(1, 7, 'PA_new')).toBe(true);
      expect((await s.usersOn(1)).size).toBe(0);
      await s.setOn(1, 8, 'x');
      await s.setOn(2, 9, 'y');
      expect(await s.clearClass(1)).toEqual([8]);
      expect([...(await s.usersOn(2))]).toEqual([9]);
    });
  });

  suite(`CodeDocumentStore contract: ${name}`, factories.code, (h) => {
    it('keeps one document per class and owner, expiring with its ttl, cleared per class', async () => {
      const s = h().subject;
      const doc = (userId: number, code: string) => ({ userId, code, language: 'java', updatedAt: new Date('2025-12-18T01:00:00.500Z') });
      await s.put(1, { kind: 'instructor' }, doc(3, 'class A {}'), 60);
      await s.put(1, { kind: 'student', userId: 7 }, doc(7, 'mine'), 60);
      await s.put(1, { kind: 'student', userId: 8 }, doc(8, 'short'), 1);
      await s.put(2, { kind: 'instructor' }, doc(4, 'other'), 60);
      expect(await s.get(1, { kind: 'instructor' })).toEqual(doc(3, 'class A {}'));
      expect(await s.get(1, { kind: 'student', userId: 7 })).toEqual(doc(7, 'mine'));
      expect(await s.get(1, { kind: 'student', userId: 9 })).toBeNull();
      await h().advance(1500);
      expect(await s.get(1, { kind: 'student', userId: 8 })).toBeNull();
      await s.clearClass(1);
      expect(await s.get(1, { kind: 'instructor' })).toBeNull();
      expect((await s.get(2, { kind: 'instructor' }))?.code).toBe('other');
    });
  });
}
