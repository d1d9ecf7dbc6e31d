import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { compileAdmissionContract, pendingCompileJobsContract } from '@sooscode/domain/testing';
import { RedisCompileAdmission } from '../../src/redis/redis-compile-admission';
import { RedisPendingCompileJobs } from '../../src/redis/redis-pending-compile-jobs';
import { HAS_REDIS, openTestRedis } from '../support/services';
import { REDIS_URL } from '../support/service-urls';

describe.skipIf(!HAS_REDIS)('Redis compile stores', () => {
  pendingCompileJobsContract('Redis, two nodes', async () => {
    const a = await openTestRedis();
    const b = new Redis(REDIS_URL, { lazyConnect: true });
    await b.connect();
    const subject = new RedisPendingCompileJobs(a.redis, a.prefix);
    const peer = new RedisPendingCompileJobs(b, a.prefix);
    return {
      subject,
      peer,
      now: () => new Date(),
      advance: (ms) => sleep(ms),
      teardown: async () => {
        await subject.close();
        await peer.close();
        await b.quit();
        await a.close();
      },
    };
  });

  compileAdmissionContract('Redis', async () => {
    const r = await openTestRedis();
    return { subject: new RedisCompileAdmission(r.redis, r.prefix), now: () => new Date(), advance: (ms) => sleep(ms), teardown: () => r.close() };
  });

  it('keeps job records under the prefix for the retention, and closes its subscriber with the main connection', async () => {
    const r = await openTestRedis();
    const jobs = new RedisPendingCompileJobs(r.redis, r.prefix);
    const jobId = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a10';
    const watch = await jobs.open({ jobId, userId: 1, language: 'java', createdAt: new Date() }, { retentionS: 600, maxWaiting: 10 });
    const ttl = await r.redis.pttl(`${r.prefix}compile:job:${jobId}`);
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);
    watch?.close();
    const subscribers = async () => (await r.redis.pubsub('NUMSUB', `${r.prefix}compile:done`)) as [string, number];
    expect((await subscribers())[1]).toBe(1);
    await r.close();
    const probe = new Redis(REDIS_URL);
    await expect.poll(async () => ((await probe.pubsub('NUMSUB', `${r.prefix}compile:done`)) as [string, number])[1]).toBe(0);
    await probe.quit();
  });

  it('wakes a waiter whose result was announced while its subscriber was reconnecting', async () => {
    const r = await openTestRedis();
    const jobs = new RedisPendingCompileJobs(r.redis, r.prefix);
    const jobId = '9b1d3c3e-2f5e-4a53-9f55-2f3f7c1c8a11';
    const watch = (await jobs.open({ jobId, userId: 1, language: 'java', createdAt: new Date() }, { retentionS: 600, maxWaiting: 10 }))!;
    // Simulate a result stored while the subscription was down: write it without any announcement.
    await r.redis.hset(`${r.prefix}compile:job:${jobId}`, 'state', 'DONE', 'status', 'SUCCESS', 'output', 'missed');
    // Only this test's connections carry its name (the subscriber is a duplicate of r.redis).
    const clients = ((await r.redis.client('LIST')) as string).split('\n');
    const own = clients.filter((line) => line.split(' ').includes(`name=${r.connectionName}`) && / cmd=subscribe( |$)/.test(line));
    expect(own).toHaveLength(1);
    const subscriberId = /^id=(\d+) /.exec(own[0]!)?.[1];
    await r.redis.client('KILL', 'ID', subscriberId!);
    await expect(watch.result).resolves.toEqual({ status: 'SUCCESS', output: 'missed' });
    await jobs.close();
    await r.close();
  });
});
