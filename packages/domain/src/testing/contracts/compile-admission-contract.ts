import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompileAdmission } from '../../compilation/ports/compile-admission';
import type { ContractHarness, HarnessFactory } from './harness';

/** The behaviour every `CompileAdmission` must have (times are short so real-time adapters stay quick). */
export function compileAdmissionContract(name: string, factory: HarnessFactory<CompileAdmission>): void {
  describe(`CompileAdmission contract: ${name}`, () => {
    let h: ContractHarness<CompileAdmission>;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('admits once, then refuses with the cooldown first and the slot after it', async () => {
      expect(await h.subject.admit(1, 'job-a', 300, 60_000)).toBeNull();
      const refused = await h.subject.admit(1, 'job-b', 300, 60_000);
      expect(refused?.reason).toBe('cooldown');
      if (refused?.reason !== 'cooldown') return;
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(300);
      expect(await h.subject.admit(2, 'job-c', 300, 60_000)).toBeNull();
      await h.advance(400);
      expect(await h.subject.admit(1, 'job-d', 300, 60_000)).toEqual({ reason: 'in-flight' });
    });

    it('frees the slot only for the job that holds it', async () => {
      expect(await h.subject.admit(7, 'job-a', 0, 60_000)).toBeNull();
      await h.subject.release(7, 'job-other');
      expect(await h.subject.admit(7, 'job-b', 0, 60_000)).toEqual({ reason: 'in-flight' });
      await h.subject.release(7, 'job-a');
      await h.subject.release(7, 'job-a');
      expect(await h.subject.admit(7, 'job-b', 0, 60_000)).toBeNull();
    });

    it('cancels the cooldown only for the job that started it', async () => {
      expect(await h.subject.admit(3, 'job-a', 60_000, 60_000)).toBeNull();
      await h.subject.release(3, 'job-a');
      await h.subject.cancelCooldown(3, 'job-other');
      expect((await h.subject.admit(3, 'job-b', 60_000, 60_000))?.reason).toBe('cooldown');
      await h.subject.cancelCooldown(3, 'job-a');
      expect(await h.subject.admit(3, 'job-b', 60_000, 60_000)).toBeNull();
    });

    it('lets a slot lapse after its time to live', async () => {
      expect(await h.subject.admit(4, 'job-a', 0, 300)).toBeNull();
      expect(await h.subject.admit(4, 'job-b', 0, 300)).toEqual({ reason: 'in-flight' });
      await h.advance(400);
      expect(await h.subject.admit(4, 'job-c', 0, 300)).toBeNull();
    });

    it('admits exactly one of many concurrent requests of a user', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => h.subject.admit(5, `job-${i}`, 60_000, 60_000)));
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(results.filter((r) => r?.reason === 'cooldown')).toHaveLength(19);
    });
  });
}
