import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: TEST_REDIS_URL, or the one running on this machine. */
export const testRedisUrl = (): string => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A BullMQ key prefix of its own for one test file, so runs never share queues. */
export function testQueuePrefix(): string {
  return `vwtest-${process.env.VW_TEST_RUN_ID ?? 'adhoc'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Removes every key under this run's queue prefixes (`vwtest-<run>-…`), as dropRunDatabases removes its databases:
 * apps stopped by a test leave their queues' keys (schedulers, metadata, finished jobs) behind. Returns how many.
 */
export async function dropRunQueues(runId: string, url = testRedisUrl()): Promise<number> {
  // The run id goes into a SCAN pattern: it must not widen it to other runs' keys.
  if (!/^[a-z0-9]+$/i.test(runId)) throw new Error(`dropRunQueues: unexpected run id ${JSON.stringify(runId)}`);
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `vwtest-${runId}-*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
