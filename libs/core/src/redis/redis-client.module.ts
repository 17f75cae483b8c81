import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { redisConnectionOptions } from './redis-connection';

/** The injection token of the shared, non-blocking Redis client (rate limits, queue statistics, dashboard). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Fails fast rather than waiting: while Redis is away a command is refused at once (no offline queue,
 * one retry, 1 s timeout), so an HTTP request never hangs on a rate-limit check or a metrics scrape.
 * BullMQ's workers keep their own blocking connections.
 */
export async function openRedisClient(url: string): Promise<Redis> {
  const client = new Redis({
    ...redisConnectionOptions(url),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
  });
  // Reconnects on its own; the commands that fail meanwhile report it where they are used.
  client.on('error', () => {});
  await client.connect();
  return client;
}

@Injectable()
class RedisClientCloser implements OnModuleDestroy {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis) {}

  async onModuleDestroy(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}

/** One shared ioredis client on REDIS_URL for request-time work. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openRedisClient(config.redisUrl),
    },
    RedisClientCloser,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisClientModule {}
