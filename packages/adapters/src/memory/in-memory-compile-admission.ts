import type { Clock } from '@sooscode/domain';
import type { AdmissionRefusal, CompileAdmission } from '@sooscode/domain';
import { ExpiringMap } from './expiring-map';

/** Per-user cooldowns and in-flight slots in process memory (one node). Values are job ids. */
export class InMemoryCompileAdmission implements CompileAdmission {
  private readonly cooldowns: ExpiringMap<string>;
  private readonly slots: ExpiringMap<string>;

  constructor(clock: Clock) {
    this.cooldowns = new ExpiringMap(clock);
    this.slots = new ExpiringMap(clock);
  }

  async admit(userId: number, jobId: string, cooldownMs: number, slotTtlMs: number): Promise<AdmissionRefusal | null> {
    const key = String(userId);
    if (this.cooldowns.get(key) !== undefined) return { reason: 'cooldown', retryAfterMs: Math.max(1, this.cooldowns.remainingMs(key)) };
    if (this.slots.get(key) !== undefined) return { reason: 'in-flight' };
    if (cooldownMs > 0) this.cooldowns.set(key, jobId, cooldownMs);
    this.slots.set(key, jobId, Math.max(1, slotTtlMs));
    return null;
  }

  async release(userId: number, jobId: string): Promise<void> {
    if (this.slots.get(String(userId)) === jobId) this.slots.delete(String(userId));
  }

  async cancelCooldown(userId: number, jobId: string): Promise<void> {
    if (this.cooldowns.get(String(userId)) === jobId) this.cooldowns.delete(String(userId));
  }
}
