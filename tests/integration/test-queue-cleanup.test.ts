import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { dropRunQueues, testRedisUrl } from '@app/testing';

const REDIS_URL = testRedisUrl();

describe('dropRunQueues (the test run janitor for Redis)', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(() => redis.quit());

  it("should remove every key under one run's queue prefixes and leave other runs' keys", async () => {
    const run = `zzjanitor${randomBytes(4).toString('hex')}`;
    const other = `zzjanitor${randomBytes(4).toString('hex')}`;
    // More keys than one SCAN step returns, in several prefixes of the run, of several types.
    const ours = Array.from({ length: 2_500 }, (_, i) => `vwtest-${run}-${(i % 3).toString(16)}a1b2:email-send:${i}`);
    await redis.mset(...ours.flatMap((key) => [key, '1']));
    await redis.zadd(`vwtest-${run}-ff0000:dispatch:delayed`, 1, 'job');
    await redis.hset(`vwtest-${run}-ff0000:dispatch:repeat:dispatch`, 'every', '5000');
    const kept = [`vwtest-${other}-0a1b2c:email-send:1`, `vwtest-${run}x-0a1b2c:email-send:1`, `xvwtest-${run}-0a:1`];
    await redis.mset(...kept.flatMap((key) => [key, '1']));
    try {
      expect(await dropRunQueues(run, REDIS_URL)).toBe(ours.length + 2);
      const left = [];
      for await (const keys of redis.scanStream({ match: `*${run}*`, count: 1000 })) left.push(...(keys as string[]));
      expect(left.sort()).toEqual(kept.filter((key) => key.includes(run)).sort());
      expect(await redis.exists(...kept)).toBe(kept.length);
    } finally {
      // Also when the janitor failed: the run's keys must not outlive this test.
      for await (const keys of redis.scanStream({ match: `vwtest-${run}-*`, count: 1000 }))
        if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
      await redis.del(...kept);
    }
  });

  it('should refuse a run id that would widen the pattern to other runs', async () => {
    await expect(dropRunQueues('*', REDIS_URL)).rejects.toThrow(/unexpected run id/);
    await expect(dropRunQueues('', REDIS_URL)).rejects.toThrow(/unexpected run id/);
  });
});
