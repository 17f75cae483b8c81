import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, QueueName, REDIS_CLIENT, RedisClientModule } from '@app/core';
import type { AppConfig } from '@app/core';

/**
 * A BullMQ handle on every queue (QueueName, under QUEUE_PREFIX) for looking at it: the dashboard and
 * the queue-depth metrics. All share the one non-blocking Redis client, so they cost no connections,
 * and they exist whether this process runs the workers or not.
 */
@Injectable()
export class QueueHandles implements OnModuleDestroy {
  readonly queues: readonly Queue[];

  constructor(@Inject(REDIS_CLIENT) client: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.queues = Object.values(QueueName).map(
      (name) => new Queue(name, { connection: client, prefix: config.queuePrefix }),
    );
  }

  async onModuleDestroy(): Promise<void> {
    // The shared client stays open: RedisClientModule closes it.
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

@Global()
@Module({ imports: [RedisClientModule], providers: [QueueHandles], exports: [QueueHandles] })
export class QueueHandlesModule {}
