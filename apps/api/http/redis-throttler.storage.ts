import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { APP_CONFIG, REDIS_CLIENT } from '@app/core';
import type { AppConfig } from '@app/core';

/**
 * One fixed window per key, counted atomically in Redis: INCR, PEXPIRE on the first hit, and a block
 * key once the limit is passed. KEYS[1] counts, KEYS[2] blocks; ARGV: window ms, block ms, limit.
 * Returns { hits, window ms left, blocked (0/1), block ms left }.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { tonumber(ARGV[3]) + 1, redis.call('PTTL', KEYS[1]), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  left = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[3]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
  return { hits, left, 1, tonumber(ARGV[2]) }
end
return { hits, left, 0, 0 }
`;

/** The client with INCREMENT as a command: ioredis sends it by hash (EVALSHA) and its text again after NOSCRIPT. */
type LimiterRedis = Redis & {
  rateLimitIncrement(
    ...keysAndArgs: [string, string, number, number, number]
  ): Promise<[number, number, number, number]>;
};

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How often a Redis failure is logged at most: during an outage every request would report it. */
const FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * The rate limiter's counters in Redis, so every api replica counts against the same limit. When
 * Redis does not answer, requests are let through (and that is logged): the queues cannot work then
 * either, and refusing everything would turn a Redis hiccup into a full outage.
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly prefix: string;
  private readonly redis: LimiterRedis;
  private lastFailureLog = 0;

  constructor(@Inject(REDIS_CLIENT) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.queuePrefix}:throttle`;
    redis.defineCommand('rateLimitIncrement', { numberOfKeys: 2, lua: INCREMENT });
    this.redis = redis as LimiterRedis;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // The hash tag keeps both keys in one Redis Cluster slot (a prefix's own {tag} wins when it has one).
    const base = `${this.prefix}:${throttlerName}:{${key}}`;
    try {
      const [hits, left, blocked, blockLeft] = await this.redis.rateLimitIncrement(
        `${base}:hits`,
        `${base}:blocked`,
        ttl,
        Math.max(blockDuration, 1),
        limit,
      );
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(left / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (error) {
      const now = Date.now();
      if (now - this.lastFailureLog > FAILURE_LOG_INTERVAL_MS) {
        this.lastFailureLog = now;
        this.logger.warn(`Rate limit not checked, Redis did not answer: ${(error as Error).message}`);
      }
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
