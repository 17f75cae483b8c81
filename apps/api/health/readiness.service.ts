import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, QueueName, redisConnectionOptions, workerProgressKey } from '@app/core';
import type { AppConfig } from '@app/core';
import { DatabasePingRepository } from './database-ping.repository';

/** A check that takes longer than this counts as down: a load balancer must get its answer quickly. */
export const CHECK_TIMEOUT_MS = 2000;

export type CheckStatus = 'up' | 'down' | 'unknown';

export interface Readiness {
  status: 'ok' | 'unavailable';
  /** The parts that are down, e.g. `["redis"]`; empty when ready. */
  down: Array<'database' | 'redis' | 'workers'>;
  checks: {
    database: { status: CheckStatus; error?: string };
    redis: { status: CheckStatus; error?: string };
    /** `stalled`: queues with jobs waiting longer than WORKER_STALL_MS while no job started or ended. */
    workers: { status: CheckStatus; stalled: string[] };
  };
}

/**
 * `GET /api/health/ready` (api.md): the database answers, Redis answers, and no queue has work
 * waiting that no worker touches. A worker can be connected yet take nothing (e.g. after a Redis
 * outage), so workers are judged by progress: the key every job start and end refreshes.
 */
@Injectable()
export class ReadinessService implements OnModuleDestroy {
  private readonly redis: Redis;
  /** The lazy first connect while it runs: checks that arrive together all wait for it (see pingRedis). */
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly database: DatabasePingRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Fails fast while Redis is away (no offline queue), instead of waiting for a reconnect.
    this.redis = new Redis({
      ...redisConnectionOptions(config.redisUrl),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      connectTimeout: CHECK_TIMEOUT_MS,
      lazyConnect: true,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<Readiness> {
    const [database, redis] = await Promise.all([settle(() => this.database.ping()), settle(() => this.pingRedis())]);
    const workers: Readiness['checks']['workers'] =
      redis.status === 'up'
        ? await withTimeout(this.stalledQueues()).then(
            (stalled) => ({ status: stalled.length > 0 ? 'down' : 'up', stalled }) as const,
            () => ({ status: 'unknown', stalled: [] }) as const,
          )
        : { status: 'unknown', stalled: [] };
    const checks = { database, redis, workers };
    const down = (['database', 'redis', 'workers'] as const).filter((name) => checks[name].status === 'down');
    return { status: down.length === 0 ? 'ok' : 'unavailable', down, checks };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /**
   * Without the shared connect, only the first of several checks arriving together started it; the others found the
   * socket still opening and, with no offline queue, failed at once: a 503 naming Redis on a healthy start (soak).
   */
  private async pingRedis(): Promise<void> {
    if (this.redis.status === 'wait') {
      this.connecting ??= this.redis.connect().finally(() => (this.connecting = null));
    }
    if (this.connecting) await this.connecting;
    await this.redis.ping();
  }

  private async stalledQueues(): Promise<string[]> {
    const now = Date.now();
    const stallBefore = now - this.config.workerStallMs;
    const stalled: string[] = [];
    for (const queue of Object.values(QueueName)) {
      const base = `${this.config.queuePrefix}:${queue}`;
      const [waiting, prioritized, oldestId, progress] = await Promise.all([
        this.redis.llen(`${base}:wait`),
        this.redis.zcard(`${base}:prioritized`),
        // BullMQ pushes new jobs on the left and workers take from the right: the oldest is last.
        this.redis.lindex(`${base}:wait`, -1),
        this.redis.get(workerProgressKey(this.config.queuePrefix, queue)),
      ]);
      if (waiting + prioritized === 0) continue;
      if (Number(progress ?? 0) >= stallBefore) continue;
      // Work that only just arrived is not a stall, even on a queue that was idle for a day.
      if (oldestId !== null) {
        const [timestamp, delay] = await this.redis.hmget(`${base}:${oldestId}`, 'timestamp', 'delay');
        if (Number(timestamp ?? 0) + Number(delay ?? 0) >= stallBefore) continue;
      }
      stalled.push(queue);
    }
    return stalled;
  }
}

async function settle(check: () => Promise<unknown>): Promise<{ status: CheckStatus; error?: string }> {
  try {
    await withTimeout(check());
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
