import type { PurgeOldChat } from '@sooscode/domain';
import type { Logger } from '@sooscode/adapters/system/logger';
import type { TaskLease } from '@sooscode/adapters/system/task-lease';

const LEASE = 'chat-retention';

/**
 * One chat-retention run: takes the `chat-retention` lease for 90 % of `intervalMs` (so among nodes
 * ticking on the same interval, one purges per interval and the others skip), then deletes the
 * messages older than CHAT_RETENTION_DAYS. A failed run gives the lease back so another node retries.
 */
export function chatRetentionRun(purge: PurgeOldChat, lease: TaskLease, intervalMs: number, logger: Logger): () => Promise<void> {
  return async () => {
    if (!(await lease.tryAcquire(LEASE, Math.max(1, Math.floor(intervalMs * 0.9))))) return;
    try {
      const deleted = await purge.execute();
      if (deleted > 0) logger.info({ deleted }, 'chat retention: old messages deleted');
    } catch (e) {
      await lease.release(LEASE).catch(() => undefined);
      throw e;
    }
  };
}
