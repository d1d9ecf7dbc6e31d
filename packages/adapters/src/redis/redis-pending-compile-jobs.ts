import type { Redis } from 'ioredis';
import type { CompileJob, CompileJobState, CompileJobWatch, CompileResult, Completion, Language, NewCompileJob, PendingCompileJobs } from '@sooscode/domain';
import { silentLogger, type Logger } from '../system/logger';

/** Creates the record unless it exists; returns the existing state and result when it does (the re-check). */
const OPEN = `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HMGET', KEYS[1], 'state', 'status', 'output') end
redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'language', ARGV[2], 'createdAt', ARGV[3], 'state', 'PENDING')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return false
`;

/** PENDING → ARGV[1]; otherwise returns the state and result as they are. */
const END = `
local s = redis.call('HGET', KEYS[1], 'state')
if not s then return false end
if s == 'PENDING' then redis.call('HSET', KEYS[1], 'state', ARGV[1]) return {ARGV[1]} end
return redis.call('HMGET', KEYS[1], 'state', 'status', 'output')
`;

/** First writer wins: PENDING → DONE with the result, announced on the channel as "jobId status output". */
const COMPLETE = `
local h = redis.call('HMGET', KEYS[1], 'state', 'userId')
if not h[1] then return {'unknown'} end
if h[1] ~= 'PENDING' then return {'ignored'} end
redis.call('HSET', KEYS[1], 'state', 'DONE', 'status', ARGV[2], 'output', ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[1] .. ' ' .. ARGV[2] .. ' ' .. ARGV[3])
return {'completed', h[2]}
`;

type Wake = (result: CompileResult) => void;

/**
 * Pending compile jobs shared by every node (compile.md §5). Each job is a hash
 * `compile:job:{jobId}` kept `retentionS`; state changes are Lua scripts, so the first result
 * wins against duplicates, polls and the deadline alike. A stored result is published on one
 * channel, `compile:done`, to which every node subscribes once (on its own connection, before its
 * first job is stored); the node that waits for the job wakes its request. After a reconnection
 * of the subscriber the stored state of every waiting job is read again, so a result announced
 * while it was away is not lost. The subscriber closes when the main connection ends.
 */
export class RedisPendingCompileJobs implements PendingCompileJobs {
  private readonly waiters = new Map<string, Wake>();
  private readonly channel: string;
  private readonly logger: Logger;
  private subscriber: Redis | undefined;
  private subscribed: Promise<unknown> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'sooscode:',
    logger: Logger = silentLogger,
  ) {
    this.channel = `${prefix}compile:done`;
    this.logger = logger.child({ component: 'redis-pending-compile-jobs' });
  }

  async open(job: NewCompileJob, limits: { readonly retentionS: number; readonly maxWaiting: number }): Promise<CompileJobWatch | null> {
    if (this.waiters.size >= limits.maxWaiting) return null;
    if (this.waiters.has(job.jobId)) throw new Error(`compile job ${job.jobId} already exists`);
    let wake: Wake = () => undefined;
    const result = new Promise<CompileResult>((resolve) => (wake = resolve));
    this.waiters.set(job.jobId, wake);
    try {
      await this.subscribe();
      const existing = (await this.redis.eval(
        OPEN, 1, this.key(job.jobId), job.userId, job.language, job.createdAt.getTime(), limits.retentionS * 1000,
      )) as (string | null)[] | null;
      if (existing) throw new Error(`compile job ${job.jobId} already exists`);
    } catch (e) {
      this.drop(job.jobId, wake);
      throw e;
    }
    const jobId = job.jobId;
    return {
      result,
      end: async (state) => {
        this.drop(jobId, wake);
        const found = (await this.redis.eval(END, 1, this.key(jobId), state)) as (string | null)[] | null;
        return found?.[0] === 'DONE' ? resultOf(found[1], found[2]) : null;
      },
      close: () => this.drop(jobId, wake),
    };
  }

  async find(jobId: string): Promise<CompileJob | null> {
    const h = await this.redis.hgetall(this.key(jobId));
    if (h.state === undefined) return null;
    const job: CompileJob = {
      jobId,
      userId: Number(h.userId),
      language: h.language as Language,
      createdAt: new Date(Number(h.createdAt)),
      state: h.state as CompileJobState,
    };
    return h.state === 'DONE' ? { ...job, result: resultOf(h.status ?? null, h.output ?? null) } : job;
  }

  async complete(jobId: string, result: CompileResult): Promise<Completion> {
    const [kind, userId] = (await this.redis.eval(COMPLETE, 1, this.key(jobId), jobId, result.status, result.output, this.channel)) as [string, string?];
    if (kind === 'completed') {
      this.waiters.get(jobId)?.(result); // this node's waiter need not wait for the message
      return { kind, userId: Number(userId) };
    }
    return { kind: kind === 'ignored' ? 'ignored' : 'unknown' };
  }

  waiting(): number {
    return this.waiters.size;
  }

  /** Closes the subscriber connection (also done when the main connection ends). */
  async close(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = undefined;
    this.subscribed = undefined;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }

  private subscribe(): Promise<unknown> {
    if (this.subscribed) return this.subscribed;
    const sub = this.redis.duplicate();
    this.subscriber = sub;
    let connections = 0;
    sub.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'compile result subscriber error'));
    sub.on('message', (_channel: string, message: string) => this.onMessage(message));
    sub.on('ready', () => {
      if (++connections > 1) void this.recheck();
    });
    this.redis.once('end', () => void this.close());
    this.subscribed = sub.subscribe(this.channel).catch((e: unknown) => {
      this.subscribed = undefined;
      this.subscriber = undefined;
      sub.disconnect();
      throw e;
    });
    return this.subscribed;
  }

  private onMessage(message: string): void {
    const a = message.indexOf(' ');
    const b = message.indexOf(' ', a + 1);
    if (a < 0 || b < 0) return;
    const wake = this.waiters.get(message.slice(0, a));
    if (wake) wake(resultOf(message.slice(a + 1, b), message.slice(b + 1)));
  }

  /** Reads the stored state of every waiting job and wakes those already DONE. */
  private async recheck(): Promise<void> {
    for (const [jobId, wake] of [...this.waiters]) {
      try {
        const [state, status, output] = await this.redis.hmget(this.key(jobId), 'state', 'status', 'output');
        if (state === 'DONE') wake(resultOf(status ?? null, output ?? null));
      } catch (e) {
        this.logger.warn({ jobId, err: e instanceof Error ? e.message : String(e) }, 'compile job re-check failed');
      }
    }
  }

  private drop(jobId: string, wake: Wake): void {
    if (this.waiters.get(jobId) === wake) this.waiters.delete(jobId);
  }

  private key(jobId: string): string {
    return `${this.prefix}compile:job:${jobId}`;
  }
}

function resultOf(status: string | null | undefined, output: string | null | undefined): CompileResult {
  const s = status === 'SUCCESS' || status === 'FAIL' ? status : 'ERROR';
  return { status: s, output: output ?? '' };
}
