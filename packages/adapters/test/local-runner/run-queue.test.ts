import { describe, expect, it } from 'vitest';
import { CodeRunnerBusyError } from '@sooscode/domain';
import { RunQueue } from '../../src/local-runner/run-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RunQueue', () => {
  it('runs at most `concurrency` tasks on distinct slots and rejects beyond the queue bound', async () => {
    const q = new RunQueue(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    const slots: number[] = [];
    const running = gates.map((g) =>
      q.run(async (slot) => {
        slots.push(slot);
        await g.promise;
        return slot;
      }),
    );
    await expect(q.run(async () => 0)).rejects.toBeInstanceOf(CodeRunnerBusyError);
    expect(slots.sort()).toEqual([0, 1]);
    expect(q.queued).toBe(1);
    gates[0]?.resolve();
    gates[2]?.resolve();
    await expect(running[0]).resolves.toBe(0);
    await expect(running[2]).resolves.toBe(0);
    gates[1]?.resolve();
    await expect(running[1]).resolves.toBe(1);
  });

  it('releases the slot when the task throws', async () => {
    const q = new RunQueue(1, 0);
    await expect(q.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(q.run(async (slot) => slot)).resolves.toBe(0);
  });
});
